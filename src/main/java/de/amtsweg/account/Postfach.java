package de.amtsweg.account;

import de.amtsweg.account.PostfachMessage.Attachment;
import de.amtsweg.account.PostfachMessage.Direction;
import de.amtsweg.account.PostfachMessage.File;
import de.amtsweg.account.PostfachMessage.Kind;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.tika.Tika;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The Postfach of a Servicekonto: authorities deliver messages (with documents attached) into it,
 * the person reads, searches, downloads and replies with documents of their own. Documents are PDF,
 * JPEG or PNG, told apart by their bytes, never by name or declared type. Every lookup is scoped to
 * the account: another account's message is "not found", never "forbidden".
 */
@Service
public class Postfach {

  /** Largest attachment accepted: a phone photo or a scanned document fits (10 MB). */
  public static final int MAX_ATTACHMENT_BYTES = 10_000_000;

  /** Most files a reply carries. */
  public static final int MAX_REPLY_ATTACHMENTS = 5;

  /** The types of documents a Postfach carries, as detected from the bytes. */
  public static final Set<String> DOCUMENT_TYPES =
      Set.of("application/pdf", "image/jpeg", "image/png");

  public static final int MAX_TEXT = 10_000;
  private static final Tika TIKA = new Tika();
  private static final Logger log = LoggerFactory.getLogger(Postfach.class);
  private static final String COLUMNS =
      "id, direction, kind, authority_ars, sender_name, reference, subject, body, in_reply_to,"
          + " created_at, read_at";

  /**
   * A message an authority sends.
   *
   * @param kind what it is ({@code REPLY} is for the person's replies only)
   * @param authorityArs the sending authority
   * @param senderName its name as shown to the person
   * @param reference its file or application reference, if any
   */
  public record NewMessage(
      Kind kind,
      String authorityArs,
      String senderName,
      @Nullable String reference,
      String subject,
      String body,
      List<File> attachments) {}

  /** One page of the Postfach, newest first. */
  public record Page(List<PostfachMessage> messages, int page, int size, long total, long unread) {

    public int pages() {
      return (int) Math.max(1, (total + size - 1) / size);
    }
  }

  private final JdbcClient jdbc;
  private final AccountManagement accounts;
  private final AccountMails mails;
  private final ApplicationEventPublisher events;

  Postfach(
      JdbcClient jdbc,
      AccountManagement accounts,
      AccountMails mails,
      ApplicationEventPublisher events) {
    this.jdbc = jdbc;
    this.accounts = accounts;
    this.mails = mails;
    this.events = events;
  }

  /**
   * Delivers a message into the account's Postfach and tells its owner by e-mail that there is a
   * message, never what it says.
   *
   * @throws PostfachException {@link PostfachException#INVALID_ATTACHMENT}
   */
  @Transactional
  public UUID deliver(UUID accountId, NewMessage message) {
    Account account = accounts.get(accountId);
    List<File> files = message.attachments().stream().map(Postfach::checked).toList();
    UUID id =
        insert(
            accountId,
            Direction.INBOUND,
            message.kind(),
            message.authorityArs(),
            message.senderName(),
            message.reference(),
            message.subject(),
            message.body(),
            null,
            files);
    mails.newPostfachMessage(account.email());
    log.info("Delivered Postfach message {} to account {}", id, accountId);
    return id;
  }

  /**
   * Sends the person's reply to an authority's message, with at most {@link #MAX_REPLY_ATTACHMENTS}
   * documents.
   *
   * @throws PostfachException {@link PostfachException#NOT_FOUND} or one of the attachment refusals
   *     ({@link PostfachException#isAboutAttachments()})
   */
  @Transactional
  public UUID reply(UUID accountId, UUID messageId, String text, List<File> attachments) {
    PostfachMessage original = get(accountId, messageId);
    if (original.direction() != Direction.INBOUND) {
      throw notFound();
    }
    if (attachments.size() > MAX_REPLY_ATTACHMENTS) {
      throw new PostfachException(
          HttpStatus.BAD_REQUEST, PostfachException.TOO_MANY_ATTACHMENTS, MAX_REPLY_ATTACHMENTS);
    }
    List<File> files = attachments.stream().map(Postfach::checked).toList();
    String subject =
        original.subject().startsWith("AW: ") ? original.subject() : "AW: " + original.subject();
    UUID id =
        insert(
            accountId,
            Direction.OUTBOUND,
            Kind.REPLY,
            original.authorityArs(),
            original.senderName(),
            original.reference(),
            subject,
            text,
            original.id(),
            files);
    jdbc.sql("update postfach_message set read_at = now() where id = ?").param(id).update();
    events.publishEvent(new PostfachReplySent(id, original.id(), original.authorityArs()));
    log.info("Account {} replied to Postfach message {}", accountId, messageId);
    return id;
  }

  /** Messages from authorities, newest first, optionally only those matching {@code query}. */
  public Page list(UUID accountId, @Nullable String query, int page, int size) {
    String q = query == null || query.isBlank() ? null : query.strip();
    String where =
        """
        where account_id = :account and direction = 'INBOUND'
          and (cast(:q as text) is null or search @@ websearch_to_tsquery('german', :q)
               or subject ilike :like or sender_name ilike :like or reference ilike :like)
        """;
    String like =
        q == null
            ? "%"
            : "%" + q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    long total =
        jdbc.sql("select count(*) from postfach_message " + where)
            .param("account", accountId)
            .param("q", q)
            .param("like", like)
            .query(Long.class)
            .single();
    List<PostfachMessage> messages =
        withAttachments(
            jdbc.sql(
                    "select "
                        + COLUMNS
                        + " from postfach_message "
                        + where
                        + " order by created_at desc, id limit :size offset :offset")
                .param("account", accountId)
                .param("q", q)
                .param("like", like)
                .param("size", size)
                .param("offset", (long) Math.max(0, page) * size)
                .query(Postfach::map)
                .list());
    return new Page(messages, page, size, total, unreadCount(accountId));
  }

  public long unreadCount(UUID accountId) {
    return jdbc.sql(
            "select count(*) from postfach_message where account_id = ? and direction = 'INBOUND' and read_at is null")
        .param(accountId)
        .query(Long.class)
        .single();
  }

  /**
   * @throws PostfachException {@link PostfachException#NOT_FOUND}
   */
  public PostfachMessage get(UUID accountId, UUID messageId) {
    return withAttachments(
            jdbc.sql("select " + COLUMNS + " from postfach_message where id = ? and account_id = ?")
                .params(messageId, accountId)
                .query(Postfach::map)
                .list())
        .stream()
        .findFirst()
        .orElseThrow(Postfach::notFound);
  }

  /** The message, marked as read. */
  @Transactional
  public PostfachMessage open(UUID accountId, UUID messageId) {
    jdbc.sql(
            "update postfach_message set read_at = now() where id = ? and account_id = ? and read_at is null")
        .params(messageId, accountId)
        .update();
    return get(accountId, messageId);
  }

  @Transactional
  public void markUnread(UUID accountId, UUID messageId) {
    if (jdbc.sql(
                "update postfach_message set read_at = null where id = ? and account_id = ? and direction = 'INBOUND'")
            .params(messageId, accountId)
            .update()
        == 0) {
      throw notFound();
    }
  }

  /** The replies to a message, oldest first. */
  public List<PostfachMessage> replies(UUID accountId, UUID messageId) {
    return withAttachments(
        jdbc.sql(
                "select "
                    + COLUMNS
                    + " from postfach_message where in_reply_to = ? and account_id = ? order by created_at")
            .params(messageId, accountId)
            .query(Postfach::map)
            .list());
  }

  /** Every message of the account, replies included, oldest first (for the export). */
  public List<PostfachMessage> all(UUID accountId) {
    return withAttachments(
        jdbc.sql(
                "select "
                    + COLUMNS
                    + " from postfach_message where account_id = ? order by created_at, id")
            .param(accountId)
            .query(Postfach::map)
            .list());
  }

  /**
   * @throws PostfachException {@link PostfachException#NOT_FOUND}
   */
  public File attachment(UUID accountId, UUID messageId, UUID attachmentId) {
    return jdbc.sql(
            """
            select a.file_name, a.content_type, a.content from postfach_attachment a
            join postfach_message m on m.id = a.message_id
            where a.id = ? and a.message_id = ? and m.account_id = ?
            """)
        .params(attachmentId, messageId, accountId)
        .query(
            (rs, row) ->
                new File(
                    rs.getString("file_name"),
                    rs.getString("content_type"),
                    rs.getBytes("content")))
        .optional()
        .orElseThrow(Postfach::notFound);
  }

  /**
   * The replies people sent to this authority, newest first: the authority's side of the Postfach.
   * Callers pass the authority of the logged-in staff member's own tenant, never one from a
   * request.
   */
  public List<PostfachMessage> repliesTo(String authorityArs, int limit) {
    return withAttachments(
        jdbc.sql(
                "select "
                    + COLUMNS
                    + " from postfach_message where authority_ars = ? and direction = 'OUTBOUND'"
                    + " order by created_at desc, id limit ?")
            .params(authorityArs, limit)
            .query(Postfach::map)
            .list());
  }

  /**
   * One reply to this authority.
   *
   * @throws PostfachException {@link PostfachException#NOT_FOUND} also when it went to another
   *     authority
   */
  public PostfachMessage replyTo(String authorityArs, UUID replyId) {
    return withAttachments(
            jdbc.sql(
                    "select "
                        + COLUMNS
                        + " from postfach_message where id = ? and authority_ars = ?"
                        + " and direction = 'OUTBOUND'")
                .params(replyId, authorityArs)
                .query(Postfach::map)
                .list())
        .stream()
        .findFirst()
        .orElseThrow(Postfach::notFound);
  }

  /** An attachment of a reply to this authority; not found for any other. */
  public File attachmentOfReplyTo(String authorityArs, UUID replyId, UUID attachmentId) {
    return jdbc.sql(
            """
            select a.file_name, a.content_type, a.content from postfach_attachment a
            join postfach_message m on m.id = a.message_id
            where a.id = ? and a.message_id = ? and m.authority_ars = ? and m.direction = 'OUTBOUND'
            """)
        .params(attachmentId, replyId, authorityArs)
        .query(
            (rs, row) ->
                new File(
                    rs.getString("file_name"),
                    rs.getString("content_type"),
                    rs.getBytes("content")))
        .optional()
        .orElseThrow(Postfach::notFound);
  }

  /**
   * Checks a document before it is stored anywhere it will reach a Postfach (a caseworker's
   * attachment to a Bescheid, say): the file with the type its bytes show and a file name that fits
   * it.
   *
   * @throws PostfachException when it is empty, too large, a HEIC/HEIF photo (with advice how to
   *     send it instead) or no PDF, JPEG or PNG ({@link PostfachException#isAboutAttachments()})
   */
  public static File document(File file) {
    return checked(file);
  }

  static File checked(File file) {
    byte[] content = file.content();
    String name = file.fileName();
    if (content.length > MAX_ATTACHMENT_BYTES) {
      throw new PostfachException(
          HttpStatus.BAD_REQUEST,
          PostfachException.ATTACHMENT_TOO_LARGE,
          displayName(name),
          MAX_ATTACHMENT_BYTES / 1_000_000);
    }
    String type = content.length == 0 ? "" : detect(content);
    if (type.startsWith("image/hei")) {
      throw new PostfachException(
          HttpStatus.BAD_REQUEST, PostfachException.ATTACHMENT_HEIC, displayName(name));
    }
    if (!DOCUMENT_TYPES.contains(type)) {
      throw new PostfachException(
          HttpStatus.BAD_REQUEST, PostfachException.INVALID_ATTACHMENT, displayName(name));
    }
    return new File(safeFileName(name, type), type, content);
  }

  /** What the bytes are (Apache Tika's magic, with HEIF brands Tika may not know). */
  static String detect(byte[] content) {
    if (content.length >= 12
        && new String(content, 4, 4, StandardCharsets.US_ASCII).equals("ftyp")
        && HEIF_BRANDS.contains(new String(content, 8, 4, StandardCharsets.US_ASCII))) {
      return "image/heif";
    }
    try {
      return TIKA.detect(new ByteArrayInputStream(content));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static final Set<String> HEIF_BRANDS =
      Set.of("heic", "heix", "hevc", "hevx", "heim", "heis", "mif1", "msf1", "avif");

  private static String displayName(String name) {
    String base = name.replace('\\', '/');
    base = base.substring(base.lastIndexOf('/') + 1).replaceAll("\\p{Cntrl}", "").strip();
    return base.length() > 80 ? base.substring(0, 80) : base;
  }

  private UUID insert(
      UUID accountId,
      Direction direction,
      Kind kind,
      String ars,
      String senderName,
      @Nullable String reference,
      String subject,
      String body,
      @Nullable UUID inReplyTo,
      List<File> attachments) {
    UUID id = UUID.randomUUID();
    jdbc.sql(
            """
            insert into postfach_message (id, account_id, direction, kind, authority_ars, sender_name,
              reference, subject, body, in_reply_to)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        .params(
            id,
            accountId,
            direction.name(),
            kind.name(),
            ars,
            senderName,
            reference,
            subject,
            body,
            inReplyTo)
        .update();
    for (File file : attachments) {
      jdbc.sql(
              """
              insert into postfach_attachment (id, message_id, file_name, content_type, size_bytes, content)
              values (?, ?, ?, ?, ?, ?)
              """)
          .params(
              UUID.randomUUID(),
              id,
              file.fileName(),
              file.contentType(),
              file.content().length,
              file.content())
          .update();
    }
    return id;
  }

  /**
   * A file name without path, control characters or quotes, ending in the extension of its type
   * ({@code .pdf}, {@code .jpg}, {@code .png}).
   */
  static String safeFileName(String name, String contentType) {
    String base = name.replace('\\', '/');
    base = base.substring(base.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}\"';]", "").strip();
    if (base.isEmpty()) {
      base = "Anhang";
    }
    if (base.length() > 150) {
      base = base.substring(0, 150);
    }
    String lower = base.toLowerCase(Locale.ROOT);
    return switch (contentType) {
      case "image/jpeg" -> lower.endsWith(".jpg") || lower.endsWith(".jpeg") ? base : base + ".jpg";
      case "image/png" -> lower.endsWith(".png") ? base : base + ".png";
      default -> lower.endsWith(".pdf") ? base : base + ".pdf";
    };
  }

  private List<PostfachMessage> withAttachments(List<PostfachMessage> messages) {
    if (messages.isEmpty()) {
      return messages;
    }
    Map<UUID, List<Attachment>> files = new HashMap<>();
    jdbc.sql(
            "select id, message_id, file_name, content_type, size_bytes from postfach_attachment"
                + " where message_id in (:ids) order by file_name")
        .param("ids", messages.stream().map(PostfachMessage::id).toList())
        .query(
            (rs, row) ->
                files
                    .computeIfAbsent(rs.getObject("message_id", UUID.class), k -> new ArrayList<>())
                    .add(
                        new Attachment(
                            rs.getObject("id", UUID.class),
                            rs.getString("file_name"),
                            rs.getString("content_type"),
                            rs.getInt("size_bytes"))))
        .list();
    return messages.stream()
        .map(
            m ->
                new PostfachMessage(
                    m.id(),
                    m.direction(),
                    m.kind(),
                    m.authorityArs(),
                    m.senderName(),
                    m.reference(),
                    m.subject(),
                    m.body(),
                    m.inReplyTo(),
                    m.createdAt(),
                    m.readAt(),
                    files.getOrDefault(m.id(), List.of())))
        .toList();
  }

  private static PostfachMessage map(ResultSet rs, int row) throws SQLException {
    return new PostfachMessage(
        rs.getObject("id", UUID.class),
        Direction.valueOf(rs.getString("direction")),
        Kind.valueOf(rs.getString("kind")),
        rs.getString("authority_ars"),
        rs.getString("sender_name"),
        rs.getString("reference"),
        rs.getString("subject"),
        rs.getString("body"),
        rs.getObject("in_reply_to", UUID.class),
        rs.getObject("created_at", OffsetDateTime.class),
        rs.getObject("read_at", OffsetDateTime.class),
        List.of());
  }

  private static PostfachException notFound() {
    return new PostfachException(HttpStatus.NOT_FOUND, PostfachException.NOT_FOUND);
  }
}
