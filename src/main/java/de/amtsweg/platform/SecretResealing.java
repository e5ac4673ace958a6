package de.amtsweg.platform;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Re-seals, at every start, the values of every {@link SealedColumn} that are not sealed with the
 * current key, so that after a key rotation the old key is soon no longer needed. Each value is
 * replaced only if it is still the one that was read (compare and set), so nodes that start
 * together or write meanwhile lose nothing. A value that does not open is left as it is and
 * reported. Afterwards it logs how many values each old key still holds: a key may be removed from
 * the configuration when it holds none on a start after every node seals with the new key.
 */
@Component
@Order(5)
class SecretResealing implements ApplicationRunner {

  private static final int BATCH = 500;
  private static final Logger log = LoggerFactory.getLogger(SecretResealing.class);

  private final JdbcClient jdbc;
  private final SecretBox box;
  private final List<SealedColumn> columns;

  SecretResealing(JdbcClient jdbc, SecretBox box, List<SealedColumn> columns) {
    this.jdbc = jdbc;
    this.box = box;
    this.columns = columns;
  }

  @Override
  public void run(ApplicationArguments args) {
    int resealed = 0;
    for (SealedColumn column : columns) {
      resealed += reseal(column);
    }
    if (resealed > 0) {
      log.info("Re-sealed {} secrets with the current key '{}'", resealed, box.currentKeyId());
    }
    Map<String, Integer> old = oldKeys();
    if (!old.isEmpty()) {
      log.warn(
          "Secrets still sealed with keys other than the current key '{}': {} (key '-' = sealed"
              + " before key ids); keep those keys configured",
          box.currentKeyId(),
          old);
    }
  }

  /**
   * Re-seals the column's values that are not sealed with the current key.
   *
   * @return how many were re-sealed
   */
  int reseal(SealedColumn column) {
    int resealed = 0;
    String last = "(0,0)";
    List<Row> rows;
    do {
      // Paged by the row's physical address (ctid): the tables have different keys, and a value
      // that does not open must not be read again and again.
      rows =
          jdbc.sql(
                  "select ctid::text as row, %2$s as value, (%3$s) as owner from %1$s"
                          .formatted(column.table(), column.column(), column.ownerSql())
                      + " where ctid > ?::tid and %1$s like ? and %1$s not like ?"
                          .formatted(column.column())
                      + " order by ctid limit ?")
              .params(last, SecretBox.SEALED_LIKE, box.currentPrefix() + "%", BATCH)
              .query(
                  (rs, n) ->
                      new Row(rs.getString("row"), rs.getString("value"), rs.getString("owner")))
              .list();
      for (Row row : rows) {
        last = row.row();
        String fresh;
        try {
          fresh = box.reseal(row.value(), row.owner());
        } catch (IllegalStateException unreadable) {
          log.warn(
              "A secret in {}.{} does not open: {}",
              column.table(),
              column.column(),
              unreadable.getMessage());
          continue;
        }
        resealed +=
            jdbc.sql(
                    "update %1$s set %2$s = ? where ctid = ?::tid and %2$s = ?"
                        .formatted(column.table(), column.column()))
                .params(fresh, row.row(), row.value())
                .update();
      }
    } while (rows.size() == BATCH);
    return resealed;
  }

  /** How many values each key other than the current one still holds, over all columns. */
  Map<String, Integer> oldKeys() {
    Map<String, Integer> counts = new TreeMap<>();
    for (SealedColumn column : columns) {
      jdbc.sql(
              "select %1$s from %2$s where %1$s like ? and %1$s not like ?"
                  .formatted(column.column(), column.table()))
          .params(SecretBox.SEALED_LIKE, box.currentPrefix() + "%")
          .query(String.class)
          .list()
          .forEach(value -> counts.merge(SecretBox.keyIdOf(value).orElse("-"), 1, Integer::sum));
    }
    return counts;
  }

  private record Row(String row, String value, String owner) {}
}
