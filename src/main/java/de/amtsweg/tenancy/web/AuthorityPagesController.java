package de.amtsweg.tenancy.web;

import de.amtsweg.tenancy.Authorities;
import de.amtsweg.tenancy.Authority;
import de.amtsweg.tenancy.Tenant;
import de.amtsweg.tenancy.TenantManagement;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** Pages about the Land's authorities: search, one page per authority, a tenant's legal texts. */
@Controller
class AuthorityPagesController {

  private static final String LAND_ARS = "160000000000";

  private final Authorities authorities;
  private final TenantManagement tenants;
  private final MessageSource messages;

  AuthorityPagesController(
      Authorities authorities, TenantManagement tenants, MessageSource messages) {
    this.authorities = authorities;
    this.tenants = tenants;
    this.messages = messages;
  }

  @GetMapping("/behoerden")
  String search(@RequestParam(required = false) @Nullable String q, Model model) {
    String query = q == null ? "" : q.strip();
    if (query.length() > AuthorityApiController.MAX_QUERY_LENGTH) {
      query = query.substring(0, AuthorityApiController.MAX_QUERY_LENGTH);
    }
    model.addAttribute("query", query);
    if (query.isEmpty()) {
      model.addAttribute("results", null);
      Authority land = authorities.get(LAND_ARS);
      model.addAttribute("land", land);
      model.addAttribute("kreise", authorities.members(land.ars()));
    } else {
      model.addAttribute("results", authorities.search(query, 50));
    }
    return "tenancy/authorities";
  }

  @GetMapping("/behoerden/{ars}")
  String authority(@PathVariable String ars, Model model) {
    Authority authority = authorities.get(ars);
    List<Authority> ancestors = authorities.ancestors(authority.ars());
    model.addAttribute("authority", authority);
    model.addAttribute("ancestors", ancestors.reversed());
    model.addAttribute("parent", ancestors.isEmpty() ? null : ancestors.getFirst());
    model.addAttribute("members", authorities.members(authority.ars()));
    model.addAttribute("postcodes", authorities.postcodes(authority.ars()));
    Optional<Tenant> tenant = tenants.byAuthority(authority.ars());
    model.addAttribute("tenant", tenant.orElse(null));
    model.addAttribute("themeSlug", tenant.map(Tenant::slug).orElse(null));
    return "tenancy/authority";
  }

  @GetMapping("/behoerden/{ars}/impressum")
  String impressum(@PathVariable String ars, Model model, Locale locale) {
    return legalText(ars, model, "legal.impressum", locale, true);
  }

  @GetMapping("/behoerden/{ars}/datenschutz")
  String datenschutz(@PathVariable String ars, Model model, Locale locale) {
    return legalText(ars, model, "legal.datenschutz", locale, false);
  }

  private String legalText(
      String ars, Model model, String headingKey, Locale locale, boolean impressum) {
    Authority authority = authorities.get(ars);
    Optional<Tenant> tenant = tenants.byAuthority(authority.ars());
    model.addAttribute("heading", messages.getMessage(headingKey, null, locale));
    model.addAttribute("publisher", authority.displayName());
    model.addAttribute(
        "text",
        tenant
            .map(t -> impressum ? t.profile().impressum() : t.profile().datenschutz())
            .orElse(null));
    model.addAttribute("themeSlug", tenant.map(Tenant::slug).orElse(null));
    return "platform/text-page";
  }
}
