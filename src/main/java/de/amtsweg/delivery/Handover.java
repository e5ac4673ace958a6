package de.amtsweg.delivery;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * What the owner of a document tells delivery when it hands the document on: which document, for
 * which tenant, under which subject. The content stays with the owner, who gives it out through its
 * {@link DocumentSource} whenever a channel needs it, so personal data is stored (and erased) in
 * one place only. Carries no personal data.
 *
 * @param documentId the owner's id of the document (the Antrag's, the invoice's)
 * @param reference what people quote: the Antrag's reference number, the invoice number
 * @param tenantArs the receiving authority
 * @param subject what routes are set for: the app id of an Antrag, {@code ""} for an e-invoice
 * @param submittedAt when the document was submitted to Amtsweg
 */
public record Handover(
    DocumentType type,
    UUID documentId,
    String reference,
    String tenantArs,
    String subject,
    OffsetDateTime submittedAt) {}
