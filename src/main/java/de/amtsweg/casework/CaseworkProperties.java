package de.amtsweg.casework;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the case inbox ({@code amtsweg.casework.*}).
 *
 * @param retention closed cases are deleted this long after they were closed, unless a tenant admin
 *     set another period for the app
 * @param retentionCron when the retention job runs (Spring cron, server time)
 * @param pageSize cases and audit entries per page
 */
@ConfigurationProperties("amtsweg.casework")
public record CaseworkProperties(
    @DefaultValue("365d") Duration retention,
    @DefaultValue("0 40 3 * * *") String retentionCron,
    @DefaultValue("25") int pageSize) {

  /** The default retention in whole days (at least one). */
  public int retentionDays() {
    return (int) Math.max(1, retention.toDays());
  }
}
