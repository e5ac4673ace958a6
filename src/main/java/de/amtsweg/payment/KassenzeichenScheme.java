package de.amtsweg.payment;

import java.util.regex.Pattern;

/** How a tenant's Kassenzeichen are formed from its prefix, the year and a running number. */
public enum KassenzeichenScheme {
  /** {@code <prefix>-<year>-<6 digits>}, e.g. {@code EF-2026-000042}; prefix letters and digits. */
  PREFIX_YEAR_NUMBER(Pattern.compile("[A-Z0-9]{1,8}")),
  /**
   * Digits only, as many cash systems want them: {@code <prefix><yy><7 digits><check digit>}
   * (Luhn), e.g. {@code 5100260000042} + check digit; prefix 1 to 6 digits.
   */
  NUMERIC_CHECK_DIGIT(Pattern.compile("[0-9]{1,6}"));

  private final Pattern prefix;

  KassenzeichenScheme(Pattern prefix) {
    this.prefix = prefix;
  }

  /** Whether the prefix fits this scheme. */
  public boolean accepts(String candidate) {
    return prefix.matcher(candidate).matches();
  }

  /** The Kassenzeichen with this prefix, year and running number. */
  public String format(String prefixValue, int year, long number) {
    return switch (this) {
      case PREFIX_YEAR_NUMBER -> "%s-%d-%06d".formatted(prefixValue, year, number);
      case NUMERIC_CHECK_DIGIT -> {
        String body = "%s%02d%07d".formatted(prefixValue, year % 100, number);
        yield body + luhn(body);
      }
    };
  }

  /** The Luhn check digit of a string of digits. */
  static int luhn(String digits) {
    int sum = 0;
    boolean twice = true;
    for (int i = digits.length() - 1; i >= 0; i--) {
      int d = digits.charAt(i) - '0';
      if (twice) {
        d *= 2;
        if (d > 9) {
          d -= 9;
        }
      }
      sum += d;
      twice = !twice;
    }
    return (10 - sum % 10) % 10;
  }
}
