package de.amtsweg.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every aggregate changes its status in one place only, its gate (a compare-and-set update with a
 * history row and a typed refusal). This reads the SQL in the main code, also across string
 * concatenations and text blocks, and fails when any other class updates a status column. Inserts
 * that create a row with its first status are not changes and may live elsewhere.
 */
class StatusWritesTest {

  /** Table → the one source file that may update its status column. */
  static final Map<String, String> GATES =
      Map.of(
          "antrag", "de/amtsweg/applications/AntragStatusGate.java",
          "delivery", "de/amtsweg/delivery/DeliveryStateGate.java",
          "casework_case", "de/amtsweg/casework/VorgangStatusGate.java",
          "einvoice", "de/amtsweg/einvoice/EinvoiceStatusGate.java",
          "payment", "de/amtsweg/payment/Payments.java");

  /** {@code update <table> [alias] set … status = / state =} before the {@code where}. */
  static final Pattern STATUS_UPDATE =
      Pattern.compile(
          "(?is)\\bupdate\\s+("
              + String.join("|", GATES.keySet())
              + ")\\s+(?:\\w+\\s+)?set\\s+"
              + "(?:(?!\\bwhere\\b).){0,800}?\\b(?:\\w+\\.)?(?:status|state)\\s*=");

  private static final Path MAIN = Path.of("src", "main", "java");

  @Test
  void onlyTheGatesUpdateAStatusColumn() throws IOException {
    List<String> offences = new ArrayList<>();
    try (Stream<Path> files = Files.walk(MAIN)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        String relative = MAIN.relativize(file).toString().replace('\\', '/');
        Matcher matcher = STATUS_UPDATE.matcher(sql(Files.readString(file)));
        while (matcher.find()) {
          String table = matcher.group(1).toLowerCase(java.util.Locale.ROOT);
          if (!GATES.get(table).equals(relative)) {
            offences.add(relative + " updates the status of " + table);
          }
        }
      }
    }
    assertThat(offences).as("status updates outside the gates").isEmpty();
  }

  @Test
  void everyGateIsWhereItsTableIsChanged() throws IOException {
    for (Map.Entry<String, String> gate : GATES.entrySet()) {
      Matcher matcher = STATUS_UPDATE.matcher(sql(Files.readString(MAIN.resolve(gate.getValue()))));
      List<String> tables = new ArrayList<>();
      while (matcher.find()) {
        tables.add(matcher.group(1).toLowerCase(java.util.Locale.ROOT));
      }
      assertThat(tables).as(gate.getValue()).contains(gate.getKey());
    }
  }

  @Test
  void theCheckSeesUpdatesAcrossConcatenationsAndTextBlocksButNotOtherColumnsOrTables() {
    assertThat(STATUS_UPDATE.matcher(sql("\"update antrag set status = ? where id = ?\"")).find())
        .isTrue();
    assertThat(
            STATUS_UPDATE
                .matcher(
                    sql(
                        "\"update delivery d set attempts = 0, \"\n   + \"state = 'QUEUED' where"
                            + " d.id = ?\""))
                .find())
        .isTrue();
    assertThat(
            STATUS_UPDATE
                .matcher(
                    sql("\"\"\"\n  update casework_case\n  set version = 1, status = ?\n\"\"\""))
                .find())
        .isTrue();
    assertThat(
            STATUS_UPDATE
                .matcher(sql("\"update antrag set account_id = null where status = 'X'\""))
                .find())
        .as("a status in the where clause is a filter, not a write")
        .isFalse();
    assertThat(
            STATUS_UPDATE.matcher(sql("\"update payment_test_transaction set status = ?\"")).find())
        .as("another table")
        .isFalse();
  }

  /** The source with string concatenations joined, so SQL split over lines reads as one. */
  static String sql(String source) {
    return source.replaceAll("\"\\s*\\+\\s*\"", "").replace("\"\"\"", "\"");
  }
}
