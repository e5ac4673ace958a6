package de.amtsweg.applications;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What anonymous applicants may do ({@code amtsweg.limits.*}): anonymous means neither a
 * Servicekonto login nor an API token. The counts are shared by all nodes ({@link
 * de.amtsweg.platform.RateLimits}).
 *
 * @param anonymousSubmissionsPerAddress Anträge one client address may submit anonymously within
 *     the window (API and web pages together; accepted submissions count, refused ones do not)
 * @param anonymousWindow the window of that limit
 * @param receiptMailsPerRecipient receipt e-mails one address gets per day (24 hours); past it the
 *     Antrag is still submitted, without the e-mail
 * @param altcha the proof-of-work widget on the page where an anonymous applicant submits
 */
@ConfigurationProperties("amtsweg.limits")
public record SubmissionLimits(
    @DefaultValue("10") int anonymousSubmissionsPerAddress,
    @DefaultValue("PT10M") Duration anonymousWindow,
    @DefaultValue("5") int receiptMailsPerRecipient,
    @DefaultValue Altcha altcha) {

  public SubmissionLimits {
    if (anonymousSubmissionsPerAddress < 1
        || receiptMailsPerRecipient < 1
        || anonymousWindow.isNegative()
        || anonymousWindow.isZero()) {
      throw new IllegalArgumentException(
          "amtsweg.limits: the limits must be at least 1 and the window positive");
    }
  }

  /** The window of the receipt e-mail limit. */
  public static final Duration RECEIPT_MAIL_WINDOW = Duration.ofDays(1);

  /**
   * @param enabled whether the page asks the browser to solve a challenge (without JavaScript the
   *     form works all the same)
   * @param maxNumber the difficulty: the browser tries up to this many SHA-256 hashes, half on
   *     average
   * @param lifetime how long a challenge may be solved and sent
   */
  public record Altcha(
      @DefaultValue("true") boolean enabled,
      @DefaultValue("100000") long maxNumber,
      @DefaultValue("PT20M") Duration lifetime) {}
}
