package de.amtsweg.applications.receipt;

import de.amtsweg.forms.AnswerView;
import de.amtsweg.forms.AnswerView.Row;
import de.amtsweg.forms.AnswerView.Section;
import de.amtsweg.forms.AppDefinition;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;

/**
 * What the receipt shows, already in words: the answers as {@link AnswerView} puts them (the case
 * inbox shows the same), with the receipt's title, time, fee and payment, declarations and files.
 * The template only lays it out.
 */
public record ReceiptView(
    String title,
    String appName,
    String submittedDate,
    String submittedTime,
    List<Section> sections,
    List<Row> computed,
    String feeLabel,
    @Nullable String fee,
    List<String> declarations,
    List<String> attachments) {

  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.uuuu");
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

  /**
   * The answers of {@code data}, filled in on {@code app}, in words of {@code data.locale()}, with
   * the time of submission in {@code zone} (the installation's, {@code platform.Times}).
   */
  public static ReceiptView of(
      AppDefinition app, ReceiptData data, MessageSource messages, ZoneId zone) {
    Locale locale = data.locale();
    AnswerView answers = AnswerView.of(app, data.answers(), data.computed(), locale, messages);
    List<String> declarations =
        app.declarations().stream()
            .filter(d -> data.declarations().contains(d.id()))
            .map(d -> d.text().in(locale))
            .toList();
    List<String> attachments =
        data.attachments().stream()
            .map(a -> a.name() + " (" + AnswerView.size(a.size(), locale) + ")")
            .toList();
    var submitted = data.submittedAt().atZoneSameInstant(zone);
    return new ReceiptView(
        messages.getMessage("receipt.title", null, locale),
        data.appName().in(locale),
        submitted.format(DATE),
        submitted.format(TIME),
        answers.sections(),
        answers.computed(),
        answers.feeLabel(),
        data.fee() == null
            ? null
            : data.payment() == null
                ? AnswerView.money(data.fee(), locale)
                : messages.getMessage(
                    "receipt.fee.paid." + data.payment().status(),
                    new Object[] {
                      AnswerView.money(data.payment().amount(), locale),
                      data.payment().kassenzeichen()
                    },
                    AnswerView.money(data.fee(), locale)
                        + " ("
                        + data.payment().kassenzeichen()
                        + ")",
                    locale),
        declarations,
        attachments);
  }
}
