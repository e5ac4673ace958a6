package de.amtsweg.federation.forwarding;

import de.amtsweg.catalog.OnlinedienstLinks;
import de.amtsweg.catalog.OnlinedienstLinks.Change;
import de.amtsweg.catalog.OnlinedienstLinks.Target;
import de.amtsweg.platform.Mailer;
import de.amtsweg.platform.OutboundHttp;
import de.amtsweg.platform.OutboundHttp.Request;
import de.amtsweg.platform.OutboundReason;
import de.amtsweg.platform.OutboundTargets;
import de.amtsweg.platform.OutgoingMail;
import de.amtsweg.platform.PlatformProperties;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Checks that the addresses of the Onlinedienste still answer: {@code HEAD}, and {@code GET} when a
 * server does not answer {@code HEAD} well; a status below 400 (a redirect too) is a live link.
 * Only through {@link OutboundTargets}, so an imported address cannot make the server call into its
 * own network. Two failures in a row make an address dead ({@link OnlinedienstLinks}); the operator
 * learns of newly dead ones by mail when an address is configured, and on the operator page always.
 */
@Component
class LinkChecker {

  private static final Logger log = LoggerFactory.getLogger(LinkChecker.class);
  private static final Locale OPERATOR_LOCALE = Locale.GERMAN;
  static final String PAGE = "/admin/verbund/weiterleitung";

  private final OnlinedienstLinks links;
  private final OutboundHttp http;
  private final Mailer mailer;
  private final MessageSource messages;
  private final ForwardingProperties properties;
  private final String publicUrl;
  private final Clock clock;

  @Autowired
  LinkChecker(
      OnlinedienstLinks links,
      OutboundTargets targets,
      Mailer mailer,
      MessageSource messages,
      ForwardingProperties properties,
      PlatformProperties platform) {
    this(
        links,
        targets.client(
            "Amtsweg-Linkpruefung/1",
            properties.linkConnectTimeout(),
            properties.linkTimeout(),
            1024),
        mailer,
        messages,
        properties,
        platform.publicUrl().toString().replaceAll("/+$", ""),
        Clock.systemUTC());
  }

  LinkChecker(
      OnlinedienstLinks links,
      OutboundHttp http,
      Mailer mailer,
      MessageSource messages,
      ForwardingProperties properties,
      String publicUrl,
      Clock clock) {
    this.links = links;
    this.http = http;
    this.mailer = mailer;
    this.messages = messages;
    this.properties = properties;
    this.publicUrl = publicUrl;
    this.clock = clock;
  }

  /**
   * Checks every Onlinedienst once, a few at a time, records the outcomes and reports those that
   * died in this run.
   *
   * @return what each check changed
   */
  List<Change> run() {
    List<Target> targets = links.targets();
    List<Change> changes = new ArrayList<>();
    Semaphore inFlight = new Semaphore(Math.max(1, properties.linkConcurrency()));
    try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
      List<Future<@Nullable Change>> running = new ArrayList<>();
      for (Target target : targets) {
        running.add(
            executor.submit(
                () -> {
                  inFlight.acquire();
                  try {
                    return links.record(target, problem(target), Instant.now(clock)).orElse(null);
                  } finally {
                    inFlight.release();
                  }
                }));
      }
      for (Future<@Nullable Change> future : running) {
        try {
          Change change = future.get();
          if (change != null) {
            changes.add(change);
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          break;
        } catch (java.util.concurrent.ExecutionException e) {
          Throwable cause = e.getCause() != null ? e.getCause() : e;
          log.warn("A link check failed to record: {}", cause.getClass().getSimpleName());
        }
      }
    }
    List<Change> died = changes.stream().filter(Change::died).toList();
    if (!died.isEmpty()) {
      log.info("Link check: {} Onlinedienst address(es) died", died.size());
      report(died);
    }
    return changes;
  }

  /** Why the address does not work, as a short code; null when it works. */
  @Nullable String problem(Target target) {
    URI uri;
    try {
      uri = URI.create(target.address());
    } catch (IllegalArgumentException e) {
      return OutboundReason.SYNTAX.code();
    }
    try {
      int status = http.send(Request.get(uri).method("HEAD")).status();
      if (status < 400) {
        return null;
      }
      // Some servers answer HEAD with 403, 404 or 405 and GET with the page.
      int get = http.send(Request.get(uri)).status();
      return get < 400 ? null : "http-" + get;
    } catch (OutboundHttp.Failure failure) {
      return failure.reason().code();
    } catch (RuntimeException e) {
      return OutboundReason.of(e).map(OutboundReason::code).orElse("error");
    }
  }

  private void report(List<Change> died) {
    String to = properties.operatorEmail();
    if (to == null || to.isBlank()) {
      return;
    }
    java.util.Set<String> ids =
        died.stream().map(Change::id).collect(java.util.stream.Collectors.toSet());
    String names =
        String.join(
            "\n",
            links.states().stream()
                .filter(state -> ids.contains(state.id()))
                .map(
                    state ->
                        "- %s: %s (%s) – %s"
                            .formatted(
                                state.provider(), state.name(), state.url(), state.problem()))
                .toList());
    mailer.send(
        new OutgoingMail(
            to,
            messages.getMessage(
                "federation.links.mail.subject", new Object[] {died.size()}, OPERATOR_LOCALE),
            messages.getMessage(
                "federation.links.mail.text",
                new Object[] {died.size(), names, publicUrl + PAGE},
                OPERATOR_LOCALE)));
  }
}
