package de.amtsweg.platform;

/**
 * Roles that cross module boundaries. Security rules ({@code platform.security}) and the modules
 * that log people in ({@code account}) must agree on them.
 */
public final class Roles {

  /**
   * A person or business logged in to their Servicekonto. Spring Security authority {@code
   * ROLE_CITIZEN}.
   */
  public static final String CITIZEN = "CITIZEN";

  /** The Spring Security authority of {@link #CITIZEN}. */
  public static final String CITIZEN_AUTHORITY = "ROLE_" + CITIZEN;

  /** Caseworker (Sachbearbeitung) of one tenant: {@code ROLE_CASEWORKER}. */
  public static final String CASEWORKER = "CASEWORKER";

  /** Administrator of one tenant: {@code ROLE_TENANT_ADMIN}. */
  public static final String TENANT_ADMIN = "TENANT_ADMIN";

  /**
   * App editor (App-Redaktion) of the Land tenant: writes and publishes Antrags-Apps: {@code
   * ROLE_APP_EDITOR}.
   */
  public static final String APP_EDITOR = "APP_EDITOR";

  /** Platform operator (Betrieb), not bound to a tenant: {@code ROLE_PLATFORM_OPERATOR}. */
  public static final String PLATFORM_OPERATOR = "PLATFORM_OPERATOR";

  /**
   * A machine (Fachverfahren, ERP system) with an access token from /oauth2/token: {@code
   * ROLE_API_CLIENT}.
   */
  public static final String API_CLIENT = "API_CLIENT";

  /** API clients of an organisation carry the authority {@code ORGANISATION_<id>}. */
  public static final String ORGANISATION_AUTHORITY_PREFIX = "ORGANISATION_";

  /**
   * Staff of a tenant also carry the authority {@code TENANT_<slug>}; every query they cause is
   * scoped with it ({@link #tenantOf}).
   */
  public static final String TENANT_AUTHORITY_PREFIX = "TENANT_";

  private Roles() {}

  /** The slug of the tenant a logged-in staff member works for, if they are tenant staff. */
  public static java.util.Optional<String> tenantOf(
      org.springframework.security.core.Authentication authentication) {
    return authentication.getAuthorities().stream()
        .map(org.springframework.security.core.GrantedAuthority::getAuthority)
        .filter(a -> a != null && a.startsWith(TENANT_AUTHORITY_PREFIX))
        .map(a -> a.substring(TENANT_AUTHORITY_PREFIX.length()))
        .findFirst();
  }

  /**
   * The first page of a staff member's work: operators /admin, app editors /redaktion, tenant staff
   * /verwaltung.
   */
  public static String staffHome(org.springframework.security.core.Authentication authentication) {
    boolean editor =
        authentication.getAuthorities().stream()
            .anyMatch(a -> ("ROLE_" + APP_EDITOR).equals(a.getAuthority()));
    if (editor) {
      return "/redaktion/apps";
    }
    return tenantOf(authentication).isPresent() ? "/verwaltung" : "/admin";
  }
}
