package de.amtsweg.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class SupportedLocaleResolverTest {

  @Test
  void picksTheBestSupportedLanguageFromAcceptLanguage() {
    assertThat(SupportedLocaleResolver.fromAcceptLanguage("en-US,en;q=0.9,de;q=0.8"))
        .isEqualTo(Locale.ENGLISH);
    assertThat(SupportedLocaleResolver.fromAcceptLanguage("fr-FR,en;q=0.5"))
        .isEqualTo(Locale.ENGLISH);
    assertThat(SupportedLocaleResolver.fromAcceptLanguage("de-AT")).isEqualTo(Locale.GERMAN);
  }

  @Test
  void fallsBackToGerman() {
    assertThat(SupportedLocaleResolver.fromAcceptLanguage(null)).isEqualTo(Locale.GERMAN);
    assertThat(SupportedLocaleResolver.fromAcceptLanguage("fr, es")).isEqualTo(Locale.GERMAN);
    assertThat(SupportedLocaleResolver.fromAcceptLanguage(";;;q=x")).isEqualTo(Locale.GERMAN);
  }
}
