package de.amtsweg.federation;

import de.amtsweg.appstore.Activation;
import de.amtsweg.appstore.AppStore;
import de.amtsweg.appstore.PublishedApp;
import de.amtsweg.federation.xzufi.XzufiNames;
import de.amtsweg.federation.xzufi.XzufiObject;
import de.amtsweg.federation.xzufi.XzufiWriter;
import de.amtsweg.platform.PlatformProperties;
import de.amtsweg.tenancy.Tenant;
import de.amtsweg.tenancy.TenantManagement;
import de.amtsweg.tenancy.TenantProfile;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Amtsweg's own holdings for the Portalverbund, computed live from the tenants and their active
 * Antrags-Apps: each tenant as an Organisationseinheit; each active app of a tenant as an
 * Onlinedienst with a deep link {@code <public-url>/antrag/{appId}?ars={ARS}}, and, per Leistung of
 * the app, a Zuständigkeit of the Onlinedienst and one of the tenant (rolle 01, it decides the
 * Anträge) for the tenant's region.
 *
 * <p>Pages hold whole tenants, so that an Onlinedienst arrives in the same message as its
 * Zuständigkeiten and its provider; {@code index} counts tenants.
 */
@Service
public class VerbundExport {

  private final TenantManagement tenants;
  private final AppStore appStore;
  private final PlatformProperties platform;
  private final FederationProperties properties;

  VerbundExport(
      TenantManagement tenants,
      AppStore appStore,
      PlatformProperties platform,
      FederationProperties properties) {
    this.tenants = tenants;
    this.appStore = appStore;
    this.platform = platform;
    this.properties = properties;
  }

  /**
   * One page of the export.
   *
   * @param xml the XZuFi message with the page's objects
   * @param complete whether this is the last page ({@code vollstaendig})
   * @param nextIndex the index of the next page ({@code naechsterIndex}); the total when complete
   */
  public record ExportPage(String xml, boolean complete, long nextIndex) {}

  /** The page starting at the tenant with this index (0 for the first). */
  public ExportPage page(long index) {
    if (index < 0) {
      throw new IllegalArgumentException("index is not negative");
    }
    List<Tenant> all =
        tenants.all().stream().sorted(Comparator.comparing(Tenant::authorityArs)).toList();
    List<XzufiObject> objects = new ArrayList<>();
    long next = index;
    while (next < all.size()) {
      List<XzufiObject> group = objectsOf(all.get((int) next));
      if (!objects.isEmpty() && objects.size() + group.size() > properties.exportPageSize()) {
        break;
      }
      objects.addAll(group);
      next++;
    }
    return new ExportPage(XzufiWriter.write(objects), next >= all.size(), next);
  }

  private List<XzufiObject> objectsOf(Tenant tenant) {
    String ars = tenant.authorityArs();
    String unitId = "mandant-" + ars;
    TenantProfile profile = tenant.profile();
    List<XzufiObject> objects = new ArrayList<>();
    objects.add(
        new XzufiObject.Organisationseinheit(
            unitId,
            tenant.displayName(),
            profile.street(),
            profile.postcode(),
            profile.city(),
            profile.phone(),
            profile.email(),
            profile.website()));
    List<String> unitLeistungen = new ArrayList<>();
    for (Activation activation : appStore.activations(ars)) {
      if (!activation.active()) {
        continue;
      }
      Optional<PublishedApp> app = appStore.latest(activation.appId());
      if (app.isEmpty() || app.get().definition().leikaKeys().isEmpty()) {
        continue;
      }
      String appId = activation.appId();
      String serviceId = "antrag-" + appId + "-" + ars;
      objects.add(
          new XzufiObject.Onlinedienst(
              serviceId,
              app.get().definition().name().de(),
              UriComponentsBuilder.fromUri(platform.publicUrl())
                  .path("/antrag/{appId}")
                  .queryParam("ars", ars)
                  .buildAndExpand(appId)
                  .encode()
                  .toUriString(),
              tenant.displayName()));
      for (String leikaKey : app.get().definition().leikaKeys()) {
        objects.add(
            new XzufiObject.Zustaendigkeit(
                serviceId + "-" + leikaKey, serviceId, leikaKey, List.of(ars), null));
        if (!unitLeistungen.contains(leikaKey)) {
          unitLeistungen.add(leikaKey);
          objects.add(
              new XzufiObject.Zustaendigkeit(
                  unitId + "-" + leikaKey,
                  unitId,
                  leikaKey,
                  List.of(ars),
                  XzufiNames.ROLLE_ZUSTAENDIGE_STELLE));
        }
      }
    }
    return objects;
  }
}
