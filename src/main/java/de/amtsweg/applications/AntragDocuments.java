package de.amtsweg.applications;

import de.amtsweg.delivery.DeliveryException;
import de.amtsweg.delivery.Document;
import de.amtsweg.delivery.DocumentSource;
import de.amtsweg.delivery.DocumentType;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Gives submitted Anträge to delivery: the answers as JSON and XML, the files, the receipt, the fee
 * and its payment, and the applicant's timeline. The Antrag stays here, the only copy.
 */
@Component
class AntragDocuments implements DocumentSource {

  private final AntragManagement antraege;
  private final Attachments attachments;
  private final AntragPayments payments;

  AntragDocuments(AntragManagement antraege, Attachments attachments, AntragPayments payments) {
    this.antraege = antraege;
    this.attachments = attachments;
    this.payments = payments;
  }

  @Override
  public DocumentType type() {
    return DocumentType.ANTRAG;
  }

  @Override
  public Document document(UUID antragId) {
    Antrag a;
    try {
      a = antraege.get(antragId);
    } catch (AntragManagement.AntragNotFoundException e) {
      throw new DeliveryException.NotFound();
    }
    List<Document.File> files =
        attachments.listOfAntrag(antragId).stream()
            .map(f -> new Document.File(f.id(), f.name(), f.contentType(), f.size()))
            .toList();
    Document.Payment payment =
        payments
            .due(a)
            .map(
                due ->
                    new Document.Payment(
                        due.status().name(), due.amountCents(), "EUR", due.kassenzeichen()))
            .orElse(null);
    List<Document.Entry> history =
        antraege.timeline(antragId).stream()
            .map(e -> new Document.Entry(e.at(), e.type(), e.note()))
            .toList();
    return new Document(
        DocumentType.ANTRAG,
        a.id(),
        a.reference(),
        a.tenantArs(),
        a.authorityName(),
        a.appId(),
        a.appVersion(),
        a.leikaKey(),
        a.status().name(),
        a.submittedAt(),
        a.applicantName(),
        a.contactEmail(),
        a.accountId(),
        a.answers(),
        a.answersXml(),
        a.computed(),
        a.fee(),
        files,
        true,
        a.paymentPolicy(),
        payment,
        history,
        Map.of(),
        null);
  }

  @Override
  public Optional<Document.FileContent> file(UUID antragId, UUID fileId) {
    return attachments
        .ofAntrag(antragId, fileId)
        .map(c -> new Document.FileContent(c.name(), c.contentType(), c.bytes()));
  }

  @Override
  public Optional<byte[]> receipt(UUID antragId) {
    try {
      return Optional.of(antraege.receipt(antragId));
    } catch (AntragManagement.AntragNotFoundException e) {
      return Optional.empty();
    }
  }
}
