package de.amtsweg.platform.outbound;

import de.amtsweg.platform.OutboundHttp;
import de.amtsweg.platform.OutboundReason;
import de.amtsweg.platform.OutboundTargets;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Service;

/**
 * {@link OutboundTargets} with the operator's settings ({@code amtsweg.outbound.*}); in the {@code
 * demo} and {@code test} profiles loopback is allowed besides them, and plain http to allowed hosts
 * (the reference Fachverfahren, the test payment service and the tests' receivers run there).
 */
@Service
class OutboundService implements OutboundTargets, DisposableBean {

  private static final Logger log = LoggerFactory.getLogger(OutboundService.class);

  private final AddressPolicy policy;
  private final List<ApacheOutboundHttp> clients = new CopyOnWriteArrayList<>();
  private final ScheduledThreadPoolExecutor deadlines;

  OutboundService(OutboundProperties properties, Environment environment) {
    this.policy =
        new AddressPolicy(
            properties,
            environment.acceptsProfiles(Profiles.of("demo | test")),
            InetAddress::getAllByName);
    this.deadlines =
        new ScheduledThreadPoolExecutor(
            1, Thread.ofPlatform().daemon().name("outbound-deadlines").factory());
    this.deadlines.setRemoveOnCancelPolicy(true);
  }

  @Override
  public Optional<OutboundReason> problem(String url) {
    return policy.problem(url);
  }

  @Override
  public OutboundHttp client(
      String userAgent, Duration connectTimeout, Duration timeout, int maxAnswerBytes) {
    ApacheOutboundHttp client =
        new ApacheOutboundHttp(
            policy, userAgent, connectTimeout, timeout, maxAnswerBytes, deadlines);
    clients.add(client);
    return client;
  }

  @Override
  public void destroy() {
    for (ApacheOutboundHttp client : clients) {
      try {
        client.close();
      } catch (IOException e) {
        log.debug("Outbound client not closed cleanly: {}", e.getClass().getSimpleName());
      }
    }
    deadlines.shutdownNow();
  }
}
