package de.amtsweg.portal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the portal ({@code amtsweg.portal.*}).
 *
 * @param operatorTenant slug of the tenant that runs the portal; its Impressum and Datenschutz
 *     texts are the portal's
 * @param accessibilityContact e-mail address for accessibility feedback
 */
@ConfigurationProperties("amtsweg.portal")
public record PortalProperties(
    @DefaultValue("thueringen") String operatorTenant,
    @DefaultValue("barrierefreiheit@thueringen.example") String accessibilityContact) {}
