package de.amtsweg.catalog;

import de.amtsweg.tenancy.Authority;
import org.jspecify.annotations.Nullable;

/**
 * Who is responsible for a Leistung at a place.
 *
 * @param ebene the level that carries out the Leistung
 * @param reason why: the rule, the LeiKa type, or the operator's override
 * @param authority the responsible authority; null for federal Leistungen, or when the place is too
 *     coarse (a Landkreis asked for a Gemeinde's Leistung)
 * @param overridden whether an operator's override decided
 */
public record Zustaendigkeit(
    Verwaltungsebene ebene, String reason, @Nullable Authority authority, boolean overridden) {}
