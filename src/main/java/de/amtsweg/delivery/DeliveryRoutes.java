package de.amtsweg.delivery;

import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import de.amtsweg.platform.SecretBox;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.security.SecureRandom;
import java.text.ParseException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Where each tenant's Anträge of each app go; without a route, to the case inbox. A webhook route
 * has an endpoint (https; plain http only to this machine in the demo and test profiles), a shared
 * secret that signs every push and callback (generated here, shown once, stored sealed with {@link
 * SecretBox}) and optionally the Fachverfahren's public key for JWE. Every read and change names
 * the tenant.
 */
@Service
public class DeliveryRoutes {

  /** The largest JWK accepted (a 4096-bit RSA public key is well under 1 KB). */
  static final int MAX_JWK_CHARS = 8_000;

  static final int MAX_URL_CHARS = 2_000;
  private static final Pattern EMAIL =
      Pattern.compile("[^@\\s]{1,64}@[A-Za-z0-9.-]{1,253}\\.[A-Za-z]{2,63}");
  private static final SecureRandom RANDOM = new SecureRandom();

  private final JdbcClient jdbc;
  private final SecretBox box;
  private final boolean localHttpAllowed;

  DeliveryRoutes(JdbcClient jdbc, SecretBox box, Environment environment) {
    this.jdbc = jdbc;
    this.box = box;
    this.localHttpAllowed = environment.acceptsProfiles(Profiles.of("demo | test"));
  }

  /**
   * A tenant's route for one app.
   *
   * @param hasSecret whether a webhook secret was generated (it is never shown again)
   */
  public record Route(
      String tenantArs,
      String appId,
      DeliveryChannel channel,
      @Nullable String webhookUrl,
      boolean hasSecret,
      @Nullable String webhookJwk,
      @Nullable String noticeEmail) {}

  /** What a tenant admin sets for one app; empty strings count as not given. */
  public record Change(
      DeliveryChannel channel,
      @Nullable String webhookUrl,
      @Nullable String webhookJwk,
      @Nullable String noticeEmail,
      boolean newSecret) {}

  /** Where a push goes, with the secret in clear (for signing only; never logged). */
  record WebhookTarget(URI url, String secret, @Nullable JWK key) {}

  public DeliveryChannel of(String tenantArs, String appId) {
    return route(tenantArs, appId).channel();
  }

  /** The route, or the case inbox when none is set. */
  public Route route(String tenantArs, String appId) {
    return jdbc.sql("select * from delivery_route where tenant_ars = ? and app_id = ?")
        .params(tenantArs, appId)
        .query(
            (rs, row) ->
                new Route(
                    rs.getString("tenant_ars"),
                    rs.getString("app_id"),
                    DeliveryChannel.valueOf(rs.getString("channel")),
                    rs.getString("webhook_url"),
                    rs.getString("webhook_secret") != null,
                    rs.getString("webhook_jwk"),
                    rs.getString("notice_email")))
        .optional()
        .orElse(new Route(tenantArs, appId, DeliveryChannel.CASE_INBOX, null, false, null, null));
  }

  /**
   * What is wrong with a change, field by field (message keys), the fields in form order; empty
   * when it can be saved.
   */
  public Map<String, String> validate(String tenantArs, String appId, Change change) {
    Map<String, String> errors = new LinkedHashMap<>();
    if (change.channel() == DeliveryChannel.WEBHOOK) {
      String url = blankToNull(change.webhookUrl());
      if (url == null) {
        errors.put("webhookUrl", "delivery.routes.error.url.required");
      } else {
        String problem = urlProblem(url);
        if (problem != null) {
          errors.put("webhookUrl", problem);
        }
      }
      String jwk = blankToNull(change.webhookJwk());
      if (jwk != null) {
        String problem = jwkProblem(jwk);
        if (problem != null) {
          errors.put("webhookJwk", problem);
        }
      }
    }
    if (change.channel() == DeliveryChannel.EMAIL_NOTICE) {
      String email = blankToNull(change.noticeEmail());
      if (email == null) {
        errors.put("noticeEmail", "delivery.routes.error.email.required");
      } else if (!isEmail(email)) {
        errors.put("noticeEmail", "delivery.routes.error.email.invalid");
      }
    }
    return errors;
  }

  /**
   * Sets the route for Anträge submitted from now on; deliveries already written keep theirs.
   * Settings of other channels are kept, so switching back needs no new secret.
   *
   * @return the new webhook secret in clear when one was generated (a webhook route without one
   *     always gets one), else null. It is not kept in clear anywhere.
   * @throws IllegalArgumentException when {@link #validate} finds something
   */
  @Transactional
  public @Nullable String configure(String tenantArs, String appId, Change change) {
    if (!validate(tenantArs, appId, change).isEmpty()) {
      throw new IllegalArgumentException(
          "invalid route " + validate(tenantArs, appId, change).keySet());
    }
    Route current = route(tenantArs, appId);
    String secret = null;
    if (change.channel() == DeliveryChannel.WEBHOOK
        && (change.newSecret() || !current.hasSecret())) {
      byte[] bytes = new byte[32];
      RANDOM.nextBytes(bytes);
      secret = "whsec_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
    boolean webhook = change.channel() == DeliveryChannel.WEBHOOK;
    boolean notice = change.channel() == DeliveryChannel.EMAIL_NOTICE;
    jdbc.sql(
            """
            insert into delivery_route (tenant_ars, app_id, channel, webhook_url, webhook_jwk, notice_email, webhook_secret)
            values (:ars, :app, :channel, :url, :jwk, :email, :secret)
            on conflict (tenant_ars, app_id) do update set channel = excluded.channel,
              webhook_url = case when :webhook then excluded.webhook_url else delivery_route.webhook_url end,
              webhook_jwk = case when :webhook then excluded.webhook_jwk else delivery_route.webhook_jwk end,
              notice_email = case when :notice then excluded.notice_email else delivery_route.notice_email end,
              webhook_secret = coalesce(excluded.webhook_secret, delivery_route.webhook_secret),
              updated_at = now()
            """)
        .param("ars", tenantArs)
        .param("app", appId)
        .param("channel", change.channel().name())
        .param("url", webhook ? blankToNull(change.webhookUrl()) : null)
        .param("jwk", webhook ? blankToNull(change.webhookJwk()) : null)
        .param("email", notice ? blankToNull(change.noticeEmail()) : null)
        .param("secret", secret == null ? null : box.seal(secret, owner(tenantArs, appId)))
        .param("webhook", webhook)
        .param("notice", notice)
        .update();
    return secret;
  }

  /** Sets the route (channel only) for Anträge submitted from now on. */
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
    jdbc.sql(
            "insert into delivery_route (tenant_ars, app_id, channel) values (?, ?, ?) on conflict do nothing")
        .params(tenantArs, appId, channel.name())
        .update();
  }

  /** The webhook endpoint of a route with its secret in clear, if the route has both. */
  Optional<WebhookTarget> webhook(String tenantArs, String appId) {
    record Row(@Nullable String url, @Nullable String sealedSecret, @Nullable String jwk) {}
    Optional<Row> row =
        jdbc.sql(
                "select webhook_url, webhook_secret, webhook_jwk from delivery_route where tenant_ars = ? and app_id = ?")
            .params(tenantArs, appId)
            .query(
                (rs, n) ->
                    new Row(
                        rs.getString("webhook_url"),
                        rs.getString("webhook_secret"),
                        rs.getString("webhook_jwk")))
            .optional();
    if (row.isEmpty() || row.get().url() == null || row.get().sealedSecret() == null) {
      return Optional.empty();
    }
    try {
      String jwk = row.get().jwk();
      return Optional.of(
          new WebhookTarget(
              URI.create(row.get().url()),
              box.open(row.get().sealedSecret(), owner(tenantArs, appId)),
              jwk == null ? null : JWK.parse(jwk)));
    } catch (ParseException e) {
      throw new IllegalStateException("stored JWK does not parse", e);
    }
  }

  /** The webhook secret of a route in clear, to check signed callbacks. */
  Optional<String> secret(String tenantArs, String appId) {
    return jdbc.sql(
            "select webhook_secret from delivery_route where tenant_ars = ? and app_id = ? and webhook_secret is not null")
        .params(tenantArs, appId)
        .query(String.class)
        .optional()
        .map(stored -> box.open(stored, owner(tenantArs, appId)));
  }

  /** Where the tenant's delivery alerts go: its own setting, else null (the caller falls back). */
  public @Nullable String alertEmail(String tenantArs) {
    return jdbc.sql("select alert_email from delivery_tenant_setting where tenant_ars = ?")
        .param(tenantArs)
        .query(String.class)
        .optional()
        .orElse(null);
  }

  /** Sets (or with null clears) where the tenant's delivery alerts go. */
  @Transactional
  public void setAlertEmail(String tenantArs, @Nullable String email) {
    String value = blankToNull(email);
    if (value != null && !isEmail(value)) {
      throw new IllegalArgumentException("not an e-mail address");
    }
    jdbc.sql(
            """
            insert into delivery_tenant_setting (tenant_ars, alert_email) values (?, ?)
            on conflict (tenant_ars) do update set alert_email = excluded.alert_email, updated_at = now()
            """)
        .params(tenantArs, value)
        .update();
  }

  public static boolean isEmail(String value) {
    return value.length() <= 320 && EMAIL.matcher(value).matches();
  }

  /** The secret is bound to its route: a sealed value copied to another route does not open. */
  private static String owner(String tenantArs, String appId) {
    return "delivery-route:" + tenantArs + ":" + appId;
  }

  private @Nullable String urlProblem(String url) {
    if (url.length() > MAX_URL_CHARS) {
      return "delivery.routes.error.url.size";
    }
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      return "delivery.routes.error.url.syntax";
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!uri.isAbsolute()
        || uri.getHost() == null
        || uri.getRawUserInfo() != null
        || uri.getRawFragment() != null
        || !(scheme.equals("https") || scheme.equals("http"))) {
      return "delivery.routes.error.url.syntax";
    }
    if (scheme.equals("http") && !(localHttpAllowed && isLoopback(uri.getHost()))) {
      return "delivery.routes.error.url.https";
    }
    return null;
  }

  private static boolean isLoopback(String host) {
    String h = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
    if (h.equalsIgnoreCase("localhost")) {
      return true;
    }
    if (!h.matches("[0-9.]+|[0-9a-fA-F:]+")) {
      return false; // no DNS lookups for names
    }
    try {
      return InetAddress.getByName(h).isLoopbackAddress();
    } catch (java.net.UnknownHostException e) {
      return false;
    }
  }

  static @Nullable String jwkProblem(String json) {
    if (json.length() > MAX_JWK_CHARS) {
      return "delivery.routes.error.jwk.syntax";
    }
    JWK jwk;
    try {
      jwk = JWK.parse(json);
    } catch (ParseException | RuntimeException e) {
      return "delivery.routes.error.jwk.syntax";
    }
    if (jwk.isPrivate()) {
      return "delivery.routes.error.jwk.private";
    }
    if (jwk instanceof RSAKey rsa) {
      return rsa.size() < 2048 ? "delivery.routes.error.jwk.weak" : null;
    }
    if (jwk instanceof ECKey) {
      return null;
    }
    return "delivery.routes.error.jwk.type";
  }

  private static @Nullable String blankToNull(@Nullable String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
