package de.amtsweg.delivery;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.net.URI;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The wire format of a submitted Antrag: what the pull API returns for {@code GET
 * /api/v1/delivery/submissions/{id}} and the body of a webhook push (there with the files inline).
 */
public record SubmissionDocument(
    UUID id,
    String reference,
    String app,
    int appVersion,
    @Nullable String leikaKey,
    String authority,
    OffsetDateTime submittedAt,
    String status,
    String state,
    @Schema(
            description =
                "The same on every fetch and push: a receiver that sees it twice knows it is a repeat")
        UUID idempotencyKey,
    int attempts,
    Data data,
    List<AttachmentLink> attachments,
    URI receipt,
    @Schema(
            description =
                "The fee paid or due online (status, amount, currency, Kassenzeichen); null when nothing is")
        @Nullable PaymentState payment) {

  /** The data of a submission, as JSON and as XML ({@code urn:amtsweg:antrag:1}). */
  public record Data(
      Map<String, Object> json,
      @Nullable String xml,
      Map<String, Object> computed,
      @Nullable BigDecimal fee) {}

  /**
   * A file of the submission and where to download it.
   *
   * @param content the file as base64, only in webhook pushes
   */
  public record AttachmentLink(
      UUID id,
      String name,
      String contentType,
      long size,
      URI href,
      @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable String content) {}

  /**
   * The fee paid (or due) online, for the authority's records.
   *
   * @param amount euro with two decimals, e.g. {@code "5.00"}
   */
  public record PaymentState(
      String status, String amount, String currency, @Nullable String kassenzeichen) {}

  /**
   * @param base the address the links start with ({@code ""} for relative links)
   * @param content the bytes of a file to inline, or null to link only
   */
  public static SubmissionDocument of(
      Delivery delivery,
      Document document,
      String base,
      Function<UUID, byte @Nullable []> content) {
    String self = base + "/api/v1/delivery/submissions/" + delivery.id();
    List<AttachmentLink> files =
        document.files().stream()
            .map(
                f -> {
                  byte[] bytes = content.apply(f.id());
                  return new AttachmentLink(
                      f.id(),
                      f.name(),
                      f.contentType(),
                      f.size(),
                      URI.create(self + "/attachments/" + f.id()),
                      bytes == null ? null : Base64.getEncoder().encodeToString(bytes));
                })
            .toList();
    Document.Payment payment = document.payment();
    return new SubmissionDocument(
        delivery.id(),
        delivery.reference(),
        delivery.subject(),
        document.subjectVersion(),
        document.leikaKey(),
        document.authority(),
        delivery.submittedAt(),
        document.status(),
        delivery.state().name(),
        delivery.idempotencyKey(),
        delivery.attempts(),
        new Data(document.data(), document.xml(), document.computed(), document.fee()),
        files,
        URI.create(self + "/receipt"),
        payment == null
            ? null
            : new PaymentState(
                payment.status(),
                BigDecimal.valueOf(payment.amountCents(), 2).toPlainString(),
                payment.currency(),
                payment.kassenzeichen()));
  }
}
