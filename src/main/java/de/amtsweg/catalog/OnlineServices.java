package de.amtsweg.catalog;

import java.net.URI;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Whether and where a Leistung can be applied for online at a place: the one answer behind the
 * "Online beantragen" badge of the search, the API's {@code onlineAvailable} and the service page.
 * It is online when the responsible authority has switched on an Antrags-App for it ({@link
 * OnlineOffers}), or when the catalog knows an online service of another provider for that
 * authority. A Reifegrad assessment describes the maturity of an offer; it makes nothing online.
 */
@Service
public class OnlineServices {

  private final OnlineOffers offers;
  private final JdbcClient jdbc;
  private final ApplicationEventPublisher events;

  OnlineServices(OnlineOffers offers, JdbcClient jdbc, ApplicationEventPublisher events) {
    this.offers = offers;
    this.jdbc = jdbc;
    this.events = events;
  }

  /**
   * The ways to apply online for the Leistung at the responsible authority: its Antrags-Apps in
   * Amtsweg first, then services of other providers. Empty: not online there.
   *
   * @param authorityArs the responsible authority (from {@link Zustaendigkeiten#responsible})
   * @param locale the language of the apps' names
   */
  public List<OnlineService> at(String authorityArs, String leikaKey, Locale locale) {
    List<OnlineService> services = new ArrayList<>();
    for (OnlineOffers.OnlineOffer offer : offers.offeredFor(authorityArs, leikaKey, locale)) {
      services.add(new OnlineService(offer.name(), "/antrag/" + offer.appId(), null));
    }
    for (External external : externals(authorityArs, leikaKey)) {
      services.add(new OnlineService(external.name(), external.url(), external.provider()));
    }
    return services;
  }

  /** Whether the Leistung can be applied for online at the responsible authority. */
  public boolean available(String authorityArs, String leikaKey) {
    return !available(List.of(new Pair(authorityArs, leikaKey))).isEmpty();
  }

  /** Of these (authority, Leistung) pairs, those that can be applied for online: two queries. */
  Set<Pair> available(Collection<Pair> pairs) {
    if (pairs.isEmpty()) {
      return Set.of();
    }
    Set<Pair> online = new HashSet<>();
    Map<String, Set<String>> apps =
        offers.offeredLeistungen(pairs.stream().map(Pair::authorityArs).distinct().toList());
    for (Pair pair : pairs) {
      if (apps.getOrDefault(pair.authorityArs(), Set.of()).contains(pair.leikaKey())) {
        online.add(pair);
      }
    }
    jdbc
        .sql(
            """
            select distinct authority_ars, leika_key from online_dienst
            where authority_ars = any(?) and leika_key = any(?)
            """)
        .params(
            pairs.stream().map(Pair::authorityArs).distinct().toArray(String[]::new),
            pairs.stream().map(Pair::leikaKey).distinct().toArray(String[]::new))
        .query((rs, row) -> new Pair(rs.getString("authority_ars"), rs.getString("leika_key")))
        .list()
        .stream()
        .filter(pairs::contains)
        .forEach(online::add);
    return online;
  }

  /** The online services of other providers the catalog knows, by Leistung and authority. */
  public List<External> externals() {
    return jdbc.sql(
            "select id, leika_key, authority_ars, name, url, provider from online_dienst"
                + " order by leika_key, authority_ars, name")
        .query(OnlineServices::mapExternal)
        .list();
  }

  private List<External> externals(String authorityArs, String leikaKey) {
    return jdbc.sql(
            "select id, leika_key, authority_ars, name, url, provider from online_dienst"
                + " where authority_ars = ? and leika_key = ? order by name")
        .params(authorityArs, leikaKey)
        .query(OnlineServices::mapExternal)
        .list();
  }

  /**
   * Records that an authority's Leistung can be applied for online with another provider's service
   * (a portal of the Land or the Bund). From then on it counts as online there.
   *
   * @param url an {@code https} address
   * @throws CatalogException {@code leistung-not-found}, or {@link
   *     CatalogException#INVALID_ONLINE_SERVICE} for a malformed ARS, a blank name or provider, or
   *     an address that is not {@code https}
   */
  @Transactional
  public External addExternal(
      String leikaKey, String authorityArs, String name, String url, String provider) {
    String key = CatalogException.requireLeikaKey(leikaKey);
    if (!authorityArs.matches("[0-9]{12}")
        || name.isBlank()
        || name.length() > 300
        || provider.isBlank()
        || provider.length() > 200
        || !isHttps(url)) {
      throw new CatalogException(HttpStatus.BAD_REQUEST, CatalogException.INVALID_ONLINE_SERVICE);
    }
    Integer known =
        jdbc.sql("select count(*) from leistung where leika_key = ?")
            .param(key)
            .query(Integer.class)
            .single();
    if (known == 0) {
      throw CatalogException.notFound(key);
    }
    External external =
        new External(UUID.randomUUID(), key, authorityArs, name.strip(), url, provider.strip());
    jdbc.sql(
            """
            insert into online_dienst (id, leika_key, authority_ars, name, url, provider)
            values (?, ?, ?, ?, ?, ?) on conflict (leika_key, authority_ars, url) do nothing
            """)
        .params(external.id(), key, authorityArs, external.name(), url, external.provider())
        .update();
    events.publishEvent(new CatalogChanged(key));
    return external;
  }

  /** Forgets an online service of another provider. */
  @Transactional
  public void removeExternal(UUID id) {
    jdbc.sql("delete from online_dienst where id = ? returning leika_key")
        .param(id)
        .query(String.class)
        .optional()
        .ifPresent(key -> events.publishEvent(new CatalogChanged(key)));
  }

  private static boolean isHttps(String url) {
    if (url.length() > 500) {
      return false;
    }
    try {
      URI uri = URI.create(url);
      return "https".equals(uri.getScheme()) && uri.getHost() != null;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static External mapExternal(ResultSet rs, int row) throws SQLException {
    return new External(
        rs.getObject("id", UUID.class),
        rs.getString("leika_key"),
        rs.getString("authority_ars"),
        rs.getString("name"),
        rs.getString("url"),
        rs.getString("provider"));
  }

  /** An authority and a Leistung. */
  record Pair(String authorityArs, String leikaKey) {}

  /**
   * One way to apply online.
   *
   * @param name what to show on the button: the app's name, or the other provider's service name
   * @param href {@code /antrag/{appId}} for an Antrags-App, else the other provider's address
   * @param provider the other provider's name; null for an Antrags-App in Amtsweg
   */
  public record OnlineService(String name, String href, @Nullable String provider) {

    /** Whether this is an Antrags-App in Amtsweg (not another provider's service). */
    public boolean inAmtsweg() {
      return provider == null;
    }
  }

  /** An online service of another provider, recorded for an authority and a Leistung. */
  public record External(
      UUID id, String leikaKey, String authorityArs, String name, String url, String provider) {}
}
