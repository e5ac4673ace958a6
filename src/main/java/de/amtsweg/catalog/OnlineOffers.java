package de.amtsweg.catalog;

import java.util.List;
import java.util.Locale;

/**
 * Where a Leistung can be applied for online in Amtsweg: the Antrags-Apps that a tenant has
 * switched on for it. The catalog asks; the module that knows the apps ({@code appstore})
 * implements this, so that the catalog depends on no module of the application process.
 */
public interface OnlineOffers {

  /**
   * The Antrags-Apps the tenant offers for the Leistung, with their names in the given language.
   *
   * @param tenantArs the tenant's authority (ARS)
   * @param leikaKey the Leistung
   * @param locale the language of the names; German when an app has no translation
   */
  List<OnlineOffer> offeredFor(String tenantArs, String leikaKey, Locale locale);

  /**
   * An Antrags-App one can start online.
   *
   * @param appId the app's id; its start page is {@code /antrag/{appId}}
   * @param name the app's name in the asked language
   */
  record OnlineOffer(String appId, String name) {}
}
