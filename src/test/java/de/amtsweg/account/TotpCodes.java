package de.amtsweg.account;

import de.amtsweg.platform.Totp;
import java.time.Instant;

/**
 * Test helper: the codes an authenticator app would show for a TOTP secret, for tests outside this
 * package.
 */
public final class TotpCodes {

  private TotpCodes() {}

  /** The code of the current 30-second step. */
  public static String now(String base32Secret) {
    return at(base32Secret, 0);
  }

  /** The code of the next step (accepted too; a code already used is not). */
  public static String next(String base32Secret) {
    return at(base32Secret, 1);
  }

  private static String at(String base32Secret, int offset) {
    String secret = base32Secret.replace(" ", "");
    return Totp.code(
        Totp.base32Decode(secret), Totp.step(Instant.now().getEpochSecond()) + offset, Totp.DIGITS);
  }
}
