package de.amtsweg.appstore;

import de.amtsweg.catalog.OnlineOffers;
import de.amtsweg.forms.AppDefinition;
import de.amtsweg.forms.Text;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Answers the catalog's questions which Antrags-Apps a tenant offers for a Leistung, and what the
 * apps are called.
 */
@Component
class AppStoreOnlineOffers implements OnlineOffers {

  private final AppStore appStore;
  private final JdbcClient jdbc;

  AppStoreOnlineOffers(AppStore appStore, JdbcClient jdbc) {
    this.appStore = appStore;
    this.jdbc = jdbc;
  }

  @Override
  public List<OnlineOffer> offeredFor(String tenantArs, String leikaKey, Locale locale) {
    return appStore.offeredFor(tenantArs, leikaKey).stream()
        .map(o -> new OnlineOffer(o.app().id(), o.definition().name().in(locale)))
        .toList();
  }

  @Override
  public Map<String, Set<String>> offeredLeistungen(Collection<String> tenantArs) {
    Map<String, Set<String>> offered = new HashMap<>();
    if (tenantArs.isEmpty()) {
      return offered;
    }
    // One query per search page: the newest version of each active app, its Leistungen.
    jdbc.sql(
            """
            select a.tenant_ars, k.leika_key
            from app_activation a
            join lateral (select v.definition from app_version v where v.app_id = a.app_id
                          order by v.version desc limit 1) latest on true
            cross join lateral jsonb_array_elements_text(
                coalesce(latest.definition -> 'leikaKeys', '[]'::jsonb)) k(leika_key)
            where a.active and a.tenant_ars = any(?)
            """)
        .param(tenantArs.toArray(String[]::new))
        .query(
            (RowCallbackHandler)
                rs ->
                    offered
                        .computeIfAbsent(rs.getString("tenant_ars"), t -> new HashSet<>())
                        .add(rs.getString("leika_key")));
    return offered;
  }

  @Override
  public List<AppTerms> searchTerms() {
    return appStore.publishedApps().stream()
        .map(PublishedApp::definition)
        .filter(definition -> !definition.leikaKeys().isEmpty())
        .map(AppStoreOnlineOffers::terms)
        .toList();
  }

  private static AppTerms terms(AppDefinition definition) {
    return new AppTerms(
        definition.id(),
        definition.leikaKeys(),
        languages(definition.name()),
        languages(definition.keywords()).stream()
            .flatMap(list -> Arrays.stream(list.split(",")))
            .map(String::strip)
            .filter(keyword -> !keyword.isEmpty())
            .toList(),
        languages(definition.description()));
  }

  private static List<String> languages(@Nullable Text text) {
    return text == null
        ? List.of()
        : Stream.of(text.de(), text.en())
            .<String>mapMulti(
                (t, out) -> {
                  if (t != null && !t.isBlank()) {
                    out.accept(t);
                  }
                })
            .toList();
  }
}
