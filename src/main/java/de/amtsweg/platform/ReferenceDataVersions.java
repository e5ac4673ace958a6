package de.amtsweg.platform;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Remembers which version (checksum) of a reference data set is loaded, so that an import runs only
 * when its files or its mapping changed. Callers record the new version in the same transaction as
 * the imported rows.
 */
@Component
public class ReferenceDataVersions {

  private final JdbcClient jdbc;

  ReferenceDataVersions(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** SHA-256 over a mapping version and the content of classpath resources. */
  public static String checksum(String mappingVersion, List<String> resources) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      digest.update(mappingVersion.getBytes(StandardCharsets.UTF_8));
      for (String resource : resources) {
        try (InputStream in = new ClassPathResource(resource).getInputStream()) {
          digest.update(in.readAllBytes());
        }
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read reference data", e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The rows of a UTF-8 CSV resource with a header line (RFC 4180). */
  public static List<CSVRecord> csv(String resource) {
    CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
    try (Reader reader =
        new InputStreamReader(
            new ClassPathResource(resource).getInputStream(), StandardCharsets.UTF_8)) {
      return format.parse(reader).getRecords();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read reference data " + resource, e);
    }
  }

  /**
   * Serialises imports of a data set across nodes until the current transaction ends (a PostgreSQL
   * advisory lock); call first in the import's transaction, then check {@link #isCurrent} again.
   */
  public void lock(String name) {
    jdbc.sql("select 1 from pg_advisory_xact_lock(hashtext(?))")
        .param("reference-data:" + name)
        .query(Integer.class)
        .single();
  }

  /** True if this data set is loaded in exactly this version. */
  public boolean isCurrent(String name, String checksum) {
    return loaded(name).map(version -> version.checksum().equals(checksum)).orElse(false);
  }

  /** The loaded version of a data set, if it was ever imported. */
  public Optional<Version> loaded(String name) {
    return jdbc.sql(
            "select checksum, imported_at, row_count from reference_data_import where name = ?")
        .param(name)
        .query(
            (rs, row) ->
                new Version(
                    rs.getString("checksum"),
                    rs.getTimestamp("imported_at").toInstant(),
                    rs.getInt("row_count")))
        .optional();
  }

  /** Records that this version is now loaded; call inside the import's transaction. */
  public void recordImported(String name, String checksum, int rowCount) {
    jdbc.sql(
            """
            insert into reference_data_import (name, checksum, row_count) values (?, ?, ?)
            on conflict (name) do update set checksum = excluded.checksum,
              row_count = excluded.row_count, imported_at = now()
            """)
        .params(name, checksum, rowCount)
        .update();
  }

  /** A loaded version of a reference data set. */
  public record Version(String checksum, Instant importedAt, int rowCount) {}
}
