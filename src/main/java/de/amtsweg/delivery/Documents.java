package de.amtsweg.delivery;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The documents behind deliveries, read from their owners' {@link DocumentSource}s. Every read
 * names the delivery, so a caller can only reach documents it already holds a delivery of.
 */
@Component
public class Documents {

  private final ObjectProvider<DocumentSource> provider;
  private volatile @Nullable Map<DocumentType, DocumentSource> sources;

  // The sources are looked up at first use: their owners hand documents over through Deliveries,
  // which needs this class, so they cannot all exist before it.
  Documents(ObjectProvider<DocumentSource> provider) {
    this.provider = provider;
  }

  /** The document of a delivery as it is now. */
  public Document of(Delivery delivery) {
    return source(delivery.type()).document(delivery.documentId());
  }

  /** An attachment of the delivery's document. */
  public Optional<Document.FileContent> file(Delivery delivery, UUID fileId) {
    return source(delivery.type()).file(delivery.documentId(), fileId);
  }

  /** The receipt of the delivery's document, if it has one. */
  public Optional<byte[]> receipt(Delivery delivery) {
    return source(delivery.type()).receipt(delivery.documentId());
  }

  private DocumentSource source(DocumentType type) {
    Map<DocumentType, DocumentSource> all = sources;
    if (all == null) {
      all = new EnumMap<>(DocumentType.class);
      for (DocumentSource source : provider.orderedStream().toList()) {
        if (all.put(source.type(), source) != null) {
          throw new IllegalStateException("two document sources for " + source.type());
        }
      }
      sources = all;
    }
    DocumentSource source = all.get(type);
    if (source == null) {
      throw new IllegalStateException("no document source for " + type);
    }
    return source;
  }
}
