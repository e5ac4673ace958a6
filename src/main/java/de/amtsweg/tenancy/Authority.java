package de.amtsweg.tenancy;

import org.jspecify.annotations.Nullable;

/**
 * A public authority of the Land.
 *
 * @param ars 12-digit Amtlicher Regionalschlüssel
 * @param ags 8-digit Amtlicher Gemeindeschlüssel; Land and Kreise padded with zeros; none for
 *     Gemeindeverbände
 * @param name the place name, e.g. {@code Erfurt}
 * @param officialName name in the Gemeindeverzeichnis, e.g. {@code Erfurt, Stadt}
 * @param displayName how people call the authority, e.g. {@code Stadt Erfurt}
 * @param parentArs the next higher authority (Gemeinde → Verwaltungsgemeinschaft or Kreis → Land)
 * @param population inhabitants (31.12.2020) where known
 * @param seat seat of the administration (for Kreise and Gemeindeverbände)
 * @param seatPostcode postcode of the administration's seat
 */
public record Authority(
    String ars,
    @Nullable String ags,
    String name,
    String officialName,
    String displayName,
    AuthorityType type,
    @Nullable String parentArs,
    @Nullable Integer population,
    @Nullable String seat,
    @Nullable String seatPostcode) {}
