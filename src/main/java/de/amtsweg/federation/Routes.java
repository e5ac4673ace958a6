package de.amtsweg.federation;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import de.amtsweg.appstore.AppStore;
import de.amtsweg.platform.PlatformProperties;
import de.amtsweg.tenancy.Authorities;
import de.amtsweg.tenancy.Authority;
import de.amtsweg.tenancy.Tenant;
import de.amtsweg.tenancy.TenantManagement;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The routing question for machines, in the shape of the FIT-Connect Routing API: where does an
 * Antrag for this Leistung from this place go? A route is an active Antrags-App of a tenant whose
 * region holds the place (the place itself or an authority above it); its destination is Amtsweg's
 * submission endpoint for that tenant and app.
 *
 * <p>The {@code destinationSignature} is a compact JWS ({@code PS512}) over the claims of the
 * Routing API's example: {@code submissionHost}, {@code iss}, {@code services} ({@code gebietIDs},
 * {@code leistungIDs} as URNs), {@code destinationId}, {@code iat}, {@code jti}; Amtsweg adds
 * {@code submissionUrl}, the exact address.
 */
@Service
public class Routes {

  private static final String GEBIET_URN =
      "urn:de:bund:destatis:bevoelkerungsstatistik:schluessel:rs:";
  private static final String LEISTUNG_URN = "urn:de:fim:leika:leistung:";

  private final TenantManagement tenants;
  private final Authorities authorities;
  private final AppStore appStore;
  private final SigningKeys keys;
  private final PlatformProperties platform;

  Routes(
      TenantManagement tenants,
      Authorities authorities,
      AppStore appStore,
      SigningKeys keys,
      PlatformProperties platform) {
    this.tenants = tenants;
    this.authorities = authorities;
    this.appStore = appStore;
    this.keys = keys;
    this.platform = platform;
  }

  /**
   * One route.
   *
   * @param destinationId stable per tenant and app (a name-based UUID)
   * @param submissionUrl where the Antrag is sent ({@code POST}, see the API description)
   * @param logoUrl the tenant's logo, if it has one and Amtsweg is reached over https
   */
  public record Route(
      String destinationId,
      String destinationSignature,
      String destinationName,
      String submissionUrl,
      @Nullable String logoUrl,
      String tenantArs,
      String appId) {}

  /**
   * The routes for a Leistung at a place, nearest authority first.
   *
   * @param leikaKey 14 digits, checked by the caller
   * @param ars 12 digits, checked by the caller
   */
  public List<Route> routes(String leikaKey, String ars) {
    List<String> chain = new ArrayList<>();
    chain.add(ars);
    authorities.ancestors(ars).stream().map(Authority::ars).forEach(chain::add);
    List<Route> routes = new ArrayList<>();
    for (String tenantArs : chain) {
      Optional<Tenant> tenant = tenants.byAuthority(tenantArs);
      if (tenant.isEmpty()) {
        continue;
      }
      for (AppStore.OfferedApp offered : appStore.offeredFor(tenantArs, leikaKey)) {
        routes.add(route(tenant.get(), offered.app().id(), offered.app().definition().leikaKeys()));
      }
    }
    return routes;
  }

  /** The destination id of a tenant's app: the same on every call and every node. */
  static String destinationId(String tenantArs, String appId) {
    return UUID.nameUUIDFromBytes(
            ("amtsweg-destination:" + tenantArs + ":" + appId).getBytes(StandardCharsets.UTF_8))
        .toString();
  }

  private Route route(Tenant tenant, String appId, List<String> leikaKeys) {
    String tenantArs = tenant.authorityArs();
    String destinationId = destinationId(tenantArs, appId);
    String submissionUrl =
        UriComponentsBuilder.fromUri(platform.publicUrl())
            .path("/api/v1/tenants/{ars}/apps/{appId}/antraege")
            .buildAndExpand(tenantArs, appId)
            .encode()
            .toUriString();
    JWTClaimsSet claims =
        new JWTClaimsSet.Builder()
            .issuer(platform.publicUrl().toString())
            .claim("submissionHost", platform.publicUrl().getHost())
            .claim("submissionUrl", submissionUrl)
            .claim(
                "services",
                List.of(
                    Map.of(
                        "gebietIDs",
                        List.of(GEBIET_URN + tenantArs),
                        "leistungIDs",
                        leikaKeys.stream().map(k -> LEISTUNG_URN + k).toList())))
            .claim("destinationId", destinationId)
            .issueTime(Date.from(Instant.now()))
            .jwtID(UUID.randomUUID().toString())
            .build();
    var key = keys.current();
    SignedJWT jws =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.PS512)
                .keyID(key.getKeyID())
                .type(JOSEObjectType.JWT)
                .build(),
            claims);
    try {
      jws.sign(new RSASSASigner(key));
    } catch (JOSEException e) {
      throw new IllegalStateException("cannot sign a route", e);
    }
    String logo =
        tenant.hasLogo() && "https".equals(platform.publicUrl().getScheme())
            ? UriComponentsBuilder.fromUri(platform.publicUrl())
                .path("/mandanten/{slug}/logo")
                .buildAndExpand(tenant.slug())
                .encode()
                .toUriString()
            : null;
    return new Route(
        destinationId,
        jws.serialize(),
        tenant.displayName(),
        submissionUrl,
        logo,
        tenantArs,
        appId);
  }
}
