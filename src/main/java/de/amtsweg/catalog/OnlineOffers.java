package de.amtsweg.catalog;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Where a Leistung can be applied for online in Amtsweg: the Antrags-Apps that a tenant has
 * switched on for it, and what those apps are called. The catalog asks; the module that knows the
 * apps ({@code appstore}) implements this, so that the catalog depends on no module of the
 * application process. Read it through {@link OnlineServices}, which adds the online services of
 * other providers.
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
   * For each of these tenants that offers any Antrags-App, the Leistungen (LeiKa keys) it offers
   * one for: one query for a whole page of search results.
   *
   * @param tenantArs authorities (ARS); those that are no tenant or offer nothing are left out
   */
  Map<String, Set<String>> offeredLeistungen(Collection<String> tenantArs);

  /** What every published Antrags-App that names Leistungen is called and described as. */
  List<AppTerms> searchTerms();

  /**
   * An Antrags-App one can start online.
   *
   * @param appId the app's id; its start page is {@code /antrag/{appId}}
   * @param name the app's name in the asked language
   */
  record OnlineOffer(String appId, String name) {}

  /**
   * The words of one published Antrags-App, in every language it has: they become search terms of
   * its Leistungen.
   *
   * @param keywords words people search with, each entry one word or phrase
   */
  record AppTerms(
      String appId,
      List<String> leikaKeys,
      List<String> names,
      List<String> keywords,
      List<String> descriptions) {}
}
