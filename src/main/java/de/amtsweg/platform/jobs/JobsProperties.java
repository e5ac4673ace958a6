package de.amtsweg.platform.jobs;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the job scheduler ({@code amtsweg.jobs.*}).
 *
 * @param enabled whether this node runs jobs at all; a node without them still serves requests (the
 *     other nodes run the jobs)
 * @param pollingInterval how often a node looks for due jobs: a job runs at most this late
 * @param heartbeatInterval how often a node marks its running jobs as alive
 * @param missedHeartbeatsLimit missed heartbeats (at least 4) after which a run counts as dead, its
 *     node as gone, and another node runs the job again
 * @param threads jobs one node runs at the same time
 * @param shutdownMaxWait on shutdown, how long a node waits for its running jobs before it
 *     interrupts them, and that long again for them to end
 */
@ConfigurationProperties("amtsweg.jobs")
record JobsProperties(
    @DefaultValue("true") boolean enabled,
    @DefaultValue("1s") Duration pollingInterval,
    @DefaultValue("30s") Duration heartbeatInterval,
    @DefaultValue("4") int missedHeartbeatsLimit,
    @DefaultValue("4") int threads,
    @DefaultValue("10s") Duration shutdownMaxWait) {

  /** How long after its last heartbeat a run counts as dead. */
  Duration deadAfter() {
    return heartbeatInterval.multipliedBy(missedHeartbeatsLimit);
  }
}
