package de.amtsweg.federation;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What one import run did.
 *
 * @param outcome {@code RUNNING}, {@code INTERRUPTED} (a page failed: the next run continues there)
 *     or {@code COMPLETE}
 * @param fullPass whether the run read the source's whole holdings from index 0; only then are
 *     objects the source no longer sends deleted at its end
 * @param refused the records not taken, with the reason
 * @param problem why the run was interrupted, in words for the operator
 */
public record ImportReport(
    UUID id,
    String source,
    OffsetDateTime startedAt,
    @Nullable OffsetDateTime finishedAt,
    String outcome,
    boolean fullPass,
    int pages,
    int created,
    int changed,
    int unchanged,
    int deleted,
    List<Refusal> refused,
    @Nullable String problem) {

  public ImportReport {
    refused = List.copyOf(refused);
  }

  /** A record that was not taken. */
  public record Refusal(String what, String id, String reason) {}
}
