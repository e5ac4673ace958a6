package de.amtsweg.tenancy;

import org.jspecify.annotations.Nullable;

/**
 * What an operator edits about a tenant.
 *
 * @param displayName name shown to citizens, e.g. {@code Stadt Erfurt}
 * @param primaryColour {@code #rrggbb}, dark enough for white text (contrast at least 4.5:1)
 * @param openingHours free text, one line per day or range
 * @param impressum legal notice, plain text; blank lines separate paragraphs
 * @param datenschutz privacy notice, plain text; blank lines separate paragraphs
 * @param accessibilityContact e-mail address for reports of barriers (the feedback mechanism of the
 *     Barrierefreiheitserklärung)
 */
public record TenantProfile(
    String displayName,
    String primaryColour,
    @Nullable String street,
    @Nullable String postcode,
    @Nullable String city,
    @Nullable String phone,
    @Nullable String email,
    @Nullable String website,
    @Nullable String openingHours,
    @Nullable String impressum,
    @Nullable String datenschutz,
    @Nullable String accessibilityContact) {}
