package de.amtsweg.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EmbeddingOriginsTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "https://www.erfurt.de",
        "http://localhost:*",
        "http://127.0.0.1:*",
        "https://erfurt.de:8443",
        "http://buergerservice.stadt-jena.de"
      })
  void acceptsSchemeHostAndPort(String origin) {
    assertThat(EmbeddingOrigins.isValid(origin)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "*",
        "https://*.erfurt.de",
        "https://*",
        "*.erfurt.de",
        "www.erfurt.de",
        "ftp://www.erfurt.de",
        "javascript://x",
        "https://www.erfurt.de/",
        "https://www.erfurt.de/buergerservice",
        "https://www.erfurt.de?x=1",
        "https://www.erfurt.de#top",
        "https://user@www.erfurt.de",
        "https://www.erfurt.de:0",
        "https://www.erfurt.de:70000",
        "https://www.erfurt.de:8*",
        "https://-erfurt.de",
        "https://erfurt..de",
        "'self'",
        "https://www.erfurt.de 'unsafe-inline'",
        "https://www.erfurt.de;script-src *",
        "data:"
      })
  void refusesEverythingElse(String origin) {
    assertThat(EmbeddingOrigins.isValid(origin)).isFalse();
  }

  @Test
  void readsOneOriginALineAndNamesTheBadLines() {
    EmbeddingOrigins.Parsed parsed =
        EmbeddingOrigins.parse(
            " HTTPS://WWW.Erfurt.de \n\nhttps://*.erfurt.de\r\nhttp://localhost:*\nhttps://www.erfurt.de");

    assertThat(parsed.origins()).containsExactly("https://www.erfurt.de", "http://localhost:*");
    assertThat(parsed.invalid())
        .containsExactly(new EmbeddingOrigins.Invalid(3, "https://*.erfurt.de"));
  }
}
