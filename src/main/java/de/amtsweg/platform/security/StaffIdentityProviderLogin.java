package de.amtsweg.platform.security;

import de.amtsweg.platform.Roles;
import de.amtsweg.platform.TenantNames;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Staff sign-in through the administration's identity provider (ADR 0025). Spring Security runs the
 * protocol (authorization code flow, ID token checked against the provider's keys); this maps the
 * verified claims to a role and tenant, keeps a just-in-time staff account for the person (linked
 * by issuer and subject, no password) and signs them in with the same authorities as the password
 * login. Also the gate that keeps password logins out of tenants that switched local passwords off.
 *
 * <p>The security configuration hands every OpenID Connect login to {@link #orCitizen}: staff
 * registrations ({@code staff-…}) end here, all others at the citizens' handler.
 */
@Component
class StaffIdentityProviderLogin {

  /** Why a sign-in was refused, as the code in {@code /anmelden?anbieter=<code>}. */
  enum Refusal {
    /** The provider is unknown or switched off, or the protocol failed. */
    FAILED("fehlgeschlagen"),
    /** No mapping row matches the person's claim values. */
    NO_MAPPING("keine-zuordnung"),
    /** The provider requires a second factor and the ID token names none. */
    NO_MFA("kein-zweiter-faktor"),
    /** The staff account made for this person is disabled. */
    DISABLED("gesperrt");

    final String code;

    Refusal(String code) {
      this.code = code;
    }
  }

  /** What the provider said about the second factor ({@code amr}, RFC 8176) that counts as one. */
  static final Set<String> SECOND_FACTOR_AMR = Set.of("mfa", "otp", "hwk", "sc", "swk");

  /** Stored instead of a password hash: matches no password (not an Argon2 hash). */
  static final String NO_PASSWORD = "!federated";

  private static final Logger log = LoggerFactory.getLogger(StaffIdentityProviderLogin.class);

  private final StaffIdentityProviders providers;
  private final StaffAccounts accounts;
  private final JdbcClient jdbc;
  private final TransactionTemplate transactions;
  private final SecurityContextRepository contexts;
  private final ObjectProvider<TenantNames> tenants;

  StaffIdentityProviderLogin(
      StaffIdentityProviders providers,
      StaffAccounts accounts,
      JdbcClient jdbc,
      TransactionTemplate transactions,
      SecurityContextRepository contexts,
      ObjectProvider<TenantNames> tenants) {
    this.providers = providers;
    this.accounts = accounts;
    this.jdbc = jdbc;
    this.transactions = transactions;
    this.contexts = contexts;
    this.tenants = tenants;
  }

  /** The role and tenant a mapping row gives. */
  record Grant(StaffRole role, @Nullable String tenantSlug) {}

  /**
   * The grant for these claims: the first mapping row (in the provider's order) whose claim value
   * the person has; a tenant-bound provider always gives its own tenant.
   */
  static Optional<Grant> grant(
      StaffIdentityProviders.Provider provider,
      List<StaffIdentityProviders.Mapping> mappings,
      Map<String, Object> claims) {
    Set<String> values = claimValues(claims, provider.claim());
    return mappings.stream()
        .filter(mapping -> values.contains(mapping.claimValue()))
        .findFirst()
        .map(
            mapping ->
                new Grant(
                    mapping.role(),
                    provider.tenantSlug() != null && mapping.role().tenantScoped()
                        ? provider.tenantSlug()
                        : mapping.tenantSlug()));
  }

  /** The string values of a claim (a string or a list of strings), by a dotted path. */
  static Set<String> claimValues(Map<String, Object> claims, String path) {
    Object value = claims;
    for (String part : path.split("\\.")) {
      if (!(value instanceof Map<?, ?> map)) {
        return Set.of();
      }
      value = map.get(part);
    }
    if (value instanceof String single) {
      return Set.of(single);
    }
    if (value instanceof Collection<?> many) {
      return Set.copyOf(
          many.stream().filter(String.class::isInstance).map(String.class::cast).toList());
    }
    return Set.of();
  }

  /** Whether the ID token names a second factor in {@code amr}. */
  static boolean hadSecondFactor(Map<String, Object> claims) {
    return claimValues(claims, "amr").stream()
        .anyMatch(amr -> SECOND_FACTOR_AMR.contains(amr.toLowerCase(Locale.ROOT)));
  }

  /**
   * The handler of every OpenID Connect login: staff registrations here, the rest to the citizens'.
   */
  Object orCitizen(Object citizenHandler) {
    AuthenticationSuccessHandler citizenSuccess = (AuthenticationSuccessHandler) citizenHandler;
    AuthenticationFailureHandler citizenFailure = (AuthenticationFailureHandler) citizenHandler;
    return new Dispatch(citizenSuccess, citizenFailure);
  }

  private final class Dispatch
      implements AuthenticationSuccessHandler, AuthenticationFailureHandler {
    private final AuthenticationSuccessHandler citizenSuccess;
    private final AuthenticationFailureHandler citizenFailure;

    Dispatch(
        AuthenticationSuccessHandler citizenSuccess, AuthenticationFailureHandler citizenFailure) {
      this.citizenSuccess = citizenSuccess;
      this.citizenFailure = citizenFailure;
    }

    @Override
    public void onAuthenticationSuccess(
        HttpServletRequest request, HttpServletResponse response, Authentication authentication)
        throws IOException, ServletException {
      if (authentication instanceof OAuth2AuthenticationToken token
          && token
              .getAuthorizedClientRegistrationId()
              .startsWith(StaffIdentityProviders.REGISTRATION_PREFIX)) {
        signIn(request, response, token);
      } else {
        citizenSuccess.onAuthenticationSuccess(request, response, authentication);
      }
    }

    @Override
    public void onAuthenticationFailure(
        HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
        throws IOException, ServletException {
      if (request
          .getRequestURI()
          .startsWith("/login/oauth2/code/" + StaffIdentityProviders.REGISTRATION_PREFIX)) {
        log.info(
            "Staff sign-in through a provider failed: {}", exception.getClass().getSimpleName());
        refuse(request, response, Refusal.FAILED);
      } else {
        citizenFailure.onAuthenticationFailure(request, response, exception);
      }
    }
  }

  private void signIn(
      HttpServletRequest request, HttpServletResponse response, OAuth2AuthenticationToken token)
      throws IOException {
    Optional<StaffIdentityProviders.Provider> found =
        providers
            .byRegistrationId(token.getAuthorizedClientRegistrationId())
            .filter(StaffIdentityProviders.Provider::enabled);
    if (found.isEmpty() || !(token.getPrincipal() instanceof OidcUser user)) {
      refuse(request, response, Refusal.FAILED);
      return;
    }
    StaffIdentityProviders.Provider provider = found.get();
    Map<String, Object> claims = user.getClaims();
    if (provider.requireMfa() && !hadSecondFactor(user.getIdToken().getClaims())) {
      log.info("Staff sign-in through {} refused: no second factor in amr", provider.key());
      refuse(request, response, Refusal.NO_MFA);
      return;
    }
    Optional<Grant> grant =
        grant(provider, providers.mappings(provider.id()), claims)
            .filter(g -> g.tenantSlug() == null || tenantExists(g.tenantSlug()));
    if (grant.isEmpty()) {
      log.info("Staff sign-in through {} refused: no mapping matches", provider.key());
      refuse(request, response, Refusal.NO_MAPPING);
      return;
    }
    String issuer = String.valueOf(user.getIssuer());
    Optional<String> username =
        transactions.execute(
            status -> account(provider, issuer, user.getSubject(), displayName(user), grant.get()));
    if (username == null || username.isEmpty()) {
      log.info("Staff sign-in through {} refused: the account is disabled", provider.key());
      refuse(request, response, Refusal.DISABLED);
      return;
    }
    UserDetails stored = accounts.loadUserByUsername(username.get());
    // Same authorities as the password login (role and tenant), no password in the session.
    User principal =
        new User(stored.getUsername(), "", true, true, true, true, stored.getAuthorities());
    Authentication staff =
        UsernamePasswordAuthenticationToken.authenticated(
            principal, null, principal.getAuthorities());
    SecurityContext context = SecurityContextHolder.createEmptyContext();
    context.setAuthentication(staff);
    SecurityContextHolder.setContext(context);
    contexts.saveContext(context, request, response);
    log.info("Staff sign-in through {}: {}", provider.key(), username.get());
    response.sendRedirect(Roles.staffHome(staff));
  }

  /**
   * Creates or updates the person's staff account; the user name if they may sign in, empty when
   * the account is disabled.
   */
  private Optional<String> account(
      StaffIdentityProviders.Provider provider,
      String issuer,
      String subject,
      String displayName,
      Grant grant) {
    Optional<Linked> linked =
        jdbc.sql(
                """
                select a.id, a.username, a.enabled from staff_federated_identity f
                join staff_account a on a.id = f.staff_account_id
                where f.issuer = ? and f.subject = ? for update of a
                """)
            .params(issuer, subject)
            .query(
                (rs, row) ->
                    new Linked(
                        rs.getObject("id", UUID.class),
                        rs.getString("username"),
                        rs.getBoolean("enabled")))
            .optional();
    if (linked.isPresent()) {
      if (!linked.get().enabled()) {
        return Optional.empty();
      }
      // The mapping as it is now: a changed group or mapping counts from this sign-in on.
      jdbc.sql("update staff_account set display_name = ?, role = ?, tenant_slug = ? where id = ?")
          .params(displayName, grant.role().name(), grant.tenantSlug(), linked.get().id())
          .update();
      jdbc.sql(
              """
              update staff_federated_identity set provider_id = ?, last_login_at = now()
              where issuer = ? and subject = ?
              """)
          .params(provider.id(), issuer, subject)
          .update();
      return Optional.of(linked.get().username());
    }
    UUID id = UUID.randomUUID();
    String username = username(provider, issuer, subject);
    jdbc.sql(
            """
            insert into staff_account (id, username, display_name, password_hash, role, tenant_slug)
            values (?, ?, ?, ?, ?, ?)
            """)
        .params(id, username, displayName, NO_PASSWORD, grant.role().name(), grant.tenantSlug())
        .update();
    jdbc.sql(
            """
            insert into staff_federated_identity (issuer, subject, staff_account_id, provider_id,
              last_login_at)
            values (?, ?, ?, ?, now())
            """)
        .params(issuer, subject, id, provider.id())
        .update();
    return Optional.of(username);
  }

  private record Linked(UUID id, String username, boolean enabled) {}

  /**
   * A user name that no local account can have (they are chosen by people, without a colon) and
   * that names the provider: {@code <key>:<20 hex digits of SHA-256(issuer, subject)>}.
   */
  static String username(StaffIdentityProviders.Provider provider, String issuer, String subject) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest((issuer + "\n" + subject).getBytes(StandardCharsets.UTF_8));
      return provider.key() + ":" + HexFormat.of().formatHex(digest, 0, 10);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String displayName(OidcUser user) {
    String name = user.getFullName();
    if (name == null || name.isBlank()) {
      String given = user.getGivenName();
      String family = user.getFamilyName();
      name = ((given == null ? "" : given) + " " + (family == null ? "" : family)).strip();
    }
    if (name.isBlank()) {
      name = user.getPreferredUsername();
    }
    if (name == null || name.isBlank()) {
      name = user.getSubject();
    }
    return name.length() > 200 ? name.substring(0, 200) : name;
  }

  private boolean tenantExists(String slug) {
    TenantNames names = tenants.getIfAvailable();
    return names == null || names.all().containsKey(slug);
  }

  /** Forgets the provider's login and shows the staff login page with the reason. */
  private static void refuse(
      HttpServletRequest request, HttpServletResponse response, Refusal refusal)
      throws IOException {
    SecurityContextHolder.clearContext();
    HttpSession session = request.getSession(false);
    if (session != null) {
      session.invalidate();
    }
    response.sendRedirect("/anmelden?anbieter=" + refusal.code);
  }

  /**
   * Refuses password logins of accounts made by a provider and of staff of a tenant whose local
   * passwords are off, before the password is checked, with the same answer as a wrong password
   * (counted by the throttle), so the refusal tells nobody which user names exist.
   */
  OncePerRequestFilter localPasswordsGate(AuthenticationFailureHandler failures) {
    return new OncePerRequestFilter() {
      @Override
      protected boolean shouldNotFilter(HttpServletRequest request) {
        return !("POST".equals(request.getMethod())
            && StaffLoginThrottle.LOGIN.equals(request.getServletPath()));
      }

      @Override
      protected void doFilterInternal(
          HttpServletRequest request, HttpServletResponse response, FilterChain chain)
          throws ServletException, IOException {
        String username = request.getParameter("username");
        if (username != null && !passwordAllowed(username)) {
          failures.onAuthenticationFailure(
              request, response, new BadCredentialsException("local passwords are off"));
          return;
        }
        chain.doFilter(request, response);
      }
    };
  }

  /** Whether this user name may sign in with a password (also true for unknown names). */
  boolean passwordAllowed(String username) {
    return jdbc.sql(
            """
            select a.tenant_slug, exists (select 1 from staff_federated_identity f
              where f.staff_account_id = a.id) as federated
            from staff_account a where a.username = ?
            """)
        .param(username.strip().toLowerCase(Locale.ROOT))
        .query(
            (rs, row) -> {
              String tenant = rs.getString("tenant_slug");
              return !rs.getBoolean("federated")
                  && (tenant == null || providers.localPasswords(tenant));
            })
        .optional()
        .orElse(true);
  }
}
