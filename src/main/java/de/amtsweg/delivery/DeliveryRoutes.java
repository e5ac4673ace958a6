package de.amtsweg.delivery;

import com.nimbusds.jose.jwk.JWK;
import de.amtsweg.platform.OutboundTargets;
import de.amtsweg.platform.SecretBox;
import de.amtsweg.tenancy.Tenant;
import de.amtsweg.tenancy.TenantManagement;
import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.text.ParseException;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Where each tenant's documents go, per document type and subject (the app of an Antrag). Without a
 * route, an Antrag goes to the case inbox and an e-invoice into the tenant's folder of the file
 * drop, if the operator set one up. A webhook route has an endpoint that passes the platform's
 * rules for outbound addresses ({@link OutboundTargets}: https, nothing in the internal network), a
 * shared secret that signs every push and callback (generated here, shown once, stored sealed with
 * {@link SecretBox}) and optionally the receiver's public key for JWE. A file drop writes below
 * {@code amtsweg.delivery.file-drop-directory}, in the tenant's own folder. Every read and change
 * names the tenant.
 */
@Service
public class DeliveryRoutes {

  private static final SecureRandom RANDOM = new SecureRandom();

  private final JdbcClient jdbc;
  private final SecretBox box;
  private final TenantManagement tenants;
  private final @Nullable Path fileDropBase;
  private final OutboundTargets targets;

  DeliveryRoutes(
      JdbcClient jdbc,
      SecretBox box,
      TenantManagement tenants,
      DeliveryProperties properties,
      OutboundTargets targets) {
    this.jdbc = jdbc;
    this.box = box;
    this.tenants = tenants;
    this.fileDropBase =
        properties.fileDropDirectory() == null
            ? null
            : properties.fileDropDirectory().toAbsolutePath().normalize();
    this.targets = targets;
  }

  /**
   * A tenant's route for one document type and subject.
   *
   * @param hasSecret whether a webhook secret was generated (it is never shown again)
   * @param directory FILE_DROP: the sub-folder below the tenant's folder ({@code ""} for the folder
   *     itself)
   * @param changedAt when an admin last changed it; null for the default
   * @param stored whether the tenant set it (false: the default)
   */
  public record Route(
      String tenantArs,
      DocumentType type,
      String subject,
      DeliveryChannel channel,
      @Nullable String webhookUrl,
      boolean hasSecret,
      @Nullable String webhookJwk,
      @Nullable String noticeEmail,
      @Nullable String directory,
      @Nullable OffsetDateTime changedAt,
      boolean stored) {

    /** The app of an Antrag's route. */
    public String appId() {
      return subject;
    }
  }

  /** What a tenant admin sets for one app's Anträge; empty strings count as not given. */
  public record Change(
      DeliveryChannel channel,
      @Nullable String webhookUrl,
      @Nullable String webhookJwk,
      @Nullable String noticeEmail,
      boolean newSecret) {}

  /** A route was not saved: {@code field} is the form field, {@code code} the message key. */
  public static final class RouteException extends RuntimeException {
    private final String field;
    private final String code;

    public RouteException(String field, String code) {
      super(field + ": " + code);
      this.field = field;
      this.code = code;
    }

    public String field() {
      return field;
    }

    /** A message key {@code delivery.routes.error.<…>}. */
    public String code() {
      return code;
    }
  }

  /** Where a push goes, with the secret in clear (for signing only; never logged). */
  record WebhookTarget(URI url, String secret, @Nullable JWK key) {}

  /** The channel of an Antrag's route (the case inbox when none is set). */
  public DeliveryChannel of(String tenantArs, String appId) {
    return route(tenantArs, appId).channel();
  }

  /** The route of an app's Anträge, or the case inbox when none is set. */
  public Route route(String tenantArs, String appId) {
    return route(tenantArs, DocumentType.ANTRAG, appId).orElseThrow();
  }

  /**
   * The route for a document type and subject: the tenant's own, else the default (Anträge: the
   * case inbox; e-invoices: the tenant's folder of the file drop); empty when there is none.
   */
  public Optional<Route> route(String tenantArs, DocumentType type, String subject) {
    Optional<Route> stored =
        jdbc.sql(
                "select * from delivery_route where tenant_ars = ? and document_type = ? and subject = ?")
            .params(tenantArs, type.name(), subject)
            .query(DeliveryRoutes::map)
            .optional();
    if (stored.isPresent()) {
      return stored;
    }
    return switch (type) {
      case ANTRAG ->
          Optional.of(
              new Route(
                  tenantArs,
                  type,
                  subject,
                  DeliveryChannel.CASE_INBOX,
                  null,
                  false,
                  null,
                  null,
                  null,
                  null,
                  false));
      case E_RECHNUNG ->
          fileDropBase == null
              ? Optional.empty()
              : Optional.of(
                  new Route(
                      tenantArs,
                      type,
                      subject,
                      DeliveryChannel.FILE_DROP,
                      null,
                      false,
                      null,
                      null,
                      "",
                      null,
                      false));
    };
  }

  /**
   * What is wrong with a change of an app's route, field by field (message keys), the fields in
   * form order; empty when it can be saved.
   */
  public Map<String, String> validate(String tenantArs, String appId, Change change) {
    Map<String, String> errors = new LinkedHashMap<>();
    if (change.channel() == DeliveryChannel.WEBHOOK) {
      String url = blankToNull(change.webhookUrl());
      if (url == null) {
        errors.put("webhookUrl", "delivery.routes.error.url.required");
      } else {
        String problem = RouteValidation.urlProblem(url, targets, false);
        if (problem != null) {
          errors.put("webhookUrl", problem);
        }
      }
      String jwk = blankToNull(change.webhookJwk());
      if (jwk != null) {
        String problem = RouteValidation.jwkProblem(jwk);
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
    if (change.channel() == DeliveryChannel.FILE_DROP) {
      errors.put("channel", "delivery.routes.error.channel");
    }
    return errors;
  }

  /**
   * Sets the route of an app's Anträge submitted from now on; deliveries already written keep
   * theirs. Settings of other channels are kept, so switching back needs no new secret.
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
    boolean webhook = change.channel() == DeliveryChannel.WEBHOOK;
    boolean notice = change.channel() == DeliveryChannel.EMAIL_NOTICE;
    Route current = route(tenantArs, appId);
    String secret =
        webhook && (change.newSecret() || !current.hasSecret()) ? newSecret("whsec_") : null;
    upsert(
        tenantArs,
        DocumentType.ANTRAG,
        appId,
        change.channel(),
        webhook,
        webhook ? blankToNull(change.webhookUrl()) : null,
        webhook ? blankToNull(change.webhookJwk()) : null,
        notice,
        notice ? blankToNull(change.noticeEmail()) : null,
        null,
        secret,
        null);
    return secret;
  }

  /** Sets the route of an app's Anträge (channel only) for those submitted from now on. */
  @Transactional
  public void set(String tenantArs, String appId, DeliveryChannel channel) {
    jdbc.sql(
            """
            insert into delivery_route (tenant_ars, document_type, subject, channel) values (?, 'ANTRAG', ?, ?)
            on conflict (tenant_ars, document_type, subject)
              do update set channel = excluded.channel, updated_at = now(), version = delivery_route.version + 1
            """)
        .params(tenantArs, appId, channel.name())
        .update();
  }

  /** Sets the route only if the tenant has none for the app yet (demo data, first start). */
  @Transactional
  public void setIfAbsent(String tenantArs, String appId, DeliveryChannel channel) {
    jdbc.sql(
            "insert into delivery_route (tenant_ars, document_type, subject, channel)"
                + " values (?, 'ANTRAG', ?, ?) on conflict do nothing")
        .params(tenantArs, appId, channel.name())
        .update();
  }

  /** Whether the operator set up a base folder for file drops. */
  public boolean fileDropAvailable() {
    return fileDropBase != null;
  }

  /**
   * Sets a file drop into {@code directory} below the tenant's folder.
   *
   * @throws RouteException {@code directory}: {@code delivery.routes.error.directory.unavailable}
   *     or {@code .invalid}
   */
  @Transactional
  public void configureFileDrop(
      String tenantArs, DocumentType type, String subject, String directory, String by) {
    Path base =
        tenantFolder(tenantArs)
            .orElseThrow(
                () ->
                    new RouteException("directory", "delivery.routes.error.directory.unavailable"));
    String folder = RouteValidation.folder(directory, base);
    if (folder == null) {
      throw new RouteException("directory", "delivery.routes.error.directory.invalid");
    }
    upsert(
        tenantArs,
        type,
        subject,
        DeliveryChannel.FILE_DROP,
        false,
        null,
        null,
        false,
        null,
        folder,
        null,
        by);
  }

  /**
   * Sets a webhook without JWE (e-invoices). A secret is generated when the route had none, or when
   * asked for a new one.
   *
   * @return the new secret, which exists in clear only now; null when the stored one was kept
   * @throws RouteException {@code url}: {@code delivery.routes.error.url.*}
   */
  @Transactional
  public @Nullable String configureWebhook(
      String tenantArs,
      DocumentType type,
      String subject,
      String url,
      boolean newSecret,
      String by) {
    String value = url.strip();
    String problem =
        value.isEmpty()
            ? "delivery.routes.error.url.required"
            : RouteValidation.urlProblem(value, targets, false);
    if (problem != null) {
      throw new RouteException("url", problem);
    }
    boolean hasSecret =
        route(tenantArs, type, subject).map(r -> r.stored() && r.hasSecret()).orElse(false);
    String secret = newSecret || !hasSecret ? newSecret("") : null;
    upsert(
        tenantArs,
        type,
        subject,
        DeliveryChannel.WEBHOOK,
        true,
        value,
        null,
        false,
        null,
        null,
        secret,
        by);
    return secret;
  }

  /**
   * Takes over a webhook route with its existing secret (routes moved from before the delivery
   * engine): receivers keep verifying with the secret they have. The address must pass today's
   * rules, except that a name which does not resolve at start-up is taken over (the push checks the
   * addresses again).
   *
   * @throws RouteException {@code url}: {@code delivery.routes.error.url.*}
   */
  @Transactional
  public void adoptWebhook(
      String tenantArs, DocumentType type, String subject, String url, String secret, String by) {
    String problem = RouteValidation.urlProblem(url.strip(), targets, true);
    if (problem != null) {
      throw new RouteException("url", problem);
    }
    upsert(
        tenantArs,
        type,
        subject,
        DeliveryChannel.WEBHOOK,
        true,
        url.strip(),
        null,
        false,
        null,
        null,
        secret,
        by);
  }

  private void upsert(
      String tenantArs,
      DocumentType type,
      String subject,
      DeliveryChannel channel,
      boolean webhook,
      @Nullable String url,
      @Nullable String jwk,
      boolean notice,
      @Nullable String email,
      @Nullable String directory,
      @Nullable String secret,
      @Nullable String by) {
    boolean fileDrop = channel == DeliveryChannel.FILE_DROP;
    jdbc.sql(
            """
            insert into delivery_route (tenant_ars, document_type, subject, channel, webhook_url, webhook_jwk,
              notice_email, directory, webhook_secret, changed_by)
            values (:ars, :type, :subject, :channel, :url, :jwk, :email, :directory, :secret, :by)
            on conflict (tenant_ars, document_type, subject) do update set channel = excluded.channel,
              webhook_url = case when :webhook then excluded.webhook_url else delivery_route.webhook_url end,
              webhook_jwk = case when :webhook then excluded.webhook_jwk else delivery_route.webhook_jwk end,
              notice_email = case when :notice then excluded.notice_email else delivery_route.notice_email end,
              directory = case when :fileDrop then excluded.directory else delivery_route.directory end,
              webhook_secret = coalesce(excluded.webhook_secret, delivery_route.webhook_secret),
              changed_by = excluded.changed_by, updated_at = now(), version = delivery_route.version + 1
            """)
        .param("ars", tenantArs)
        .param("type", type.name())
        .param("subject", subject)
        .param("channel", channel.name())
        .param("url", url)
        .param("jwk", jwk)
        .param("email", email)
        .param("directory", directory)
        .param("secret", secret == null ? null : box.seal(secret, owner(tenantArs, type, subject)))
        .param("by", by)
        .param("webhook", webhook)
        .param("notice", notice)
        .param("fileDrop", fileDrop)
        .update();
  }

  /** The webhook endpoint of a route with its secret in clear, if the route has both. */
  Optional<WebhookTarget> webhook(String tenantArs, DocumentType type, String subject) {
    record Row(@Nullable String url, @Nullable String sealedSecret, @Nullable String jwk) {}
    Optional<Row> row =
        jdbc.sql(
                "select webhook_url, webhook_secret, webhook_jwk from delivery_route"
                    + " where tenant_ars = ? and document_type = ? and subject = ?")
            .params(tenantArs, type.name(), subject)
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
              box.open(row.get().sealedSecret(), owner(tenantArs, type, subject)),
              jwk == null ? null : JWK.parse(jwk)));
    } catch (ParseException e) {
      throw new IllegalStateException("stored JWK does not parse", e);
    }
  }

  /** The webhook secret of a route in clear, to check signed callbacks. */
  Optional<String> secret(String tenantArs, DocumentType type, String subject) {
    return jdbc.sql(
            "select webhook_secret from delivery_route where tenant_ars = ? and document_type = ?"
                + " and subject = ? and webhook_secret is not null")
        .params(tenantArs, type.name(), subject)
        .query(String.class)
        .optional()
        .map(stored -> box.open(stored, owner(tenantArs, type, subject)));
  }

  /** The folder a file drop of this route writes to; empty without the operator's base folder. */
  Optional<Path> fileDropFolder(Route route) {
    String directory = route.directory() == null ? "" : route.directory();
    return tenantFolder(route.tenantArs())
        .map(folder -> directory.isEmpty() ? folder : folder.resolve(directory).normalize());
  }

  /** {@code <file-drop-directory>/<tenant slug>}, if the operator set up file drops. */
  private Optional<Path> tenantFolder(String tenantArs) {
    if (fileDropBase == null) {
      return Optional.empty();
    }
    return tenants.byAuthority(tenantArs).map(Tenant::slug).map(fileDropBase::resolve);
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
    return RouteValidation.isEmail(value);
  }

  private static String newSecret(String prefix) {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return prefix + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /**
   * The secret is bound to its route: a sealed value copied to another route does not open. (Routes
   * of Anträge keep the form they were sealed with before e-invoices had routes here.)
   */
  private static String owner(String tenantArs, DocumentType type, String subject) {
    return type == DocumentType.ANTRAG
        ? "delivery-route:" + tenantArs + ":" + subject
        : "delivery-route:" + tenantArs + ":" + type + ":" + subject;
  }

  private static @Nullable String blankToNull(@Nullable String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  private static Route map(ResultSet rs, int row) throws SQLException {
    return new Route(
        rs.getString("tenant_ars"),
        DocumentType.valueOf(rs.getString("document_type")),
        rs.getString("subject"),
        DeliveryChannel.valueOf(rs.getString("channel")),
        rs.getString("webhook_url"),
        rs.getString("webhook_secret") != null,
        rs.getString("webhook_jwk"),
        rs.getString("notice_email"),
        rs.getString("directory"),
        rs.getObject("updated_at", OffsetDateTime.class),
        true);
  }
}
