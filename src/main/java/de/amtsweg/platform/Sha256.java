package de.amtsweg.platform;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 in lower-case hex: how tokens, recovery codes and other random secrets are stored, so
 * that a database dump gives no usable token. Only for high-entropy secrets; passwords use
 * Argon2id.
 */
public final class Sha256 {

  private Sha256() {}

  /** The SHA-256 of the text's UTF-8 bytes, as 64 hex digits. */
  public static String hex(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every Java runtime has SHA-256", e);
    }
  }
}
