package de.amtsweg.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What people type passes; control characters, non-characters and lone surrogates do not. */
class SafeTextTest {

  @Test
  void wordsUmlautsEmojiAndLineBreaksPassWhereAllowed() {
    assertThat(SafeText.isSafeLine("Erika Mustermann, Straße 1 – 99084 Erfurt 😀")).isTrue();
    assertThat(SafeText.isSafe("Erste Zeile\r\nZweite\tZeile")).isTrue();
    assertThat(SafeText.isSafeLine("Erste Zeile\nZweite")).as("one line only").isFalse();
  }

  @Test
  void controlCharactersNonCharactersAndLoneSurrogatesAreRefused() {
    for (String bad :
        new String[] {
          "Er\u0000ika",
          "Er\u0001ika",
          "Er\u007fika",
          "Er\u0085ika",
          "Er\uFFFEika",
          "Er\uFFFFika",
          "Er\uFDD0ika",
          "Er\uD800ika",
          "Er\uDC00ika",
          "Er" + new String(Character.toChars(0x1FFFF))
        }) {
      assertThat(SafeText.isSafe(bad)).as(bad.codePoints().boxed().toList().toString()).isFalse();
      assertThat(SafeText.firstUnsafe(bad, true)).isEqualTo(2);
    }
  }

  @Test
  void strippingKeepsEverythingElse() {
    assertThat(SafeText.strip("Er\u0000ika 😀\uD800!", false)).isEqualTo("Erika 😀!");
    assertThat(SafeText.strip("a\nb", true)).isEqualTo("a\nb");
  }
}
