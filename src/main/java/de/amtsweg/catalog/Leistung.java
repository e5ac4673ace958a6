package de.amtsweg.catalog;

import org.jspecify.annotations.Nullable;

/**
 * An administrative service of the Leistungskatalog (LeiKa).
 *
 * @param leikaKey 14-digit LeiKa-Leistungsschlüssel
 * @param typisierung LeiKa type: who regulates and who carries out (1 Bund … 5 kommunal)
 * @param legalBasis the Rechtsgrundlage as text
 * @param legalBasisUrl link to the law, where the catalog has one
 * @param ozgId the OZG-Leistung this Leistung belongs to
 * @param ebene the administrative level that carries it out
 */
public record Leistung(
    String leikaKey,
    String name,
    @Nullable String typisierung,
    @Nullable String legalBasis,
    @Nullable String legalBasisUrl,
    @Nullable String law,
    @Nullable String lawShort,
    @Nullable String ozgId,
    @Nullable String ozgName,
    @Nullable Integer lebenslageId,
    @Nullable String lebenslage,
    @Nullable Integer themenfeldId,
    @Nullable String themenfeld,
    Verwaltungsebene ebene) {}
