package de.amtsweg.applications;

import de.amtsweg.platform.ProblemException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.tika.Tika;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Files uploaded to a draft. The content type is detected from the bytes (Apache Tika), never taken
 * from the file name or the browser; every file passes the virus scanner when one is configured.
 * The app's limits (types, size, count) are checked by the form engine on the metadata this class
 * returns.
 */
@Service
public class Attachments {

  private static final Logger log = LoggerFactory.getLogger(Attachments.class);
  private static final Tika TIKA = new Tika();

  /** A stored file as the answers refer to it. */
  public record Stored(UUID id, String name, String contentType, long size) {

    public Map<String, Object> metadata() {
      Map<String, Object> metadata = new LinkedHashMap<>();
      metadata.put("id", id.toString());
      metadata.put("name", name);
      metadata.put("contentType", contentType);
      metadata.put("size", size);
      return metadata;
    }
  }

  /** A file's bytes, for the receipt, the export and the authority. */
  public record Content(String name, String contentType, byte[] bytes) {}

  private final JdbcClient jdbc;
  private final VirusScanner scanner;
  private final ApplicationsProperties properties;

  Attachments(JdbcClient jdbc, VirusScanner scanner, ApplicationsProperties properties) {
    this.jdbc = jdbc;
    this.scanner = scanner;
    this.properties = properties;
  }

  /** What the bytes are, whatever the name says. */
  public static String detect(byte[] bytes) {
    try {
      return TIKA.detect(new ByteArrayInputStream(bytes));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Stores a file on a draft.
   *
   * @throws UploadRefusedException when it is empty, too large or infected
   */
  @Transactional
  public Stored store(UUID draftId, String fieldPath, String originalName, byte[] bytes) {
    if (bytes.length == 0) {
      throw new UploadRefusedException("upload-empty", originalName);
    }
    if (bytes.length > properties.maxUploadBytes()) {
      throw new UploadRefusedException(
          "upload-too-large", originalName, properties.maxUploadBytes() / (1024.0 * 1024.0));
    }
    if (scanner.scan(bytes) == VirusScanner.Verdict.INFECTED) {
      log.warn("Refused an infected upload to draft {}", draftId);
      throw new UploadRefusedException("upload-infected", originalName);
    }
    String name = safeName(originalName);
    String contentType = detect(bytes);
    UUID id = UUID.randomUUID();
    jdbc.sql(
            """
            insert into antrag_attachment (id, draft_id, field_path, name, content_type, size, sha256, content)
            values (?, ?, ?, ?, ?, ?, ?, ?)
            """)
        .params(id, draftId, fieldPath, name, contentType, bytes.length, sha256(bytes), bytes)
        .update();
    return new Stored(id, name, contentType, bytes.length);
  }

  @Transactional
  public void remove(UUID draftId, UUID attachmentId) {
    jdbc.sql("delete from antrag_attachment where id = ? and draft_id = ?")
        .params(attachmentId, draftId)
        .update();
  }

  /** A file of a draft; empty when it is not that draft's. */
  public java.util.Optional<Content> ofDraft(UUID draftId, UUID attachmentId) {
    return jdbc.sql(
            "select name, content_type, content from antrag_attachment where id = ? and draft_id = ?")
        .params(attachmentId, draftId)
        .query(
            (rs, row) ->
                new Content(
                    rs.getString("name"), rs.getString("content_type"), rs.getBytes("content")))
        .optional();
  }

  /** A file of a submitted Antrag; empty when it is not that Antrag's. */
  public java.util.Optional<Content> ofAntrag(UUID antragId, UUID attachmentId) {
    return jdbc.sql(
            "select name, content_type, content from antrag_attachment where id = ? and antrag_id = ?")
        .params(attachmentId, antragId)
        .query(
            (rs, row) ->
                new Content(
                    rs.getString("name"), rs.getString("content_type"), rs.getBytes("content")))
        .optional();
  }

  /** Metadata of an Antrag's files. */
  public List<Stored> listOfAntrag(UUID antragId) {
    return jdbc.sql(
            "select id, name, content_type, size from antrag_attachment where antrag_id = ? order by created_at, id")
        .param(antragId)
        .query(
            (rs, row) ->
                new Stored(
                    rs.getObject("id", UUID.class),
                    rs.getString("name"),
                    rs.getString("content_type"),
                    rs.getLong("size")))
        .list();
  }

  /**
   * Moves the files the answers still refer to from the draft to the Antrag; files the applicant
   * replaced go with the draft.
   */
  @Transactional
  void moveToAntrag(UUID draftId, UUID antragId, List<UUID> referenced) {
    jdbc.sql(
            "update antrag_attachment set antrag_id = ?, draft_id = null where draft_id = ? and id = any(?)")
        .params(antragId, draftId, referenced.toArray(UUID[]::new))
        .update();
  }

  private static String safeName(String name) {
    String base = name.replace('\\', '/');
    base =
        base.substring(base.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}\"<>|*?:]", "_").strip();
    if (base.isEmpty()) {
      base = "datei";
    }
    return base.length() > 200 ? base.substring(base.length() - 200) : base;
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** An upload that is refused before it is stored. */
  public static class UploadRefusedException extends ProblemException {
    public UploadRefusedException(String type, String name, Object... moreDetails) {
      super(HttpStatus.UNPROCESSABLE_CONTENT, type, details(name, moreDetails));
    }

    private static Object[] details(String name, Object[] more) {
      Object[] all = new Object[more.length + 1];
      all[0] = name;
      System.arraycopy(more, 0, all, 1, more.length);
      return all;
    }
  }
}
