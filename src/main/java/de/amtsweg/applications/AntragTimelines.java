package de.amtsweg.applications;

import de.amtsweg.platform.Money;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The applicant's timeline of an Antrag as every page and the API show it: the entries in words,
 * the technical ones (payment attempts and their failures, delivery attempts) marked so that pages
 * can fold them away, and the next expected step ("Als Nächstes: …") with the usual processing time
 * from the catalog's text of the Leistung.
 */
@Component
public class AntragTimelines {

  /** Entries about attempts rather than progress: pages show them under "Details". */
  private static final Set<String> TECHNICAL =
      Set.of(
          "PAYMENT_CREATED",
          "PAYMENT_PENDING",
          "PAYMENT_FAILED",
          "PAYMENT_CANCELLED",
          "PAYMENT_EXPIRED",
          "PAYMENT_VOIDED",
          "PAYMENT_PAID_AFTER_CANCEL");

  private final AntragManagement antraege;
  private final AntragPayments payments;
  private final AppDescriptions descriptions;
  private final MessageSource messages;

  AntragTimelines(
      AntragManagement antraege,
      AntragPayments payments,
      AppDescriptions descriptions,
      MessageSource messages) {
    this.antraege = antraege;
    this.payments = payments;
    this.descriptions = descriptions;
    this.messages = messages;
  }

  /**
   * One entry.
   *
   * @param type the stored type ({@code SUBMITTED}, {@code PAYMENT_FAILED}, …)
   * @param technical an attempt, not progress: shown under "Details"
   * @param postfachMessage the Postfach message of a question or Bescheid of the case inbox, which
   *     pages for the account link to
   */
  public record Entry(
      OffsetDateTime at,
      String type,
      String text,
      boolean technical,
      @Nullable UUID postfachMessage) {}

  /**
   * The timeline of an Antrag.
   *
   * @param entries every entry, oldest first
   * @param next the next expected step, in words
   */
  public record Timeline(List<Entry> entries, String next) {

    /** The entries that tell the progress. */
    public List<Entry> progress() {
      return entries.stream().filter(e -> !e.technical()).toList();
    }

    /** The attempts, for "Details". */
    public List<Entry> details() {
      return entries.stream().filter(Entry::technical).toList();
    }
  }

  /** The timeline of the Antrag in the reader's language. */
  public Timeline of(Antrag antrag, Locale locale) {
    List<Entry> entries = new ArrayList<>();
    for (AntragManagement.Event event : antraege.timeline(antrag.id())) {
      String text =
          Objects.requireNonNull(
              messages.getMessage(
                  "applications.event." + event.type(),
                  new Object[] {event.note()},
                  event.type(),
                  locale),
              "a message with a default");
      entries.add(
          new Entry(
              event.at(),
              event.type(),
              text,
              TECHNICAL.contains(event.type()) || event.type().startsWith("DELIVERY_"),
              postfachMessage(event)));
    }
    return new Timeline(List.copyOf(entries), next(antrag, locale));
  }

  /** A question or Bescheid of the case inbox notes the Postfach message it sent. */
  private static @Nullable UUID postfachMessage(AntragManagement.Event event) {
    if (event.note() == null
        || !("RUECKFRAGE".equals(event.type()) || "BESCHIEDEN".equals(event.type()))) {
      return null;
    }
    try {
      return UUID.fromString(event.note());
    } catch (IllegalArgumentException notAMessage) {
      return null;
    }
  }

  /** What happens next, by the status, and whether a fee is still to be paid. */
  public String next(Antrag antrag, Locale locale) {
    String authority = antrag.authorityName();
    AntragPayments.Due due = payments.due(antrag).orElse(null);
    String amount = due == null ? "" : Money.euros(due.amountCents());
    String duration = descriptions.processingTime(antrag.leikaKey(), locale).orElse(null);
    String key =
        switch (antrag.status()) {
          case WARTET_AUF_ZAHLUNG -> "applications.next.pay-first";
          case EINGEGANGEN ->
              due != null && !due.paid() && due.payable()
                  ? "applications.next.pay"
                  : "applications.next.check";
          case IN_BEARBEITUNG -> "applications.next.decide";
          case RUECKFRAGE -> "applications.next.answer";
          case BESCHIEDEN -> "applications.next.bescheid";
          case ABGESCHLOSSEN -> "applications.next.none";
        };
    String next = messages.getMessage(key, new Object[] {authority, amount}, locale);
    boolean waitingForAuthority =
        antrag.status() == AntragStatus.EINGEGANGEN
            || antrag.status() == AntragStatus.IN_BEARBEITUNG;
    if (waitingForAuthority && duration != null) {
      next +=
          " " + messages.getMessage("applications.next.duration", new Object[] {duration}, locale);
    }
    return next;
  }
}
