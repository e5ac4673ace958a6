package de.amtsweg.applications;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of Anträge and drafts ({@code amtsweg.applications.*}).
 *
 * @param draftRetention unsubmitted drafts are deleted after this time without a change
 * @param reminderBefore how long before the deletion the owner is reminded by e-mail
 * @param resumeLinkValidity how long the link that lets an anonymous applicant resume is valid
 * @param maxUploadBytes the largest file anybody can upload, whatever an app allows
 * @param virusScan the ClamAV-compatible scanner every upload passes, when enabled
 */
@ConfigurationProperties("amtsweg.applications")
public record ApplicationsProperties(
    @DefaultValue("30d") Duration draftRetention,
    @DefaultValue("7d") Duration reminderBefore,
    @DefaultValue("7d") Duration resumeLinkValidity,
    @DefaultValue("20971520") long maxUploadBytes,
    @DefaultValue VirusScan virusScan) {
  /**
   * @param enabled off by default: no scanner is reachable on a fresh machine
   * @param host clamd's host
   * @param port clamd's TCP port
   * @param timeout how long a scan may take before the upload is refused
   */
  public record VirusScan(
      @DefaultValue("false") boolean enabled,
      @DefaultValue("localhost") String host,
      @DefaultValue("3310") int port,
      @DefaultValue("10s") Duration timeout) {}
}
