package de.amtsweg.tenancy;

import java.util.regex.Pattern;

/** Checks Amtliche Regionalschlüssel (ARS) that come from outside. */
public final class Ars {

  private static final Pattern TWELVE_DIGITS = Pattern.compile("[0-9]{12}");

  private Ars() {}

  /**
   * @return the ARS, trimmed
   * @throws MalformedArsException if it is not exactly 12 digits
   */
  public static String parse(String candidate) {
    String trimmed = candidate.trim();
    if (!TWELVE_DIGITS.matcher(trimmed).matches()) {
      throw new MalformedArsException(candidate);
    }
    return trimmed;
  }
}
