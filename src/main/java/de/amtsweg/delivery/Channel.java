package de.amtsweg.delivery;

import org.jspecify.annotations.Nullable;

/**
 * SPI: one way a document leaves Amtsweg. Implemented as Spring beans; the delivery engine picks
 * the channel of a route by {@link #id()}. Channels of this module: pull API, webhook, e-mail
 * notice, file drop; {@code casework} registers the case inbox. New channels (FIT-Connect, peer
 * portals) plug in here without touching the owners of the documents.
 */
public interface Channel {

  /** How the engine drives a channel. */
  enum Mode {
    /** The receiver fetches (pull API): the delivery waits, nothing is pushed. */
    PULL,
    /** The engine pushes with the worker: retries with backoff, a lease per attempt. */
    PUSH,
    /** The channel takes the document in the transaction that hands it over (case inbox). */
    INBOX
  }

  /** The outcome of one push: delivered, or a technical error (never personal data). */
  record Outcome(boolean delivered, @Nullable String error) {

    public static Outcome success() {
      return new Outcome(true, null);
    }

    public static Outcome failure(String error) {
      return new Outcome(false, error);
    }
  }

  /**
   * A delivery with its document, handed to a channel.
   *
   * @param fellBack true when the document comes to the case inbox because its push route gave up
   */
  record Parcel(Delivery delivery, Document document, boolean fellBack) {}

  DeliveryChannel id();

  Mode mode();

  /** Whether the channel can carry documents of this type. */
  boolean accepts(DocumentType type);

  /** {@link Mode#INBOX}: takes the document, in the transaction that hands it over. */
  default void receive(Parcel parcel) {
    throw new UnsupportedOperationException(id() + " does not receive in the transaction");
  }

  /**
   * {@link Mode#PUSH}: sends the document to the route's receiver, outside any transaction. May
   * happen more than once for one delivery (a node died before it recorded the outcome); receivers
   * tell repeats by the delivery's idempotency key. Files of the document are read with {@link
   * Documents#file}.
   */
  default Outcome push(Parcel parcel, DeliveryRoutes.Route route) {
    throw new UnsupportedOperationException(id() + " does not push");
  }
}
