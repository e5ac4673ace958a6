package de.amtsweg.catalog;

import de.amtsweg.tenancy.Authority;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Whether and where a Leistung can be applied for online at a place: the one answer behind the
 * "Online beantragen" badge of the search, the API's {@code onlineAvailable} and the service page.
 * It is online when the responsible authority has switched on an Antrags-App for it ({@link
 * OnlineOffers}; when nobody is known to be responsible, an authority of the place's chain that
 * offers one), or when a Zuständigkeit of role {@code ONLINEDIENST} ties an Onlinedienst of any
 * provider to the Leistung in the place's chain, the Land or Germany and its address is not known
 * to be dead. Other providers' services are reached through the exit page {@code /weiter/{id}}. A
 * Reifegrad assessment describes the maturity of an offer; it makes nothing online.
 */
@Service
public class OnlineServices {

  private final OnlineOffers offers;
  private final JdbcClient jdbc;
  private final Zustaendigkeiten zustaendigkeiten;

  OnlineServices(OnlineOffers offers, JdbcClient jdbc, Zustaendigkeiten zustaendigkeiten) {
    this.offers = offers;
    this.jdbc = jdbc;
    this.zustaendigkeiten = zustaendigkeiten;
  }

  /**
   * The ways to apply online for the Leistung at the place: Antrags-Apps in Amtsweg first, then
   * services of other providers (by name). Empty: not online there.
   *
   * @param responsible who is responsible there ({@link Zustaendigkeiten#responsible})
   * @param locale the language of the apps' names
   */
  public List<OnlineService> at(
      Zustaendigkeit responsible, String placeArs, String leikaKey, Locale locale) {
    Zustaendigkeiten.Place place = zustaendigkeiten.place(placeArs);
    List<OnlineService> services = new ArrayList<>();
    for (String tenantArs : appAuthorities(responsible, place)) {
      for (OnlineOffers.OnlineOffer offer : offers.offeredFor(tenantArs, leikaKey, locale)) {
        services.add(new OnlineService(offer.name(), "/antrag/" + offer.appId(), null));
      }
      if (!services.isEmpty()) {
        break;
      }
    }
    services.addAll(
        external(List.of(leikaKey), place.regions(), placeArs).getOrDefault(leikaKey, List.of()));
    return services;
  }

  /**
   * Of these Leistungen, with who is responsible for each at the place, those that can be applied
   * for online there and the other providers' services for each: three queries for a page.
   */
  Online online(Map<String, Zustaendigkeit> responsible, Zustaendigkeiten.Place place) {
    if (responsible.isEmpty()) {
      return new Online(Set.of(), Map.of());
    }
    Set<String> authorities = new LinkedHashSet<>();
    responsible.values().forEach(z -> authorities.addAll(appAuthorities(z, place)));
    Map<String, Set<String>> apps = offers.offeredLeistungen(authorities);
    Set<String> online = new HashSet<>();
    responsible.forEach(
        (leikaKey, z) -> {
          for (String ars : appAuthorities(z, place)) {
            if (apps.getOrDefault(ars, Set.of()).contains(leikaKey)) {
              online.add(leikaKey);
              return;
            }
          }
        });
    Map<String, List<OnlineService>> external =
        external(responsible.keySet(), place.regions(), place.chain().getFirst().ars());
    online.addAll(external.keySet());
    return new Online(online, external);
  }

  /**
   * The authorities whose Antrags-Apps count: the responsible one; when nobody is known, the
   * place's chain from the place up (as the Antrag's routing does).
   */
  private static List<String> appAuthorities(Zustaendigkeit z, Zustaendigkeiten.Place place) {
    Authority authority = z.authority();
    if (authority != null) {
      return List.of(authority.ars());
    }
    if (z.known()) {
      return List.of();
    }
    return place.chain().stream().map(Authority::ars).toList();
  }

  private Map<String, List<OnlineService>> external(
      Collection<String> leikaKeys, List<String> regions, String placeArs) {
    Map<String, List<OnlineService>> byLeistung = new HashMap<>();
    Map<String, Set<String>> seen = new HashMap<>();
    jdbc.sql(
            """
            select z.leika_key, z.region_ars, d.id, d.name, d.provider
            from zustaendigkeit z join onlinedienst d on d.id = z.onlinedienst_id
            where z.rolle = 'ONLINEDIENST' and d.link_status <> 'DEAD'
              and z.leika_key = any(?) and z.region_ars = any(?)
            order by array_position(?, z.region_ars), d.name, d.id
            """)
        .params(
            leikaKeys.toArray(String[]::new),
            regions.toArray(String[]::new),
            regions.toArray(String[]::new))
        .query(
            (rs, row) -> {
              String leikaKey = rs.getString("leika_key");
              String id = rs.getString("id");
              if (seen.computeIfAbsent(leikaKey, k -> new HashSet<>()).add(id)) {
                byLeistung
                    .computeIfAbsent(leikaKey, k -> new ArrayList<>())
                    .add(
                        new OnlineService(
                            rs.getString("name"),
                            exitHref(id, leikaKey, placeArs),
                            rs.getString("provider")));
              }
              return id;
            })
        .list();
    return byLeistung;
  }

  /**
   * The exit page that forwards to another provider's service, with the Leistung and place: never
   * the service's address itself, so that every forward is explained and counted.
   */
  public static String exitHref(String onlinedienstId, String leikaKey, String placeArs) {
    return "/weiter/"
        + URLEncoder.encode(onlinedienstId, StandardCharsets.UTF_8)
        + "?leistung="
        + leikaKey
        + "&ars="
        + placeArs;
  }

  /** Which Leistungen are online at a place, and the other providers' services for each. */
  record Online(Set<String> leikaKeys, Map<String, List<OnlineService>> external) {}

  /**
   * One way to apply online.
   *
   * @param name what to show on the button: the app's name, or the other provider's service name
   * @param href {@code /antrag/{appId}} for an Antrags-App, else the exit page {@code
   *     /weiter/{onlinedienstId}?leistung=&ars=} that forwards to the other provider
   * @param provider the other provider's name; null for an Antrags-App in Amtsweg
   */
  public record OnlineService(String name, String href, @Nullable String provider) {

    /** Whether this is an Antrags-App in Amtsweg (not another provider's service). */
    public boolean inAmtsweg() {
      return provider == null;
    }
  }
}
