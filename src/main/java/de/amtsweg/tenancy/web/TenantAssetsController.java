package de.amtsweg.tenancy.web;

import de.amtsweg.tenancy.Colours;
import de.amtsweg.tenancy.Tenant;
import de.amtsweg.tenancy.TenantManagement;
import java.time.Duration;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * A tenant's logo and colour. The colour comes as a small stylesheet, because the Content-Security-
 * Policy forbids inline styles.
 */
@RestController
class TenantAssetsController {

  private static final CacheControl CACHE =
      CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic();

  private final TenantManagement tenants;

  TenantAssetsController(TenantManagement tenants) {
    this.tenants = tenants;
  }

  @GetMapping("/mandanten/{slug}/logo")
  ResponseEntity<byte[]> logo(@PathVariable String slug) {
    TenantManagement.Logo logo =
        tenants.logo(slug).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(logo.contentType()))
        .cacheControl(CACHE)
        .body(logo.bytes());
  }

  @GetMapping(value = "/mandanten/{slug}/theme.css", produces = "text/css")
  ResponseEntity<String> theme(@PathVariable String slug) {
    Tenant tenant =
        tenants.bySlug(slug).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    String colour = tenant.profile().primaryColour();
    if (!Colours.isHex(colour)) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND);
    }
    String css =
        ":root { --amtsweg-tenant-colour: %s; }\n".formatted(colour)
            + ".tenant-banner { background: var(--amtsweg-tenant-colour); color: #fff; }\n";
    return ResponseEntity.ok().cacheControl(CACHE).body(css);
  }
}
