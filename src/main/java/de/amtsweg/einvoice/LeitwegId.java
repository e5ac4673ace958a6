package de.amtsweg.einvoice;

import java.math.BigInteger;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A Leitweg-ID (BT-10 Buyer reference of an XRechnung): Grobadressierung (2 to 12 digits), optional
 * Feinadressierung (up to 30 letters or digits) and a two-digit Prüfziffer, joined by hyphens, e.g.
 * {@code 04011000-12345-03}. The Prüfziffer is ISO 7064 MOD 97-10 over Grob- and Feinadressierung,
 * letters counting A=10 … Z=35 (as for the IBAN).
 *
 * @param grob the Grobadressierung (digits)
 * @param fein the Feinadressierung (upper-case letters and digits), empty when there is none
 * @param pruefziffer the two check digits as written
 */
public record LeitwegId(String grob, String fein, String pruefziffer) {

  private static final Pattern SHAPE =
      Pattern.compile("([0-9]{2,12})(?:-([0-9A-Z]{1,30}))?-([0-9]{2})");
  private static final BigInteger NINETY_SEVEN = BigInteger.valueOf(97);

  /** Why a text is not a usable Leitweg-ID. */
  public enum Problem {
    /** No BT-10 at all, or an empty one. */
    MISSING,
    /** Not of the form Grob[-Fein]-Prüfziffer. */
    MALFORMED,
    /** The form is right, the check digits are not. */
    WRONG_CHECK_DIGITS
  }

  /** The result of reading a text as a Leitweg-ID: the ID, or why it is none. */
  public record Parsed(@Nullable LeitwegId id, @Nullable Problem problem, String text) {
    public boolean ok() {
      return id != null;
    }
  }

  /** Reads a Leitweg-ID; letters are accepted in either case and stored in upper case. */
  public static Parsed parse(@Nullable String text) {
    String trimmed = text == null ? "" : text.strip();
    if (trimmed.isEmpty()) {
      return new Parsed(null, Problem.MISSING, trimmed);
    }
    Matcher m = SHAPE.matcher(trimmed.toUpperCase(Locale.ROOT));
    if (!m.matches()) {
      return new Parsed(null, Problem.MALFORMED, trimmed);
    }
    LeitwegId id =
        new LeitwegId(m.group(1), Optional.ofNullable(m.group(2)).orElse(""), m.group(3));
    if (!checkDigits(id.grob() + id.fein()).equals(id.pruefziffer())) {
      return new Parsed(null, Problem.WRONG_CHECK_DIGITS, trimmed);
    }
    return new Parsed(id, null, trimmed);
  }

  /** The two ISO 7064 MOD 97-10 check digits for Grob- plus Feinadressierung (no hyphens). */
  public static String checkDigits(String grobAndFein) {
    BigInteger value = new BigInteger(numeric(grobAndFein) + "00");
    int check = 98 - value.mod(NINETY_SEVEN).intValue();
    return String.format(Locale.ROOT, "%02d", check);
  }

  private static String numeric(String text) {
    StringBuilder digits = new StringBuilder(text.length() * 2);
    for (char c : text.toUpperCase(Locale.ROOT).toCharArray()) {
      if (c >= '0' && c <= '9') {
        digits.append(c);
      } else if (c >= 'A' && c <= 'Z') {
        digits.append(c - 'A' + 10);
      } else {
        throw new IllegalArgumentException("Leitweg-ID contains " + c);
      }
    }
    return digits.toString();
  }

  /** The Leitweg-ID as written in an invoice: {@code grob[-fein]-pp}. */
  @Override
  public String toString() {
    return fein.isEmpty() ? grob + "-" + pruefziffer : grob + "-" + fein + "-" + pruefziffer;
  }
}
