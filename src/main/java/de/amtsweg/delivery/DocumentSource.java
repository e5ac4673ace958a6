package de.amtsweg.delivery;

import java.util.Optional;
import java.util.UUID;

/**
 * SPI: the module that owns a document type gives its documents to delivery. Implemented by {@code
 * applications} (Anträge) and {@code einvoice} (e-invoices) as Spring beans; delivery reads through
 * it whenever a channel needs a document, so the owner keeps the only copy.
 */
public interface DocumentSource {

  /** The one type this source gives out. */
  DocumentType type();

  /**
   * The document as it is now.
   *
   * @throws DeliveryException.NotFound when the owner has no such document (any more)
   */
  Document document(UUID documentId);

  /** An attachment of the document with its bytes. */
  Optional<Document.FileContent> file(UUID documentId, UUID fileId);

  /** The receipt PDF of the document, if it has one. */
  Optional<byte[]> receipt(UUID documentId);
}
