package de.amtsweg.platform;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Rate limits shared by all nodes: at most {@code limit} uses of an action per key within any
 * {@code window} (a sliding log in PostgreSQL, one row per use). Ask before the action:
 *
 * <pre>{@code
 * switch (rateLimits.take("anonymous-submission", clientAddress, 10, Duration.ofMinutes(10))) {
 *   case RateLimits.Allowed slot -> submit(); // rateLimits.giveBack(slot) if it did not count
 *   case RateLimits.Refused refused -> throw new TooMany(refused.retryAfter());
 * }
 * }</pre>
 *
 * <p>Keys are personal data (client addresses, e-mail addresses): only their HMAC-SHA256 under a
 * key derived from the installation's secret ({@link SecretBox#derivedKey}) is stored, so that a
 * copy of the database does not reveal them and an address cannot be found by hashing all
 * addresses. Counting and taking a slot happen under a transaction-scoped advisory lock on the
 * bucket and key, so concurrent requests on any node never take more than the limit. Rows are
 * deleted when their window is over (a platform job).
 */
@Component
public class RateLimits {

  private final JdbcClient jdbc;
  private final byte[] pepper;

  RateLimits(JdbcClient jdbc, SecretBox secrets) {
    this.jdbc = jdbc;
    this.pepper = secrets.derivedKey("rate-limits");
  }

  /** The answer to {@link #take}. */
  public sealed interface Decision permits Allowed, Refused {}

  /**
   * The action may go ahead; it used one slot.
   *
   * @param slot the slot, to {@link #giveBack} when the action turned out not to count
   */
  public record Allowed(UUID slot) implements Decision {}

  /**
   * The limit is reached.
   *
   * @param retryAfter how long until a slot is free again (at least one second)
   */
  public record Refused(Duration retryAfter) implements Decision {}

  /**
   * Takes one slot of the key in the bucket, if fewer than {@code limit} were taken within the last
   * {@code window}. Runs in its own transaction: the slot counts at once, whatever becomes of the
   * caller's transaction.
   *
   * @param bucket what is limited, e.g. {@code anonymous-submission}; a bucket has one window
   * @param key whose uses are counted (a client address, an e-mail address); stored only hashed
   * @param limit how many uses the window allows, at least 1
   * @param window how far back uses count, positive
   */
  @Transactional(propagation = Propagation.REQUIRES_NEW)
  public Decision take(String bucket, String key, int limit, Duration window) {
    if (limit < 1 || window.isNegative() || window.isZero()) {
      throw new IllegalArgumentException("A rate limit needs a limit ≥ 1 and a positive window");
    }
    String hash = hash(bucket, key);
    jdbc.sql("select pg_advisory_xact_lock(hashtext('rate-limit:' || ? || ':' || ?))")
        .params(bucket, hash)
        .query()
        .singleValue();
    double seconds = window.toMillis() / 1000.0;
    // The limit-th newest use in the window: while it is in the window, the window is full.
    Double wait =
        jdbc.sql(
                """
                select extract(epoch from taken_at + make_interval(secs => :window) - now())
                from rate_limit_slot
                where bucket = :bucket and key_hash = :key
                  and taken_at > now() - make_interval(secs => :window)
                order by taken_at desc offset :skip limit 1
                """)
            .param("bucket", bucket)
            .param("key", hash)
            .param("window", seconds)
            .param("skip", limit - 1)
            .query(Double.class)
            .optional()
            .orElse(null);
    if (wait != null) {
      return new Refused(Duration.ofSeconds(Math.max(1, (long) Math.ceil(wait))));
    }
    UUID slot = UUID.randomUUID();
    jdbc.sql(
            """
            insert into rate_limit_slot (id, bucket, key_hash, taken_at, expires_at)
            values (:id, :bucket, :key, now(), now() + make_interval(secs => :window))
            """)
        .param("id", slot)
        .param("bucket", bucket)
        .param("key", hash)
        .param("window", seconds)
        .update();
    return new Allowed(slot);
  }

  /**
   * Frees a slot again: the action it was taken for did not happen or does not count (invalid
   * input, a repeated request that created nothing).
   */
  public void giveBack(Allowed allowed) {
    jdbc.sql("delete from rate_limit_slot where id = ?").param(allowed.slot()).update();
  }

  /** Deletes the uses whose window is over (a platform job). */
  void forgetExpired() {
    jdbc.sql("delete from rate_limit_slot where expires_at < now()").update();
  }

  private String hash(String bucket, String key) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(pepper, "HmacSHA256"));
      return HexFormat.of()
          .formatHex(mac.doFinal((bucket + "\n" + key).getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
