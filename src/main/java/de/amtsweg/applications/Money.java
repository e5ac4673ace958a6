package de.amtsweg.applications;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.Locale;

/** Amounts in euro cents, as payments carry them, written for people and for the API. */
public final class Money {

  private Money() {}

  /**
   * {@code 500} → {@code 5,00 €}: euros in German notation whatever the reader's language, like
   * every fee.
   */
  public static String euros(long cents) {
    return NumberFormat.getCurrencyInstance(Locale.GERMANY).format(decimal(cents));
  }

  /** {@code 500} → {@code 5.00}, the API's decimal string. */
  public static BigDecimal decimal(long cents) {
    return BigDecimal.valueOf(cents, 2);
  }
}
