package de.amtsweg.platform;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.Locale;

/**
 * Amounts in euro cents, as payments carry them, written for people and for the API. In the
 * platform because Anträge, payments and the case inbox show the same amounts the same way.
 */
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
