package de.amtsweg.platform;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import org.altcha.altcha.Altcha;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Proof-of-work challenges in the ALTCHA format (protocol 1: SHA-256 hashcash, as the {@code
 * altcha} 2.x widget solves them): the browser spends some CPU before a form is sent, which makes
 * automating many submissions dearer and costs a person nothing they notice. No third party, no
 * cookie: the challenge carries its expiry in its salt and is signed with an HMAC key derived from
 * the installation's secret ({@link SecretBox#derivedKey}), the same on every node.
 *
 * <p>A solved challenge is accepted once: its signature's hash is stored until the challenge
 * expires, so a solution cannot be replayed (a platform job deletes expired ones).
 */
@Component
public class ProofOfWork {

  static final String ALGORITHM = "SHA-256";

  /** Longer payloads are no solution of ours (ours are some 300 characters). */
  private static final int MAX_PAYLOAD = 2_000;

  private final JdbcClient jdbc;
  private final JsonMapper json;
  private final String hmacKey;

  @Autowired
  ProofOfWork(JdbcClient jdbc, JsonMapper json, SecretBox secrets) {
    this(jdbc, json, HexFormat.of().formatHex(secrets.derivedKey("altcha")));
  }

  ProofOfWork(JdbcClient jdbc, JsonMapper json, String hmacKey) {
    this.jdbc = jdbc;
    this.json = json;
    this.hmacKey = hmacKey;
  }

  /**
   * A challenge as the widget fetches it (JSON).
   *
   * @param maxnumber the largest number the solver tries
   */
  public record Challenge(
      String algorithm, String challenge, long maxnumber, String salt, String signature) {}

  /** What a submitted solution is. */
  public enum Verdict {
    /** Solved, signed by us, not expired, not used before; now used up. */
    VALID,
    /** Not a solution of a challenge of ours (damaged, forged, or not solved). */
    INVALID,
    /** A solution of a challenge of ours that expired. */
    EXPIRED,
    /** A solution that was accepted before. */
    SPENT
  }

  /**
   * A new challenge.
   *
   * @param maxNumber the difficulty: the solver tries up to this many hashes, half on average
   * @param lifetime how long a solution is accepted
   */
  public Challenge challenge(long maxNumber, Duration lifetime) {
    try {
      Altcha.Challenge created =
          Altcha.createChallenge(
              new Altcha.ChallengeOptions()
                  .setAlgorithm(Altcha.Algorithm.SHA256)
                  .setMaxNumber(maxNumber)
                  .setSecureRandomNumber(true)
                  .setHmacKey(hmacKey)
                  .setExpires(Instant.now().plus(lifetime).getEpochSecond()));
      return new Challenge(
          created.algorithm, created.challenge, created.maxnumber, created.salt, created.signature);
    } catch (Exception e) {
      throw new IllegalStateException("Cannot create a challenge", e);
    }
  }

  /**
   * Checks a solution (the widget's form field: Base64 of JSON with {@code algorithm}, {@code
   * challenge}, {@code number}, {@code salt}, {@code signature}) and, when it is valid, uses it up.
   */
  public Verdict verify(@Nullable String payload) {
    Checked checked = check(payload, hmacKey, Instant.now());
    if (checked.verdict() != Verdict.VALID) {
      return checked.verdict();
    }
    int stored =
        jdbc.sql(
                """
                insert into proof_of_work_spent (challenge_hash, expires_at)
                values (?, to_timestamp(?)) on conflict (challenge_hash) do nothing
                """)
            .params(sha256(checked.signature()), checked.expires())
            .update();
    return stored == 1 ? Verdict.VALID : Verdict.SPENT;
  }

  /**
   * What a solution is, before it is used up.
   *
   * @param signature the challenge's signature, when the solution is valid
   * @param expires when the challenge expires, in Unix seconds
   */
  record Checked(Verdict verdict, String signature, long expires) {
    static final Checked INVALID = new Checked(Verdict.INVALID, "", 0);
  }

  /** Checks a solution against the key and the time, without using it up. */
  Checked check(@Nullable String payload, Instant now) {
    return check(payload, hmacKey, now);
  }

  private Checked check(@Nullable String payload, String key, Instant now) {
    Altcha.Payload solution = parse(payload);
    if (solution == null) {
      return Checked.INVALID;
    }
    long expires;
    try {
      Map<String, String> params = Altcha.extractParams(solution.salt);
      expires = Long.parseLong(params.getOrDefault("expires", ""));
      // Compared in constant time here; the library compares with equals.
      String expected =
          Altcha.hmacHex(
              Altcha.Algorithm.SHA256, solution.challenge.getBytes(StandardCharsets.UTF_8), key);
      if (!MessageDigest.isEqual(
              expected.getBytes(StandardCharsets.US_ASCII),
              solution.signature.getBytes(StandardCharsets.UTF_8))
          || !Altcha.verifySolution(solution, key, false)) {
        return Checked.INVALID;
      }
    } catch (Exception e) {
      return Checked.INVALID;
    }
    return now.getEpochSecond() > expires
        ? new Checked(Verdict.EXPIRED, solution.signature, expires)
        : new Checked(Verdict.VALID, solution.signature, expires);
  }

  /** Deletes the used-up challenges that expired (a platform job). */
  void forgetExpired() {
    jdbc.sql("delete from proof_of_work_spent where expires_at < now()").update();
  }

  private Altcha.@Nullable Payload parse(@Nullable String payload) {
    if (payload == null || payload.isBlank() || payload.length() > MAX_PAYLOAD) {
      return null;
    }
    try {
      JsonNode node = json.readTree(Base64.getDecoder().decode(payload.strip()));
      if (!ALGORITHM.equals(text(node, "algorithm"))
          || text(node, "challenge") == null
          || text(node, "salt") == null
          || text(node, "signature") == null
          || !node.path("number").canConvertToExactIntegral()
          || node.path("number").asLong() < 0) {
        return null;
      }
      Altcha.Payload parsed = new Altcha.Payload();
      parsed.algorithm = ALGORITHM;
      parsed.challenge = text(node, "challenge");
      parsed.salt = text(node, "salt");
      parsed.signature = text(node, "signature");
      parsed.number = node.path("number").asLong();
      return parsed;
    } catch (IllegalArgumentException | JacksonException e) {
      return null;
    }
  }

  private static @Nullable String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value != null && value.isString() ? value.asString() : null;
  }

  private static String sha256(String value) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
