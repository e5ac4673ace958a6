package de.amtsweg.einvoice.web;

import de.amtsweg.account.Organisations;
import de.amtsweg.einvoice.Einvoices;
import de.amtsweg.platform.Roles;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/**
 * Who calls, as far as invoices are concerned: a supplier (an API client of an organisation with
 * the scope {@code rechnungen.senden}, or a person — session or personal access token — who belongs
 * to organisations), or staff of a tenant.
 */
@Component
class Callers {

  static final String SCOPE = "SCOPE_rechnungen.senden";

  private final Organisations organisations;

  Callers(Organisations organisations) {
    this.organisations = organisations;
  }

  /** The supplier organisations the caller may submit for and whose invoices it sees. */
  Set<UUID> supplierOrganisations(Authentication auth) {
    Set<UUID> ids = new LinkedHashSet<>();
    if (has(auth, "ROLE_" + Roles.API_CLIENT)) {
      if (has(auth, SCOPE)) {
        auth.getAuthorities().stream()
            .map(GrantedAuthority::getAuthority)
            .filter(a -> a != null && a.startsWith(Roles.ORGANISATION_AUTHORITY_PREFIX))
            .forEach(
                a ->
                    ids.add(
                        UUID.fromString(
                            a.substring(Roles.ORGANISATION_AUTHORITY_PREFIX.length()))));
      }
    } else if (has(auth, Roles.CITIZEN_AUTHORITY)) {
      organisations
          .of(UUID.fromString(auth.getName()))
          .forEach(m -> ids.add(m.organisation().id()));
    }
    return ids;
  }

  /** The submitter: the only organisation, or the chosen one of several. */
  Einvoices.Submitter submitter(
      Authentication auth, Einvoices.Channel channel, Optional<UUID> chosen) {
    Set<UUID> ids = supplierOrganisations(auth);
    if (ids.isEmpty()) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN);
    }
    UUID organisation = chosen.filter(ids::contains).orElse(ids.iterator().next());
    UUID account = has(auth, "ROLE_" + Roles.API_CLIENT) ? null : UUID.fromString(auth.getName());
    return new Einvoices.Submitter(channel, organisation, auth.getName(), account);
  }

  /** The tenant of staff (caseworkers and tenant admins). */
  static Optional<String> staffTenant(Authentication auth) {
    if (!has(auth, "ROLE_" + Roles.CASEWORKER) && !has(auth, "ROLE_" + Roles.TENANT_ADMIN)) {
      return Optional.empty();
    }
    return Roles.tenantOf(auth);
  }

  static boolean has(Authentication auth, String authority) {
    return auth.getAuthorities().stream().anyMatch(a -> authority.equals(a.getAuthority()));
  }
}
