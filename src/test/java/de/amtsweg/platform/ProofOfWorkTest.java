package de.amtsweg.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.altcha.altcha.Altcha;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * The ALTCHA check without the database: a solved challenge of ours is valid until it expires; a
 * forged, tampered, unsolved or foreign one is not. (That a valid one is accepted only once needs
 * the database: {@code AnonymousSubmissionIT}.)
 */
class ProofOfWorkTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final ProofOfWork ours = new ProofOfWork(null, JSON, "the installation's key");
  private final ProofOfWork another = new ProofOfWork(null, JSON, "another installation's key");

  @Test
  void aSolvedChallengeIsValidUntilItExpires() throws Exception {
    ProofOfWork.Challenge challenge = ours.challenge(5_000, Duration.ofMinutes(20));
    assertThat(challenge.algorithm()).isEqualTo("SHA-256");
    assertThat(challenge.salt()).contains("expires=");
    String payload = solved(challenge);

    assertThat(ours.check(payload, Instant.now()).verdict()).isEqualTo(ProofOfWork.Verdict.VALID);
    assertThat(ours.check(payload, Instant.now().plus(Duration.ofMinutes(21))).verdict())
        .isEqualTo(ProofOfWork.Verdict.EXPIRED);
  }

  @Test
  void forgedTamperedOrUnsolvedSolutionsAreInvalid() throws Exception {
    ProofOfWork.Challenge challenge = ours.challenge(5_000, Duration.ofMinutes(20));
    Map<String, Object> solution = solution(challenge);

    // Signed with another key (another installation, or a forger's own).
    assertThat(ours.check(solved(another.challenge(5_000, Duration.ofMinutes(20))), Instant.now()))
        .extracting(ProofOfWork.Checked::verdict)
        .isEqualTo(ProofOfWork.Verdict.INVALID);
    // The wrong number: not solved.
    assertThat(verdict(with(solution, "number", ((Long) solution.get("number")) + 1)))
        .isEqualTo(ProofOfWork.Verdict.INVALID);
    // A longer life written into the salt breaks the signature.
    assertThat(
            verdict(
                with(
                    solution,
                    "salt",
                    challenge.salt().replaceAll("expires=\\d+", "expires=4102444800"))))
        .isEqualTo(ProofOfWork.Verdict.INVALID);
    // A signature of our making on a challenge of the forger's making does not exist; a made-up
    // one fails.
    assertThat(verdict(with(solution, "signature", "0".repeat(64))))
        .isEqualTo(ProofOfWork.Verdict.INVALID);
    // A weaker algorithm than ours is not accepted, even if the rest were right.
    assertThat(verdict(with(solution, "algorithm", "SHA-1")))
        .isEqualTo(ProofOfWork.Verdict.INVALID);
    // Garbage of every kind.
    for (String garbage :
        new String[] {"", "   ", "not base64!", base64("not json"), base64("[]"), base64("{}")}) {
      assertThat(ours.check(garbage, Instant.now()).verdict())
          .as(garbage)
          .isEqualTo(ProofOfWork.Verdict.INVALID);
    }
    assertThat(ours.check(null, Instant.now()).verdict()).isEqualTo(ProofOfWork.Verdict.INVALID);
  }

  private ProofOfWork.Verdict verdict(Map<String, Object> solution) {
    return ours.check(base64(JSON.writeValueAsString(solution)), Instant.now()).verdict();
  }

  /** The widget's payload for a challenge, solved as a browser solves it. */
  static String solved(ProofOfWork.Challenge challenge) throws Exception {
    return base64(JSON.writeValueAsString(solution(challenge)));
  }

  static Map<String, Object> solution(ProofOfWork.Challenge challenge) throws Exception {
    Altcha.Solution solved =
        Altcha.solveChallenge(
            challenge.challenge(),
            challenge.salt(),
            Altcha.Algorithm.SHA256,
            challenge.maxnumber(),
            0);
    Map<String, Object> solution = new LinkedHashMap<>();
    solution.put("algorithm", challenge.algorithm());
    solution.put("challenge", challenge.challenge());
    solution.put("number", (long) solved.number);
    solution.put("salt", challenge.salt());
    solution.put("signature", challenge.signature());
    return solution;
  }

  private static Map<String, Object> with(Map<String, Object> solution, String key, Object value) {
    Map<String, Object> changed = new LinkedHashMap<>(solution);
    changed.put(key, value);
    return changed;
  }

  private static String base64(String text) {
    return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }
}
