package de.amtsweg.applications;

import java.security.SecureRandom;
import java.util.Locale;

/**
 * Status codes: ten characters a person can read out and type (no 0/O, 1/I), 50 bits of chance,
 * shown as {@code ABCDE-FGHJK}. Only their hash is stored ({@link Tokens#hash}).
 */
final class StatusCodes {

  private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
  private static final int LENGTH = 10;
  private static final SecureRandom RANDOM = new SecureRandom();

  private StatusCodes() {}

  static String random() {
    StringBuilder code = new StringBuilder(LENGTH + 1);
    for (int i = 0; i < LENGTH; i++) {
      if (i == LENGTH / 2) {
        code.append('-');
      }
      code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
    }
    return code.toString();
  }

  /** The code as typed, in the form it was hashed: upper case, without spaces and dashes. */
  static String normalize(String typed) {
    return typed.replaceAll("[\\s\\-–]", "").toUpperCase(Locale.ROOT);
  }

  static String hash(String code) {
    return Tokens.hash(normalize(code));
  }
}
