package de.amtsweg.payment;

import de.amtsweg.appstore.AppStore;
import de.amtsweg.tenancy.ReadinessCheck;
import de.amtsweg.tenancy.ReadinessItem;
import de.amtsweg.tenancy.Tenant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Checklist item, only when a switched-on app takes its fee online: the payment service set up and
 * tested. Tested means one payment with the configured service was paid since the settings last
 * changed; a payment the service confirmed is the only proof that credentials and notifications
 * work.
 */
@Component
class PaymentReadiness implements ReadinessCheck {

  private final AppStore apps;
  private final JdbcClient jdbc;

  PaymentReadiness(AppStore apps, JdbcClient jdbc) {
    this.apps = apps;
    this.jdbc = jdbc;
  }

  @Override
  public int order() {
    return 40;
  }

  @Override
  public Optional<ReadinessItem> item(Tenant tenant, Viewer viewer) {
    String ars = tenant.authorityArs();
    boolean feesOnline =
        apps.activations(ars).stream().anyMatch(a -> a.active() && a.payment().online());
    if (!feesOnline) {
      return Optional.empty();
    }
    String link = viewer == Viewer.TENANT_ADMIN ? "/verwaltung/zahlungen/einstellungen" : null;
    Optional<Stored> stored = stored(ars);
    if (stored.isEmpty()) {
      return Optional.of(ReadinessItem.of("payment", false, "onboarding.payment.open", link));
    }
    boolean paid =
        jdbc.sql(
                """
                select exists (select 1 from payment where tenant_ars = ? and provider = ?
                  and status in ('PAID', 'PARTIALLY_REFUNDED', 'REFUNDED') and updated_at >= ?)
                """)
            .params(ars, stored.get().provider(), stored.get().updatedAt())
            .query(Boolean.class)
            .single();
    return Optional.of(
        new ReadinessItem(
            "payment",
            paid,
            paid ? "onboarding.payment.done" : "onboarding.payment.untested",
            List.of(stored.get().provider()),
            List.of(),
            link));
  }

  /** The stored settings only: the demo's default test service does not count as set up. */
  private Optional<Stored> stored(String ars) {
    return jdbc.sql("select provider, updated_at from payment_config where tenant_ars = ?")
        .param(ars)
        .query(
            (rs, n) ->
                new Stored(
                    rs.getString("provider"), rs.getObject("updated_at", OffsetDateTime.class)))
        .optional();
  }

  private record Stored(String provider, OffsetDateTime updatedAt) {}
}
