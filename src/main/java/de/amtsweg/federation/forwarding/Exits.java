package de.amtsweg.federation.forwarding;

import de.amtsweg.catalog.Catalog;
import de.amtsweg.catalog.Leistung;
import de.amtsweg.catalog.VerbundObjects;
import de.amtsweg.catalog.VerbundObjects.LinkStatus;
import de.amtsweg.catalog.VerbundObjects.Onlinedienst;
import de.amtsweg.catalog.VerbundObjects.Rolle;
import de.amtsweg.tenancy.Authorities;
import de.amtsweg.tenancy.Authority;
import java.net.URI;
import java.sql.Date;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The way out of Amtsweg to another provider's online service: only to an Onlinedienst Amtsweg
 * knows, for a Leistung and place it serves, to the address stored for it (never to an address that
 * came with the request); and the count of such ways taken, per Onlinedienst, Leistung, place and
 * day, without anything about the person.
 */
@Service
class Exits {

  private static final String LAND = "160000000000";

  private final VerbundObjects objects;
  private final Catalog catalog;
  private final Authorities authorities;
  private final JdbcClient jdbc;

  Exits(VerbundObjects objects, Catalog catalog, Authorities authorities, JdbcClient jdbc) {
    this.objects = objects;
    this.catalog = catalog;
    this.authorities = authorities;
    this.jdbc = jdbc;
  }

  /**
   * Where the way out leads.
   *
   * @throws ExitRefusedException when the Onlinedienst is unknown or dead, or the Leistung and
   *     place are malformed or not served by it
   */
  Exit resolve(String onlinedienstId, @Nullable String leikaKey, @Nullable String ars) {
    Onlinedienst service =
        objects
            .onlinedienst(onlinedienstId)
            .orElseThrow(() -> new ExitRefusedException(ExitRefusedException.Reason.UNKNOWN));
    if (service.linkStatus() == LinkStatus.DEAD) {
      throw new ExitRefusedException(ExitRefusedException.Reason.DEAD);
    }
    if (leikaKey == null
        || ars == null
        || !leikaKey.matches("99[0-9]{12}")
        || !ars.matches("[0-9]{12}")) {
      throw new ExitRefusedException(ExitRefusedException.Reason.MALFORMED);
    }
    Leistung leistung =
        catalog
            .find(leikaKey)
            .orElseThrow(() -> new ExitRefusedException(ExitRefusedException.Reason.MALFORMED));
    Authority place = authorities.find(ars).orElse(null);
    boolean serves =
        objects.entries(leikaKey, regions(ars)).stream()
            .anyMatch(
                entry ->
                    entry.rolle() == Rolle.ONLINEDIENST
                        && onlinedienstId.equals(entry.onlinedienstId()));
    if (!serves) {
      throw new ExitRefusedException(ExitRefusedException.Reason.NOT_SERVED, leistung);
    }
    String target = service.urlFor(leistung.leikaKey(), ars);
    // The stored address was checked on save; checked again, as it is about to become a link.
    if (!VerbundObjects.isWebAddress(target)) {
      throw new ExitRefusedException(ExitRefusedException.Reason.UNKNOWN);
    }
    return new Exit(
        service,
        leistung,
        ars,
        place == null ? null : place.displayName(),
        target,
        URI.create(target).getHost());
  }

  /** Counts one way out taken today. */
  void count(Exit exit, LocalDate day) {
    jdbc.sql(
            """
            insert into forwarding_click (onlinedienst_id, leika_key, ars, day, clicks)
            values (?, ?, ?, ?, 1)
            on conflict (onlinedienst_id, leika_key, ars, day)
            do update set clicks = forwarding_click.clicks + 1
            """)
        .params(exit.service().id(), exit.leistung().leikaKey(), exit.ars(), Date.valueOf(day))
        .update();
  }

  /** The ways out taken since a day, most taken first. */
  List<Statistic> statistics(LocalDate since) {
    return jdbc.sql(
            """
            select onlinedienst_id, leika_key, ars, sum(clicks) as clicks, max(day) as last_day
            from forwarding_click where day >= ?
            group by onlinedienst_id, leika_key, ars
            order by clicks desc, onlinedienst_id, leika_key, ars
            limit 500
            """)
        .param(Date.valueOf(since))
        .query(
            (rs, row) -> {
              String id = rs.getString("onlinedienst_id");
              String key = rs.getString("leika_key");
              String ars = rs.getString("ars");
              Onlinedienst service = objects.onlinedienst(id).orElse(null);
              return new Statistic(
                  id,
                  service == null ? null : service.name(),
                  service == null ? null : service.provider(),
                  key,
                  catalog.find(key).map(Leistung::name).orElse(null),
                  ars,
                  authorities.find(ars).map(Authority::displayName).orElse(null),
                  rs.getLong("clicks"),
                  rs.getDate("last_day").toLocalDate());
            })
        .list();
  }

  /** The place, the authorities above it, the Land and Germany: the regions that serve it. */
  private Set<String> regions(String ars) {
    Set<String> regions = new LinkedHashSet<>();
    regions.add(ars);
    authorities.ancestors(ars).forEach(a -> regions.add(a.ars()));
    regions.add(LAND);
    regions.add(VerbundObjects.GERMANY);
    return regions;
  }

  /**
   * A way out.
   *
   * @param placeName the place's name, if it is one of the Land's
   * @param target the address the person is sent to, Leistung and place filled in
   * @param host the target's host, shown so that the person sees where they are going
   */
  record Exit(
      Onlinedienst service,
      Leistung leistung,
      String ars,
      @Nullable String placeName,
      String target,
      String host) {}

  /** How often a way out was taken. */
  record Statistic(
      String onlinedienstId,
      @Nullable String name,
      @Nullable String provider,
      String leikaKey,
      @Nullable String leistung,
      String ars,
      @Nullable String place,
      long clicks,
      LocalDate lastDay) {}
}
