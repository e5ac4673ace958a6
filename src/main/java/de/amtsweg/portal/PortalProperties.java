package de.amtsweg.portal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the portal ({@code amtsweg.portal.*}).
 *
 * @param operatorTenant slug of the tenant that runs the portal; its Impressum and Datenschutz
 *     texts and its accessibility statement are the portal's
 * @param accessibilityContact e-mail address for accessibility feedback when the operator tenant
 *     does not exist
 * @param conciliationBody the Land's body people turn to when a report of a barrier goes unanswered
 *     (Thüringen: the Landesdurchsetzungsstelle at the Landesbeauftragter für Menschen mit
 *     Behinderungen, ThürBarrWebG)
 * @param conciliationUrl its web page
 */
@ConfigurationProperties("amtsweg.portal")
public record PortalProperties(
    @DefaultValue("thueringen") String operatorTenant,
    @DefaultValue("barrierefreiheit@thueringen.example") String accessibilityContact,
    @DefaultValue(
            "Landesdurchsetzungsstelle für digitale Barrierefreiheit beim Thüringer"
                + " Landesbeauftragten für Menschen mit Behinderungen")
        String conciliationBody,
    @DefaultValue(
            "https://www.tlmb-thueringen.de/themen/barrierefreiheit/landesdurchsetzungsstelle")
        String conciliationUrl) {}
