package de.amtsweg.appstore;

import de.amtsweg.catalog.OnlineOffersChanged;
import de.amtsweg.forms.AppDefinition;
import de.amtsweg.forms.AppDefinition.Parameter;
import de.amtsweg.forms.Definitions;
import de.amtsweg.forms.FormEngine;
import de.amtsweg.platform.Sha256;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Publishing Antrags-Apps and switching them on per tenant. A published version is immutable (the
 * database refuses updates); publishing again creates the next version. Tenants always offer the
 * newest version of an app they activated.
 */
@Service
public class AppStore {

  private static final Logger log = LoggerFactory.getLogger(AppStore.class);

  private final JdbcClient jdbc;
  private final JsonMapper json;
  private final ApplicationEventPublisher events;

  /** Parsed definitions by (app, version); versions never change, so this never goes stale. */
  private final Map<String, AppDefinition> parsed = new ConcurrentHashMap<>();

  AppStore(JdbcClient jdbc, JsonMapper json, ApplicationEventPublisher events) {
    this.jdbc = jdbc;
    this.json = json;
    this.events = events;
  }

  /** The newest version of every published app, by name. */
  public List<PublishedApp> publishedApps() {
    return jdbc
        .sql(
            """
            select distinct on (app_id) app_id, version, definition::text as definition, published_at, published_by
            from app_version order by app_id, version desc
            """)
        .query(this::map)
        .list()
        .stream()
        .sorted(java.util.Comparator.comparing(a -> a.definition().name().de()))
        .toList();
  }

  public Optional<PublishedApp> latest(String appId) {
    return jdbc.sql(
            """
            select app_id, version, definition::text as definition, published_at, published_by
            from app_version where app_id = ? order by version desc limit 1
            """)
        .param(appId)
        .query(this::map)
        .optional();
  }

  public PublishedApp version(String appId, int version) {
    return jdbc.sql(
            """
            select app_id, version, definition::text as definition, published_at, published_by
            from app_version where app_id = ? and version = ?
            """)
        .params(appId, version)
        .query(this::map)
        .optional()
        .orElseThrow(() -> AppStoreException.notFound(appId));
  }

  /** All versions of an app, newest first. */
  public List<PublishedApp> versions(String appId) {
    return jdbc.sql(
            """
            select app_id, version, definition::text as definition, published_at, published_by
            from app_version where app_id = ? order by version desc
            """)
        .param(appId)
        .query(this::map)
        .list();
  }

  /**
   * Publishes a definition as the next version of its app, unless the newest version has exactly
   * this source. Throws {@link de.amtsweg.forms.DefinitionException} when the definition is broken.
   */
  @Transactional
  public PublishedApp publish(String source, String publishedBy) {
    AppDefinition definition = Definitions.parse(source);
    String checksum = sha256(source);
    // Two nodes starting at once publish the shipped apps once.
    jdbc.sql("select pg_advisory_xact_lock(hashtext('app_version:' || ?))")
        .param(definition.id())
        .query()
        .singleValue();
    Optional<String> latestChecksum =
        jdbc.sql("select checksum from app_version where app_id = ? order by version desc limit 1")
            .param(definition.id())
            .query(String.class)
            .optional();
    if (latestChecksum.filter(checksum::equals).isPresent()) {
      return latest(definition.id()).orElseThrow();
    }
    int version =
        jdbc.sql("select coalesce(max(version), 0) + 1 from app_version where app_id = ?")
            .param(definition.id())
            .query(Integer.class)
            .single();
    jdbc.sql(
            """
            insert into app_version (app_id, version, definition, source, checksum, published_by)
            values (?, ?, ?::jsonb, ?, ?, ?)
            """)
        .params(
            definition.id(), version, Definitions.toJson(definition), source, checksum, publishedBy)
        .update();
    jdbc.sql("delete from app_draft where app_id = ?").param(definition.id()).update();
    log.info("Published Antrags-App {} version {}", definition.id(), version);
    events.publishEvent(new OnlineOffersChanged(definition.id()));
    return version(definition.id(), version);
  }

  /** The source an editor wrote for this version. */
  public String source(String appId, int version) {
    return jdbc.sql("select source from app_version where app_id = ? and version = ?")
        .params(appId, version)
        .query(String.class)
        .optional()
        .orElseThrow(() -> AppStoreException.notFound(appId));
  }

  /** Saves an editor's draft; it must parse, so that a draft is always publishable. */
  @Transactional
  public AppDefinition saveDraft(String source, String editor) {
    AppDefinition definition = Definitions.parse(source);
    jdbc.sql(
            """
            insert into app_draft (app_id, source, updated_by) values (?, ?, ?)
            on conflict (app_id) do update set source = excluded.source, updated_at = now(), updated_by = excluded.updated_by
            """)
        .params(definition.id(), source, editor)
        .update();
    return definition;
  }

  public Optional<String> draft(String appId) {
    return jdbc.sql("select source from app_draft where app_id = ?")
        .param(appId)
        .query(String.class)
        .optional();
  }

  /** Ids of apps that have a draft, including apps never published. */
  public List<String> draftIds() {
    return jdbc.sql("select app_id from app_draft order by app_id").query(String.class).list();
  }

  // --- activation ---

  /** The tenant's activations, active or not. */
  public List<Activation> activations(String tenantArs) {
    return jdbc.sql(
            """
            select tenant_ars, app_id, active, parameters::text as parameters, updated_at, updated_by,
              payment_policy, haushaltsstelle, objektnummer
            from app_activation where tenant_ars = ? order by app_id
            """)
        .param(tenantArs)
        .query(this::mapActivation)
        .list();
  }

  public Optional<Activation> activation(String tenantArs, String appId) {
    return jdbc.sql(
            """
            select tenant_ars, app_id, active, parameters::text as parameters, updated_at, updated_by,
              payment_policy, haushaltsstelle, objektnummer
            from app_activation where tenant_ars = ? and app_id = ?
            """)
        .params(tenantArs, appId)
        .query(this::mapActivation)
        .optional();
  }

  /** The app as the tenant offers it (newest version and the tenant's parameters), if it does. */
  public Optional<OfferedApp> offered(String tenantArs, String appId) {
    return activation(tenantArs, appId)
        .filter(Activation::active)
        .flatMap(a -> latest(appId).map(app -> new OfferedApp(app, a)));
  }

  /** Apps the tenant offers for a Leistung. */
  public List<OfferedApp> offeredFor(String tenantArs, String leikaKey) {
    return activations(tenantArs).stream()
        .filter(Activation::active)
        .flatMap(a -> latest(a.appId()).stream().map(app -> new OfferedApp(app, a)))
        .filter(o -> o.app().definition().leikaKeys().contains(leikaKey))
        .toList();
  }

  /** Tenants (by ARS) that offer the app. */
  public List<String> tenantsOffering(String appId) {
    return jdbc.sql(
            "select tenant_ars from app_activation where app_id = ? and active order by tenant_ars")
        .param(appId)
        .query(String.class)
        .list();
  }

  /**
   * Switches an app on for a tenant with its parameter values (as entered: German or English number
   * format). Throws {@link AppStoreException} naming the first invalid parameter.
   */
  @Transactional
  public Activation activate(
      String tenantArs, String appId, Map<String, String> values, String by) {
    PublishedApp app = latest(appId).orElseThrow(() -> AppStoreException.notFound(appId));
    Map<String, Object> parameters = parameters(app.definition(), values);
    jdbc.sql(
            """
            insert into app_activation (tenant_ars, app_id, active, parameters, updated_by)
            values (?, ?, true, ?::jsonb, ?)
            on conflict (tenant_ars, app_id) do update set active = true, parameters = excluded.parameters,
              updated_at = now(), updated_by = excluded.updated_by
            """)
        .params(tenantArs, appId, json.writeValueAsString(parameters), by)
        .update();
    log.info("Tenant {} activated Antrags-App {}", tenantArs, appId);
    events.publishEvent(new OnlineOffersChanged(appId));
    return activation(tenantArs, appId).orElseThrow();
  }

  /**
   * Sets the tenant's payment settings for an app it has activated. Throws {@link
   * AppStoreException} naming the first invalid setting ({@code haushaltsstelle}, {@code
   * objektnummer}).
   */
  @Transactional
  public Activation setPaymentTerms(String tenantArs, String appId, PaymentTerms terms, String by) {
    if (!BOOKING_KEY
        .matcher(terms.haushaltsstelle() == null ? "" : terms.haushaltsstelle())
        .matches()) {
      throw AppStoreException.invalidParameter("haushaltsstelle");
    }
    if (!BOOKING_KEY.matcher(terms.objektnummer() == null ? "" : terms.objektnummer()).matches()) {
      throw AppStoreException.invalidParameter("objektnummer");
    }
    int changed =
        jdbc.sql(
                """
            update app_activation set payment_policy = ?, haushaltsstelle = ?, objektnummer = ?,
              updated_at = now(), updated_by = ?
            where tenant_ars = ? and app_id = ?
            """)
            .params(
                terms.policy().name(),
                blankToNull(terms.haushaltsstelle()),
                blankToNull(terms.objektnummer()),
                by,
                tenantArs,
                appId)
            .update();
    if (changed == 0) {
      throw AppStoreException.notActive(appId);
    }
    log.info(
        "Tenant {} set payment policy {} for Antrags-App {}", tenantArs, terms.policy(), appId);
    return activation(tenantArs, appId).orElseThrow();
  }

  private static final BigDecimal MAX_FEE = new BigDecimal("100000");

  /** Budget lines and booking objects: digits, letters, dots, dashes, slashes and spaces. */
  private static final java.util.regex.Pattern BOOKING_KEY =
      java.util.regex.Pattern.compile("^[0-9A-Za-z./ -]{0,40}$");

  private static @Nullable String blankToNull(@Nullable String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  @Transactional
  public void deactivate(String tenantArs, String appId, String by) {
    jdbc.sql(
            "update app_activation set active = false, updated_at = now(), updated_by = ? where tenant_ars = ? and app_id = ?")
        .params(by, tenantArs, appId)
        .update();
    log.info("Tenant {} deactivated Antrags-App {}", tenantArs, appId);
    events.publishEvent(new OnlineOffersChanged(appId));
  }

  /** Checks and converts parameter values; blank ones take the default. */
  public static Map<String, Object> parameters(AppDefinition app, Map<String, String> values) {
    Map<String, Object> parameters = new LinkedHashMap<>();
    for (Parameter parameter : app.parameters()) {
      String raw = values.get(parameter.id());
      if (raw == null || raw.isBlank()) {
        if (parameter.required() && parameter.defaultValue() == null) {
          throw AppStoreException.invalidParameter(parameter.id());
        }
        continue;
      }
      switch (parameter.type()) {
        case "money", "number" -> {
          BigDecimal number = FormEngine.number(raw);
          if (number == null
              || number.signum() < 0
              || ("money".equals(parameter.type())
                  && (number.scale() > 2 || number.compareTo(MAX_FEE) > 0))) {
            throw AppStoreException.invalidParameter(parameter.id());
          }
          parameters.put(parameter.id(), number);
        }
        case "email" -> {
          if (!raw.strip().matches("^[^@\\s]+@[^@\\s]+\\.[^@\\s]{2,}$")) {
            throw AppStoreException.invalidParameter(parameter.id());
          }
          parameters.put(parameter.id(), raw.strip());
        }
        default -> {
          if (raw.length() > 2000) {
            throw AppStoreException.invalidParameter(parameter.id());
          }
          parameters.put(parameter.id(), raw.strip());
        }
      }
    }
    return parameters;
  }

  private PublishedApp map(ResultSet rs, int row) throws SQLException {
    String key = rs.getString("app_id") + "@" + rs.getInt("version");
    AppDefinition definition =
        parsed.computeIfAbsent(
            key,
            k -> {
              try {
                return Definitions.parse(rs.getString("definition"));
              } catch (SQLException e) {
                throw new IllegalStateException(e);
              }
            });
    return new PublishedApp(
        definition,
        rs.getInt("version"),
        rs.getObject("published_at", OffsetDateTime.class),
        rs.getString("published_by"));
  }

  private Activation mapActivation(ResultSet rs, int row) throws SQLException {
    Map<String, Object> parameters =
        json.readValue(rs.getString("parameters"), new TypeReference<Map<String, Object>>() {});
    return new Activation(
        rs.getString("tenant_ars"),
        rs.getString("app_id"),
        rs.getBoolean("active"),
        parameters,
        rs.getObject("updated_at", OffsetDateTime.class),
        rs.getString("updated_by"),
        new PaymentTerms(
            PaymentPolicy.valueOf(rs.getString("payment_policy")),
            rs.getString("haushaltsstelle"),
            rs.getString("objektnummer")));
  }

  private static String sha256(String source) {
    return Sha256.hex(source);
  }

  /** An app as one tenant offers it. */
  public record OfferedApp(PublishedApp app, Activation activation) {

    public AppDefinition definition() {
      return app.definition();
    }

    public @Nullable Object parameter(String id) {
      return activation.parameters().get(id);
    }
  }
}
