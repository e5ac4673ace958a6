package de.amtsweg.payment;

import de.amtsweg.platform.OutboundReason;
import de.amtsweg.platform.OutboundTargets;
import de.amtsweg.platform.SecretBox;
import de.amtsweg.tenancy.Tenant;
import de.amtsweg.tenancy.TenantManagement;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The tenants' payment configurations. Secrets are sealed before they are stored ({@link
 * SecretBox}, the tenant's ARS as owner, so a value copied to another tenant's row does not open)
 * and never leave this class except inside a {@link PaymentConfig} handed to a provider. A payment
 * service's address must pass the platform's rules for outbound addresses ({@link OutboundTargets}:
 * https, nothing in the internal network). In the demo profile a tenant without a configuration
 * gets the built-in test payment service at first use.
 */
@Service
public class PaymentConfigs {

  /** Prefixes of the demo tenants' Kassenzeichen. */
  private static final Map<String, String> DEMO_PREFIXES =
      Map.of(
          "thueringen",
          "TH",
          "erfurt",
          "EF",
          "jena",
          "J",
          "landkreis-gotha",
          "LKGTH",
          "gotha",
          "GTH",
          "ohrdruf",
          "OHR");

  static final String DEMO_HAUSHALTSSTELLE = "1.1100.1100";

  /** The longest address of a payment service. */
  static final int MAX_ENDPOINT_CHARS = 500;

  private static final SecureRandom RANDOM = new SecureRandom();

  private final JdbcClient jdbc;
  private final SecretBox secrets;
  private final TenantManagement tenants;
  private final OutboundTargets targets;
  private final boolean demo;
  private final List<ProviderInfo> providers;

  PaymentConfigs(
      JdbcClient jdbc,
      SecretBox secrets,
      TenantManagement tenants,
      Environment environment,
      List<PaymentProvider> providers,
      OutboundTargets targets) {
    this.providers =
        providers.stream()
            .map(p -> new ProviderInfo(p.id(), p.needsEndpoint()))
            .sorted(java.util.Comparator.comparing(ProviderInfo::id))
            .toList();
    this.jdbc = jdbc;
    this.secrets = secrets;
    this.tenants = tenants;
    this.targets = targets;
    this.demo = environment.matchesProfiles("demo");
  }

  /** What the settings page shows: no secrets, only whether they are set. */
  public record Settings(
      String tenantArs,
      String provider,
      String kassenzeichenPrefix,
      KassenzeichenScheme kassenzeichenScheme,
      String haushaltsstelle,
      @Nullable String objektnummer,
      @Nullable String endpointUrl,
      @Nullable String originatorId,
      @Nullable String endpointId,
      @Nullable String clientId,
      boolean clientSecretSet,
      @Nullable String updatedBy,
      OffsetDateTime updatedAt) {}

  /** A change by a tenant administrator; null secrets keep the stored ones. */
  public record Change(
      String provider,
      String kassenzeichenPrefix,
      KassenzeichenScheme kassenzeichenScheme,
      String haushaltsstelle,
      @Nullable String objektnummer,
      @Nullable String endpointUrl,
      @Nullable String originatorId,
      @Nullable String endpointId,
      @Nullable String clientId,
      @Nullable String clientSecret,
      @Nullable String notificationSecret) {}

  /** A payment service one can choose, and whether it needs endpoint and credentials. */
  public record ProviderInfo(String id, boolean needsEndpoint) {}

  /** The payment services one can choose. */
  public List<ProviderInfo> providers() {
    return providers;
  }

  /** The tenant's configuration for a payment; in the demo, the test service when there is none. */
  public PaymentConfig of(String tenantArs) {
    return find(tenantArs)
        .or(() -> demo ? Optional.of(demoDefault(tenantArs)) : Optional.empty())
        .orElseThrow(PaymentException.NotConfigured::new);
  }

  /** The stored configuration, secrets opened. */
  public Optional<PaymentConfig> find(String tenantArs) {
    return jdbc.sql("select * from payment_config where tenant_ars = ?")
        .param(tenantArs)
        .query(
            (rs, n) ->
                new PaymentConfig(
                    rs.getString("tenant_ars"),
                    rs.getString("provider"),
                    rs.getString("kassenzeichen_prefix"),
                    KassenzeichenScheme.valueOf(rs.getString("kassenzeichen_scheme")),
                    rs.getString("haushaltsstelle"),
                    rs.getString("objektnummer"),
                    rs.getString("endpoint_url"),
                    rs.getString("originator_id"),
                    rs.getString("endpoint_id"),
                    rs.getString("client_id"),
                    open(rs.getString("client_secret"), tenantArs),
                    secrets.open(rs.getString("notification_secret"), tenantArs)))
        .optional();
  }

  /**
   * The settings as the page shows them (the demo default is stored first, so it can be edited).
   */
  public Optional<Settings> settings(String tenantArs) {
    if (demo) {
      of(tenantArs);
    }
    return jdbc.sql("select * from payment_config where tenant_ars = ?")
        .param(tenantArs)
        .query(PaymentConfigs::settings)
        .optional();
  }

  /**
   * What is wrong with the address of a payment service, as a message key ({@code
   * payment.settings.error.endpoint}, {@code .endpoint.blocked}, {@code .endpoint.unresolvable});
   * empty when it can be saved. Resolves the host name.
   */
  public Optional<String> endpointProblem(@Nullable String url) {
    if (url == null || url.isBlank() || url.length() > MAX_ENDPOINT_CHARS) {
      return Optional.of("payment.settings.error.endpoint");
    }
    if (url.contains("?")) {
      return Optional.of("payment.settings.error.endpoint"); // paths are appended to it
    }
    return targets
        .problem(url)
        .map(
            reason ->
                reason == OutboundReason.BLOCKED
                    ? "payment.settings.error.endpoint.blocked"
                    : reason == OutboundReason.UNKNOWN_HOST
                        ? "payment.settings.error.endpoint.unresolvable"
                        : "payment.settings.error.endpoint");
  }

  /**
   * Stores a tenant administrator's change; secrets left empty keep their stored values.
   *
   * @throws IllegalArgumentException when the change has a service address that {@link
   *     #endpointProblem} refuses
   */
  @Transactional
  public void save(String tenantArs, Change change, String staffUser) {
    String endpoint = blankToNull(change.endpointUrl());
    if (endpoint != null) {
      endpointProblem(endpoint)
          .ifPresent(
              problem -> {
                throw new IllegalArgumentException("payment service address refused: " + problem);
              });
    }
    Optional<PaymentConfig> stored = find(tenantArs);
    String clientSecret = blankToNull(change.clientSecret());
    if (clientSecret == null) {
      clientSecret = stored.map(PaymentConfig::clientSecret).orElse(null);
    }
    String notificationSecret = blankToNull(change.notificationSecret());
    if (notificationSecret == null) {
      notificationSecret =
          stored.map(PaymentConfig::notificationSecret).orElseGet(PaymentConfigs::randomSecret);
    }
    jdbc.sql(
            """
            insert into payment_config (tenant_ars, provider, kassenzeichen_prefix, kassenzeichen_scheme, haushaltsstelle,
              objektnummer, endpoint_url, originator_id, endpoint_id, client_id, client_secret, notification_secret,
              updated_by, updated_at)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, now())
            on conflict (tenant_ars) do update set provider = excluded.provider,
              kassenzeichen_prefix = excluded.kassenzeichen_prefix, kassenzeichen_scheme = excluded.kassenzeichen_scheme,
              haushaltsstelle = excluded.haushaltsstelle, objektnummer = excluded.objektnummer,
              endpoint_url = excluded.endpoint_url, originator_id = excluded.originator_id,
              endpoint_id = excluded.endpoint_id, client_id = excluded.client_id, client_secret = excluded.client_secret,
              notification_secret = excluded.notification_secret, updated_by = excluded.updated_by, updated_at = now()
            """)
        .params(
            tenantArs,
            change.provider(),
            change.kassenzeichenPrefix(),
            change.kassenzeichenScheme().name(),
            change.haushaltsstelle(),
            blankToNull(change.objektnummer()),
            blankToNull(change.endpointUrl()),
            blankToNull(change.originatorId()),
            blankToNull(change.endpointId()),
            blankToNull(change.clientId()),
            clientSecret == null ? null : secrets.seal(clientSecret, tenantArs),
            secrets.seal(notificationSecret, tenantArs),
            staffUser)
        .update();
  }

  private PaymentConfig demoDefault(String tenantArs) {
    String prefix =
        tenants
            .byAuthority(tenantArs)
            .map(Tenant::slug)
            .map(DEMO_PREFIXES::get)
            .orElse("A" + tenantArs.substring(2, 9));
    jdbc.sql(
            """
            insert into payment_config (tenant_ars, provider, kassenzeichen_prefix, kassenzeichen_scheme, haushaltsstelle,
              notification_secret, updated_by)
            values (?, 'test', ?, 'PREFIX_YEAR_NUMBER', ?, ?, 'demo') on conflict do nothing
            """)
        .params(tenantArs, prefix, DEMO_HAUSHALTSSTELLE, secrets.seal(randomSecret(), tenantArs))
        .update();
    return find(tenantArs).orElseThrow();
  }

  /** A new random secret (Base64url, 32 bytes), e.g. for the notifications of the test service. */
  static String randomSecret() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  private @Nullable String open(@Nullable String sealed, String tenantArs) {
    return sealed == null ? null : secrets.open(sealed, tenantArs);
  }

  private static Settings settings(ResultSet rs, int row) throws SQLException {
    return new Settings(
        rs.getString("tenant_ars"),
        rs.getString("provider"),
        rs.getString("kassenzeichen_prefix"),
        KassenzeichenScheme.valueOf(rs.getString("kassenzeichen_scheme")),
        rs.getString("haushaltsstelle"),
        rs.getString("objektnummer"),
        rs.getString("endpoint_url"),
        rs.getString("originator_id"),
        rs.getString("endpoint_id"),
        rs.getString("client_id"),
        rs.getString("client_secret") != null,
        rs.getString("updated_by"),
        rs.getObject("updated_at", OffsetDateTime.class));
  }

  static @Nullable String blankToNull(@Nullable String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
