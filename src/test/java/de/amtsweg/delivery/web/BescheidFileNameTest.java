package de.amtsweg.delivery.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The file name a Fachverfahren gives a Bescheid is what the citizen downloads: it must be
 * harmless.
 */
class BescheidFileNameTest {

  @Test
  void pathsAndOddCharactersAreRemovedAndItEndsInPdf() {
    assertThat(SubmissionApiController.fileName("../../etc/passwd", "HUND-2026-000001"))
        .isEqualTo("etc_passwd.pdf");
    assertThat(SubmissionApiController.fileName("Bescheid Hundesteuer.PDF", "HUND-2026-000001"))
        .isEqualTo("Bescheid_Hundesteuer.pdf");
  }

  @Test
  void withoutANameTheReferenceNamesIt() {
    assertThat(SubmissionApiController.fileName(null, "HUND-2026-000001"))
        .isEqualTo("Bescheid-HUND-2026-000001.pdf");
    assertThat(SubmissionApiController.fileName("...", "HUND-2026-000001"))
        .isEqualTo("Bescheid-HUND-2026-000001.pdf");
  }
}
