package de.amtsweg.applications.web;

import de.amtsweg.applications.SubmissionLimits;
import de.amtsweg.platform.ProofOfWork;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Where the ALTCHA widget on the check page fetches its challenge. Public and without a session: a
 * challenge costs one hash to make and binds nobody; the solution is checked and used up when the
 * Antrag is submitted ({@link AntragSubmitController}).
 */
@RestController
class AltchaChallengeController {

  private final ProofOfWork proofOfWork;
  private final SubmissionLimits.Altcha settings;

  AltchaChallengeController(ProofOfWork proofOfWork, SubmissionLimits limits) {
    this.proofOfWork = proofOfWork;
    this.settings = limits.altcha();
  }

  @GetMapping(path = "/antrag/altcha-challenge", produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<ProofOfWork.Challenge> challenge() {
    if (!settings.enabled()) {
      return ResponseEntity.notFound().build();
    }
    return ResponseEntity.ok()
        .cacheControl(CacheControl.noStore())
        .body(proofOfWork.challenge(settings.maxNumber(), settings.lifetime()));
  }
}
