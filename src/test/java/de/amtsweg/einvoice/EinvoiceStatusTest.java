package de.amtsweg.einvoice;

import static de.amtsweg.einvoice.Einvoices.Status.ABGELEHNT;
import static de.amtsweg.einvoice.Einvoices.Status.EINGEGANGEN;
import static de.amtsweg.einvoice.Einvoices.Status.EXPORTIERT;
import static de.amtsweg.einvoice.Einvoices.Status.GEPRUEFT;
import static de.amtsweg.einvoice.Einvoices.Status.SACHLICH_RICHTIG;
import static de.amtsweg.einvoice.Einvoices.Status.ZURUECKGEWIESEN;
import static org.assertj.core.api.Assertions.assertThat;

import de.amtsweg.einvoice.Einvoices.Status;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Every pair of invoice statuses against the inbox workflow: checked, approved as correct, then
 * exported or declined; a rejection at intake, a declined and an exported invoice are final.
 */
class EinvoiceStatusTest {

  private static final Map<Status, Set<Status>> ALLOWED =
      Map.of(
          ZURUECKGEWIESEN, EnumSet.noneOf(Status.class),
          EINGEGANGEN, EnumSet.of(GEPRUEFT, ABGELEHNT),
          GEPRUEFT, EnumSet.of(SACHLICH_RICHTIG, ABGELEHNT),
          SACHLICH_RICHTIG, EnumSet.of(EXPORTIERT, ABGELEHNT),
          ABGELEHNT, EnumSet.noneOf(Status.class),
          EXPORTIERT, EnumSet.noneOf(Status.class));

  @Test
  void everyPairIsAllowedExactlyWhenTheWorkflowSaysSo() {
    assertThat(ALLOWED.keySet()).containsExactlyInAnyOrder(Status.values());
    int checked = 0;
    for (Status from : Status.values()) {
      for (Status to : Status.values()) {
        assertThat(from.next().contains(to))
            .as("%s -> %s", from, to)
            .isEqualTo(ALLOWED.get(from).contains(to));
        checked++;
      }
    }
    assertThat(checked).isEqualTo(36);
  }

  @Test
  void nothingLeadsBackToTheIntakeOrItsRejection() {
    for (Status status : Status.values()) {
      assertThat(status.next()).doesNotContain(EINGEGANGEN, ZURUECKGEWIESEN);
    }
  }
}
