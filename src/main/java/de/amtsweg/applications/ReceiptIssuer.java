package de.amtsweg.applications;

import de.amtsweg.applications.receipt.ReceiptData;
import de.amtsweg.forms.AppDefinition;
import de.amtsweg.platform.Money;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issues an Antrag's receipt: the answers as XML ({@code urn:amtsweg:antrag:1}) and the PDF/A-3
 * with the answers as JSON and XML inside. An Antrag that waits for its fee gets its XML at once
 * but its PDF only when it is paid and submitted, with the payment on it.
 */
@Component
class ReceiptIssuer {

  /**
   * The documents of a receipt.
   *
   * @param pdf null while the Antrag waits for its fee
   */
  record Issued(String xml, byte @Nullable [] pdf) {}

  private final ReceiptRenderer renderer;
  private final JdbcClient jdbc;
  private final JsonMapper json;

  ReceiptIssuer(ReceiptRenderer renderer, JdbcClient jdbc, JsonMapper json) {
    this.renderer = renderer;
    this.jdbc = jdbc;
    this.json = json;
  }

  /**
   * The receipt of a new Antrag, stored by the caller with the Antrag.
   *
   * @param answersJson the answers as they are stored, embedded in the PDF
   * @param withPdf false while the Antrag waits for its fee
   */
  Issued issue(ReceiptRenderer.Input input, String answersJson, boolean withPdf) {
    String xml = renderer.xml(input);
    return new Issued(xml, withPdf ? renderer.pdf(input, answersJson, xml) : null);
  }

  /**
   * The receipt of an Antrag that waited for its fee, now paid: written again with the payment and
   * the time of submission, and stored on the Antrag.
   */
  void issuePaid(
      Antrag antrag,
      AppDefinition app,
      List<String> declarations,
      Locale locale,
      OffsetDateTime submittedAt,
      String kassenzeichen) {
    ReceiptRenderer.Input input =
        new ReceiptRenderer.Input(
            app,
            antrag.appVersion(),
            antrag.reference(),
            antrag.authorityName(),
            antrag.tenantArs(),
            submittedAt,
            antrag.applicantName(),
            antrag.answers(),
            antrag.computed(),
            antrag.fee(),
            declarations,
            AnswerFiles.list(antrag.answers()),
            locale,
            new ReceiptData.Paid(
                "PAID",
                kassenzeichen,
                Money.decimal(antrag.amountDueCents() == null ? 0 : antrag.amountDueCents())));
    Issued issued = issue(input, json.writeValueAsString(antrag.answers()), true);
    jdbc.sql("update antrag set answers_xml = ?, receipt_pdf = ? where id = ?")
        .params(issued.xml(), issued.pdf(), antrag.id())
        .update();
  }

  /**
   * The receipt PDF.
   *
   * @throws AntragManagement.AntragNotFoundException when there is no such Antrag, or it waits for
   *     its fee and has no receipt yet
   */
  byte[] receipt(UUID antragId) {
    byte[] pdf =
        jdbc.sql("select receipt_pdf from antrag where id = ?")
            .param(antragId)
            .query((rs, row) -> rs.getBytes(1))
            .optional()
            .orElse(null);
    if (pdf == null) {
      throw new AntragManagement.AntragNotFoundException();
    }
    return pdf;
  }
}
