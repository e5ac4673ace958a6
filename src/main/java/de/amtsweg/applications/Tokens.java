package de.amtsweg.applications;

import de.amtsweg.platform.Sha256;
import java.security.SecureRandom;
import java.util.Base64;

/** Unguessable link tokens; only their SHA-256 is stored. */
final class Tokens {

  private static final SecureRandom RANDOM = new SecureRandom();

  private Tokens() {}

  static String random() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  static String hash(String token) {
    return Sha256.hex(token);
  }
}
