package de.amtsweg.account.web;

import de.amtsweg.account.ApiClients;
import de.amtsweg.platform.Roles;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * API clients: the tenant admin's list with secret rotation, and {@code GET /api/v1/clients/me},
 * with which a machine checks what its access token stands for.
 */
@Controller
class ApiClientController {

  private final ApiClients clients;

  ApiClientController(ApiClients clients) {
    this.clients = clients;
  }

  @GetMapping("/verwaltung/api-clients")
  String list(Authentication authentication, Model model) {
    model.addAttribute("clients", clients.ofTenant(tenant(authentication)));
    return "account/staff/api-clients";
  }

  @PostMapping("/verwaltung/api-clients/{id}/neues-geheimnis")
  String rotate(Authentication authentication, @PathVariable UUID id, RedirectAttributes redirect) {
    redirect.addFlashAttribute("newSecret", clients.rotateSecret(tenant(authentication), id));
    redirect.addFlashAttribute("rotated", id);
    return "redirect:/verwaltung/api-clients";
  }

  /** Who the calling machine is: client id, owner and scopes of its access token. */
  @GetMapping("/api/v1/clients/me")
  @ResponseBody
  Map<String, Object> me(Authentication authentication) {
    List<String> authorities = authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList();
    return Map.of(
        "clientId", authentication.getName(),
        "tenant", prefixed(authorities, Roles.TENANT_AUTHORITY_PREFIX),
        "organisation", prefixed(authorities, Roles.ORGANISATION_AUTHORITY_PREFIX),
        "scopes", authorities.stream().filter(a -> a.startsWith("SCOPE_")).map(a -> a.substring(6)).sorted().toList());
  }

  private static String prefixed(List<String> authorities, String prefix) {
    return authorities.stream().filter(a -> a.startsWith(prefix)).map(a -> a.substring(prefix.length()))
        .findFirst().orElse("");
  }

  private static String tenant(Authentication authentication) {
    return Roles.tenantOf(authentication).orElseThrow(() -> new ResponseStatusException(HttpStatus.FORBIDDEN));
  }
}
