package de.amtsweg.platform;

import java.util.regex.Pattern;

/**
 * A column of values sealed with {@link SecretBox}, declared as a bean by the module that owns the
 * table, so that the re-sealing after a key rotation reaches it. The module keeps its table to
 * itself; it only tells the platform where its sealed values are and whom each belongs to.
 *
 * @param table the table, e.g. {@code account_totp}
 * @param column the column with the sealed values (null allowed), e.g. {@code secret}
 * @param ownerSql a SQL expression over the row that gives the owner the value was sealed for, e.g.
 *     {@code account_id::text}; written by the module, never taken from input
 */
public record SealedColumn(String table, String column, String ownerSql) {

  private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]*");

  public SealedColumn {
    if (!IDENTIFIER.matcher(table).matches() || !IDENTIFIER.matcher(column).matches()) {
      throw new IllegalArgumentException(
          "not a plain table or column name: " + table + "." + column);
    }
  }
}
