package de.amtsweg.payment;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class KassenzeichenSchemeTest {

  @Test
  void prefixYearNumberIsReadable() {
    assertThat(KassenzeichenScheme.PREFIX_YEAR_NUMBER.format("EF", 2026, 42))
        .isEqualTo("EF-2026-000042");
    assertThat(KassenzeichenScheme.PREFIX_YEAR_NUMBER.accepts("EF")).isTrue();
    assertThat(KassenzeichenScheme.PREFIX_YEAR_NUMBER.accepts("ef-1")).isFalse();
  }

  @Test
  void numericSchemeEndsWithALuhnCheckDigitThatCatchesATypo() {
    String kassenzeichen = KassenzeichenScheme.NUMERIC_CHECK_DIGIT.format("5100", 2026, 42);
    assertThat(kassenzeichen).isEqualTo("51002600000420");
    assertThat(KassenzeichenScheme.luhn("7992739871")).isEqualTo(3);
    String typo =
        kassenzeichen.substring(0, 5)
            + ((kassenzeichen.charAt(5) - '0' + 1) % 10)
            + kassenzeichen.substring(6);
    assertThat(KassenzeichenScheme.luhn(typo.substring(0, 13)))
        .isNotEqualTo(kassenzeichen.charAt(13) - '0');
    assertThat(KassenzeichenScheme.NUMERIC_CHECK_DIGIT.accepts("EF")).isFalse();
  }
}
