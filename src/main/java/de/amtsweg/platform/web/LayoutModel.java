package de.amtsweg.platform.web;

import de.amtsweg.platform.Roles;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.util.UriComponentsBuilder;

/** What the shared page layout needs on every page: language links and the demo notice. */
@ControllerAdvice
class LayoutModel {

  private final boolean demo;

  LayoutModel(Environment environment) {
    // acceptsProfiles also sees the default profile (spring.profiles.default=demo).
    this.demo = environment.acceptsProfiles(Profiles.of("demo"));
  }

  @ModelAttribute("demoMode")
  boolean demoMode() {
    return demo;
  }

  /** Name of the signed-in staff member, or null for citizens and visitors. */
  @ModelAttribute("staffName")
  @Nullable String staffName() {
    Authentication authentication = signedIn();
    return authentication == null || isCitizen(authentication) ? null : authentication.getName();
  }

  /** Where the signed-in staff member's work is: operators /admin, tenant staff /verwaltung. */
  @ModelAttribute("staffHome")
  @Nullable String staffHome() {
    Authentication authentication = signedIn();
    if (authentication == null || isCitizen(authentication)) {
      return null;
    }
    return Roles.staffHome(authentication);
  }

  /** Pages of staff work beyond the start page, by role: path and message key. */
  @ModelAttribute("staffLinks")
  java.util.List<java.util.Map<String, String>> staffLinks() {
    Authentication authentication = signedIn();
    java.util.List<java.util.Map<String, String>> links = new java.util.ArrayList<>();
    if (authentication == null || isCitizen(authentication)) {
      return links;
    }
    java.util.Set<String> roles = new java.util.HashSet<>();
    authentication.getAuthorities().forEach(a -> roles.add(a.getAuthority()));
    if (roles.contains("ROLE_" + Roles.CASEWORKER)
        || roles.contains("ROLE_" + Roles.TENANT_ADMIN)) {
      links.add(java.util.Map.of("path", "/verwaltung/vorgaenge", "key", "layout.nav.cases"));
    }
    if (roles.contains("ROLE_" + Roles.TENANT_ADMIN)) {
      links.add(java.util.Map.of("path", "/verwaltung/apps", "key", "layout.nav.apps"));
      links.add(java.util.Map.of("path", "/verwaltung/zustellung", "key", "layout.nav.delivery"));
      links.add(java.util.Map.of("path", "/verwaltung/protokoll", "key", "layout.nav.audit"));
      links.add(java.util.Map.of("path", "/verwaltung/mitarbeitende", "key", "layout.nav.staff"));
      links.add(java.util.Map.of("path", "/verwaltung/barrierefreiheit", "key", "a11y.admin.nav"));
      links.add(java.util.Map.of("path", "/verwaltung/einbettung", "key", "tenant.embedding.nav"));
      links.add(
          java.util.Map.of("path", "/verwaltung/portalverbund", "key", "catalog.selfcheck.nav"));
    }
    if (roles.contains("ROLE_" + Roles.PLATFORM_OPERATOR)) {
      links.add(java.util.Map.of("path", "/admin/mitarbeitende", "key", "layout.nav.staff"));
      links.add(java.util.Map.of("path", "/admin/anmeldung/anbieter", "key", "layout.nav.sign-in"));
    }
    return links;
  }

  /** Whether a citizen is logged in to their Servicekonto. */
  @ModelAttribute("citizenSignedIn")
  boolean citizenSignedIn() {
    Authentication authentication = signedIn();
    return authentication != null && isCitizen(authentication);
  }

  private static @Nullable Authentication signedIn() {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (authentication == null
        || !authentication.isAuthenticated()
        || authentication instanceof AnonymousAuthenticationToken) {
      return null;
    }
    return authentication;
  }

  private static boolean isCitizen(Authentication authentication) {
    return authentication.getAuthorities().stream()
        .anyMatch(a -> Roles.CITIZEN_AUTHORITY.equals(a.getAuthority()));
  }

  @ModelAttribute("languageLinks")
  LanguageLinks languageLinks(HttpServletRequest request) {
    return new LanguageLinks(link(request, "de"), link(request, "en"));
  }

  /**
   * For pages rendered by exception handlers, which do not get {@code @ModelAttribute}s: the same
   * attributes, added by hand.
   */
  void addTo(ModelAndView page, HttpServletRequest request) {
    page.addObject("demoMode", demoMode());
    page.addObject("staffName", staffName());
    page.addObject("citizenSignedIn", citizenSignedIn());
    page.addObject("staffHome", staffHome());
    page.addObject("staffLinks", staffLinks());
    page.addObject("languageLinks", languageLinks(request));
  }

  /**
   * Same page, other language; relative, built from path and query only (never the Host header).
   */
  private static String link(HttpServletRequest request, String language) {
    return UriComponentsBuilder.fromPath(request.getRequestURI())
        .query(request.getQueryString())
        .replaceQueryParam("lang", language)
        .build()
        .toUriString();
  }

  /** Links to the current page in German and English. */
  record LanguageLinks(String de, String en) {}
}
