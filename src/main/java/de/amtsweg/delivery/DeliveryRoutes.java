package de.amtsweg.delivery;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Where each tenant's Anträge of each app go; without a route, to the case inbox. */
@Service
public class DeliveryRoutes {

  private final JdbcClient jdbc;

  DeliveryRoutes(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public DeliveryChannel of(String tenantArs, String appId) {
    return jdbc.sql("select channel from delivery_route where tenant_ars = ? and app_id = ?")
        .params(tenantArs, appId)
        .query(String.class)
        .optional()
        .map(DeliveryChannel::valueOf)
        .orElse(DeliveryChannel.CASE_INBOX);
  }

  /** Sets the route for Anträge submitted from now on; deliveries already written keep theirs. */
  @Transactional
  public void set(String tenantArs, String appId, DeliveryChannel channel) {
    jdbc.sql(
            """
            insert into delivery_route (tenant_ars, app_id, channel) values (?, ?, ?)
            on conflict (tenant_ars, app_id) do update set channel = excluded.channel, updated_at = now()
            """)
        .params(tenantArs, appId, channel.name())
        .update();
  }

  /** Sets the route only if the tenant has none for the app yet (demo data, first start). */
  @Transactional
  public void setIfAbsent(String tenantArs, String appId, DeliveryChannel channel) {
    jdbc.sql("insert into delivery_route (tenant_ars, app_id, channel) values (?, ?, ?) on conflict do nothing")
        .params(tenantArs, appId, channel.name())
        .update();
  }
}
