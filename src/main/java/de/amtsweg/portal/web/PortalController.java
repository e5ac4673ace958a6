package de.amtsweg.portal.web;

import de.amtsweg.portal.PortalProperties;
import de.amtsweg.tenancy.PlaceSelection;
import de.amtsweg.tenancy.Tenant;
import de.amtsweg.tenancy.TenantManagement;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import java.util.Optional;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** Start page and the portal's legal pages. */
@Controller
class PortalController {

  private final PlaceSelection placeSelection;
  private final TenantManagement tenants;
  private final PortalProperties properties;
  private final MessageSource messages;

  PortalController(
      PlaceSelection placeSelection,
      TenantManagement tenants,
      PortalProperties properties,
      MessageSource messages) {
    this.placeSelection = placeSelection;
    this.tenants = tenants;
    this.properties = properties;
    this.messages = messages;
  }

  @GetMapping("/")
  String home(HttpServletRequest request, Model model) {
    model.addAttribute("chosenPlace", placeSelection.current(request).orElse(null));
    return "portal/home";
  }

  @GetMapping("/impressum")
  String impressum(Model model, Locale locale) {
    Optional<Tenant> operator = tenants.bySlug(properties.operatorTenant());
    return textPage(
        model, locale, "legal.impressum", operator, operator.map(t -> t.profile().impressum()));
  }

  @GetMapping("/datenschutz")
  String datenschutz(Model model, Locale locale) {
    Optional<Tenant> operator = tenants.bySlug(properties.operatorTenant());
    return textPage(
        model, locale, "legal.datenschutz", operator, operator.map(t -> t.profile().datenschutz()));
  }

  private String textPage(
      Model model,
      Locale locale,
      String headingKey,
      Optional<Tenant> operator,
      Optional<String> text) {
    model.addAttribute("heading", messages.getMessage(headingKey, null, locale));
    model.addAttribute("publisher", operator.map(Tenant::displayName).orElse(null));
    model.addAttribute("text", text.orElse(null));
    return "platform/text-page";
  }
}
