package de.amtsweg.account;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A message in a Servicekonto's Postfach.
 *
 * @param id public id
 * @param direction from an authority ({@code INBOUND}) or the person's reply ({@code OUTBOUND})
 * @param kind what it is
 * @param authorityArs the authority that sent it or that the reply goes to
 * @param senderName the authority's name as the person saw it
 * @param reference the authority's file or application reference, if any
 * @param subject the subject line
 * @param body plain text
 * @param inReplyTo the message this one answers
 * @param createdAt when it arrived or was sent
 * @param readAt when the person first opened it; null while unread (replies are read)
 * @param attachments its files, without their content
 */
public record PostfachMessage(
    UUID id,
    Direction direction,
    Kind kind,
    String authorityArs,
    String senderName,
    @Nullable String reference,
    String subject,
    String body,
    @Nullable UUID inReplyTo,
    OffsetDateTime createdAt,
    @Nullable OffsetDateTime readAt,
    List<Attachment> attachments) {

  public enum Direction {
    INBOUND,
    OUTBOUND
  }

  public enum Kind {
    INFO,
    STATUS,
    /** The authority asks something; the person can reply. */
    QUESTION,
    /** A formal decision, usually with the PDF attached. */
    BESCHEID,
    REPLY
  }

  public boolean unread() {
    return readAt == null;
  }

  /** A file of a message. */
  public record Attachment(UUID id, String fileName, String contentType, int size) {}

  /** A file with its content, for download and export. */
  public record File(String fileName, String contentType, byte[] content) {}
}
