package de.amtsweg.account;

import de.amtsweg.platform.ApiScope;
import de.amtsweg.platform.ApiScope.OwnerKind;
import de.amtsweg.tenancy.TenantManagement;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The registry of machines that call Amtsweg's API: OAuth 2.0 clients with the client credentials
 * grant. Each client belongs to one tenant or one organisation, has scopes ({@link ApiScope}), and
 * a secret kept only as an Argon2id hash. Tenant admins register, rotate, switch off and delete
 * their tenant's clients; platform operators those of any tenant or organisation ({@link Steward});
 * no steward sees or changes a client it does not manage.
 *
 * <p>How the clients get and use tokens is not here: {@code AuthorizationServerClients} shows them
 * to Spring Authorization Server at {@code POST /oauth2/token}, {@code ApiClientTokens} checks
 * their access tokens on API requests.
 */
@Service
public class ApiClients {

  /**
   * Client ids: lower-case letters, digits, and single dashes, dots or underscores between them.
   */
  public static final Pattern CLIENT_ID = Pattern.compile("[a-z0-9]+([-._][a-z0-9]+)*");

  /** Shortest and longest client id, longest name. */
  public static final int MIN_CLIENT_ID = 3;

  public static final int MAX_CLIENT_ID = 60;
  public static final int MAX_NAME = 200;
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Logger log = LoggerFactory.getLogger(ApiClients.class);

  /**
   * The owner of a client.
   *
   * @param id the tenant's slug or the organisation's id
   */
  public record Owner(OwnerKind kind, String id) {

    public static Owner tenant(String slug) {
      return new Owner(OwnerKind.TENANT, slug);
    }

    public static Owner organisation(UUID id) {
      return new Owner(OwnerKind.ORGANISATION, id.toString());
    }

    /** {@code tenant:<slug>} or {@code organisation:<id>}, as in forms and the token's claim. */
    public String value() {
      return kind.name().toLowerCase(Locale.ROOT) + ":" + id;
    }

    /** The owner written as {@link #value()}, if it is well-formed. */
    public static Optional<Owner> parse(@Nullable String value) {
      if (value == null) {
        return Optional.empty();
      }
      String[] kindAndId = value.split(":", 2);
      if (kindAndId.length != 2 || kindAndId[1].isBlank()) {
        return Optional.empty();
      }
      try {
        OwnerKind kind = OwnerKind.valueOf(kindAndId[0].toUpperCase(Locale.ROOT));
        return Optional.of(
            kind == OwnerKind.ORGANISATION
                ? organisation(UUID.fromString(kindAndId[1]))
                : tenant(kindAndId[1]));
      } catch (IllegalArgumentException malformed) {
        return Optional.empty();
      }
    }
  }

  /**
   * Who manages clients. A tenant's admin manages that tenant's clients and sees no others; a
   * platform operator manages every client.
   */
  public sealed interface Steward permits TenantAdmin, Operator {}

  /** The admin of one tenant. */
  public record TenantAdmin(String tenantSlug) implements Steward {}

  /** A platform operator. */
  public record Operator() implements Steward {}

  /** A client as its admin sees it (never its secret). */
  public record Client(
      UUID id,
      String clientId,
      String name,
      Owner owner,
      List<String> scopes,
      OffsetDateTime createdAt,
      OffsetDateTime secretRotatedAt,
      boolean enabled) {}

  /** What a new client is: its id (for {@code /oauth2/token}), name, owner and scopes. */
  public record NewClient(String clientId, String name, Owner owner, Set<ApiScope> scopes) {}

  /** A registered client with its secret, which exists in clear only now. */
  public record Registered(Client client, String secret) {}

  private final JdbcClient jdbc;
  private final PasswordEncoder passwordEncoder;
  private final TenantManagement tenants;

  ApiClients(JdbcClient jdbc, PasswordEncoder passwordEncoder, TenantManagement tenants) {
    this.jdbc = jdbc;
    this.passwordEncoder = passwordEncoder;
    this.tenants = tenants;
  }

  /**
   * Registers a client, or sets its secret, name, owner and scopes if it exists (demo data).
   *
   * @param tenantSlug its tenant, or null for an organisation's client
   */
  @Transactional
  public void createOrUpdate(
      String clientId,
      String name,
      String secret,
      @Nullable String tenantSlug,
      @Nullable UUID organisationId,
      List<String> scopes) {
    createOrUpdateHashed(clientId, name, hash(secret), tenantSlug, organisationId, scopes);
  }

  /**
   * {@link #createOrUpdate} with the secret's hash; the time of the secret stays if the hash does.
   */
  @Transactional
  void createOrUpdateHashed(
      String clientId,
      String name,
      String secretHash,
      @Nullable String tenantSlug,
      @Nullable UUID organisationId,
      List<String> scopes) {
    jdbc.sql(
            """
            insert into api_client (id, client_id, name, secret_hash, tenant_slug, organisation_id, scopes)
            values (?, ?, ?, ?, ?, ?, ?)
            on conflict (client_id) do update set name = excluded.name, secret_hash = excluded.secret_hash,
              tenant_slug = excluded.tenant_slug, organisation_id = excluded.organisation_id,
              scopes = excluded.scopes,
              secret_rotated_at = case when api_client.secret_hash = excluded.secret_hash
                then api_client.secret_rotated_at else now() end
            """)
        .params(
            UUID.randomUUID(),
            clientId,
            name,
            secretHash,
            tenantSlug,
            organisationId,
            scopes.toArray(String[]::new))
        .update();
  }

  /** The clients the steward manages, by client id. */
  public List<Client> list(Steward steward) {
    Scope scope = Scope.of(steward);
    return jdbc.sql("select * from api_client where " + scope.condition() + " order by client_id")
        .params(scope.params())
        .query((rs, row) -> client(rs))
        .list();
  }

  /**
   * One client the steward manages.
   *
   * @throws ApiClientException {@link ApiClientException#NOT_FOUND} if there is none, or it is
   *     another tenant's
   */
  public Client get(Steward steward, UUID id) {
    Scope scope = Scope.of(steward);
    return jdbc.sql("select * from api_client where id = ? and " + scope.condition())
        .params(Stream.concat(Stream.of(id), scope.params().stream()).toList())
        .query((rs, row) -> client(rs))
        .optional()
        .orElseThrow(ApiClients::notFound);
  }

  /**
   * Registers a client with a new random secret.
   *
   * @return the client and its secret, to be shown once; only its hash is kept
   * @throws ApiClientException {@link ApiClientException#ID_INVALID}, {@link
   *     ApiClientException#ID_TAKEN}, {@link ApiClientException#SCOPE_INVALID} or {@link
   *     ApiClientException#OWNER_UNKNOWN} (also for a tenant admin naming another owner)
   */
  @Transactional
  public Registered register(Steward steward, NewClient client) {
    if (client.clientId().length() < MIN_CLIENT_ID
        || client.clientId().length() > MAX_CLIENT_ID
        || !CLIENT_ID.matcher(client.clientId()).matches()) {
      throw new ApiClientException(HttpStatus.BAD_REQUEST, ApiClientException.ID_INVALID);
    }
    if (client.name().isBlank() || client.name().length() > MAX_NAME) {
      throw new ApiClientException(HttpStatus.BAD_REQUEST, ApiClientException.NAME_INVALID);
    }
    if (client.scopes().isEmpty()
        || client.scopes().stream().anyMatch(s -> s.owner() != client.owner().kind())) {
      throw new ApiClientException(HttpStatus.BAD_REQUEST, ApiClientException.SCOPE_INVALID);
    }
    if (!mayOwn(steward, client.owner()) || !exists(client.owner())) {
      throw new ApiClientException(HttpStatus.BAD_REQUEST, ApiClientException.OWNER_UNKNOWN);
    }
    String secret = newSecret();
    UUID id = UUID.randomUUID();
    Owner owner = client.owner();
    try {
      jdbc.sql(
              """
              insert into api_client (id, client_id, name, secret_hash, tenant_slug, organisation_id, scopes)
              values (?, ?, ?, ?, ?, ?, ?)
              """)
          .params(
              id,
              client.clientId(),
              client.name().strip(),
              passwordEncoder.encode(secret),
              owner.kind() == OwnerKind.TENANT ? owner.id() : null,
              owner.kind() == OwnerKind.ORGANISATION ? UUID.fromString(owner.id()) : null,
              client.scopes().stream().sorted().map(ApiScope::value).toArray(String[]::new))
          .update();
    } catch (DuplicateKeyException taken) {
      throw new ApiClientException(HttpStatus.CONFLICT, ApiClientException.ID_TAKEN);
    }
    log.info("Registered API client {} for {}", client.clientId(), owner.value());
    return new Registered(get(steward, id), secret);
  }

  /**
   * Gives a client a new random secret; the old one stops working at once.
   *
   * @return the new secret, to be shown once
   * @throws ApiClientException {@link ApiClientException#NOT_FOUND} if the steward does not manage
   *     it
   */
  @Transactional
  public String rotateSecret(Steward steward, UUID id) {
    String secret = newSecret();
    update(steward, id, "secret_hash = ?, secret_rotated_at = now()", hash(secret));
    log.info("Rotated the secret of API client {}", id);
    return secret;
  }

  /**
   * Switches a client off (it gets no new tokens, and its tokens are refused at once) or on again.
   *
   * @throws ApiClientException {@link ApiClientException#NOT_FOUND} if the steward does not manage
   *     it
   */
  @Transactional
  public void setEnabled(Steward steward, UUID id, boolean enabled) {
    update(
        steward, id, enabled ? "disabled_at = null" : "disabled_at = coalesce(disabled_at, now())");
    log.info("API client {} switched {}", id, enabled ? "on" : "off");
  }

  /**
   * Deletes a client and the record of its tokens; its tokens are refused at once.
   *
   * @throws ApiClientException {@link ApiClientException#NOT_FOUND} if the steward does not manage
   *     it
   */
  @Transactional
  public void delete(Steward steward, UUID id) {
    Client client = get(steward, id);
    jdbc.sql("delete from oauth2_authorization where registered_client_id = ?")
        .param(id.toString())
        .update();
    jdbc.sql("delete from api_client where id = ?").param(client.id()).update();
    log.info("Deleted API client {}", client.clientId());
  }

  private void update(Steward steward, UUID id, String assignments, Object... values) {
    Scope scope = Scope.of(steward);
    List<Object> params = new ArrayList<>(Arrays.asList(values));
    params.add(id);
    params.addAll(scope.params());
    int updated =
        jdbc.sql("update api_client set " + assignments + " where id = ? and " + scope.condition())
            .params(params)
            .update();
    if (updated == 0) {
      throw notFound();
    }
  }

  private static boolean mayOwn(Steward steward, Owner owner) {
    return switch (steward) {
      case Operator operator -> true;
      case TenantAdmin admin -> owner.equals(Owner.tenant(admin.tenantSlug()));
    };
  }

  private boolean exists(Owner owner) {
    return switch (owner.kind()) {
      case TENANT -> tenants.bySlug(owner.id()).isPresent();
      case ORGANISATION ->
          jdbc.sql("select exists(select 1 from organisation where id = ?)")
              .param(UUID.fromString(owner.id()))
              .query(Boolean.class)
              .single();
    };
  }

  private static String newSecret() {
    byte[] bytes = new byte[24];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  private String hash(String secret) {
    // The encoder answers null only for a null password.
    return Objects.requireNonNull(passwordEncoder.encode(secret), "hash of a secret");
  }

  private static Client client(ResultSet rs) throws SQLException {
    String tenant = rs.getString("tenant_slug");
    return new Client(
        rs.getObject("id", UUID.class),
        rs.getString("client_id"),
        rs.getString("name"),
        tenant != null
            ? Owner.tenant(tenant)
            : Owner.organisation(rs.getObject("organisation_id", UUID.class)),
        Arrays.asList((String[]) rs.getArray("scopes").getArray()),
        rs.getObject("created_at", OffsetDateTime.class),
        rs.getObject("secret_rotated_at", OffsetDateTime.class),
        rs.getObject("disabled_at", OffsetDateTime.class) == null);
  }

  private static ApiClientException notFound() {
    return new ApiClientException(HttpStatus.NOT_FOUND, ApiClientException.NOT_FOUND);
  }

  /** The rows a steward may see: a tenant admin only the tenant's. */
  private record Scope(String condition, List<Object> params) {

    static Scope of(Steward steward) {
      return switch (steward) {
        case TenantAdmin admin -> new Scope("tenant_slug = ?", List.of(admin.tenantSlug()));
        case Operator operator -> new Scope("true", List.of());
      };
    }
  }
}
