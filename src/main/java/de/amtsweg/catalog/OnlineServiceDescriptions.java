package de.amtsweg.catalog;

import java.util.Locale;
import java.util.Optional;

/**
 * What an Antrags-App that a tenant offers for a Leistung tells a person before they start: who can
 * apply, what they need, what it costs there and how it is paid. The service page shows it in place
 * of the catalog's texts of the same kind. The catalog asks; the module that knows the apps, their
 * parameters and payment terms implements it, so that the catalog depends on no module of the
 * application process.
 */
public interface OnlineServiceDescriptions {

  /**
   * The description from the tenant's app for the Leistung, if the tenant offers one.
   *
   * @param tenantArs the responsible tenant's authority (ARS)
   * @param leikaKey the Leistung
   * @param locale the reader's language
   */
  Optional<ServiceDescription> describe(String tenantArs, String leikaKey, Locale locale);
}
