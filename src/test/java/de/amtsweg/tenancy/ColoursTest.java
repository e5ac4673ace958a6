package de.amtsweg.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ColoursTest {

  @Test
  void contrastWithWhiteFollowsWcag() {
    assertThat(Colours.contrastWithWhite("#000000")).isCloseTo(21.0, within(0.01));
    assertThat(Colours.contrastWithWhite("#ffffff")).isCloseTo(1.0, within(0.01));
    assertThat(Colours.contrastWithWhite("#767676")).isCloseTo(4.54, within(0.01));
  }

  @Test
  void everyDemoColourIsDarkEnoughForWhiteText() {
    for (String colour :
        new String[] {"#a6002c", "#b0061d", "#004d87", "#1e5b38", "#7a1f2b", "#2d4a8a"}) {
      assertThat(Colours.contrastWithWhite(colour))
          .as(colour)
          .isGreaterThanOrEqualTo(Colours.MINIMUM_CONTRAST);
    }
  }

  @Test
  void onlyHexNotationIsAccepted() {
    assertThat(Colours.isHex("#00ff7A")).isTrue();
    assertThat(Colours.isHex("red")).isFalse();
    assertThat(Colours.isHex("#fff")).isFalse();
    assertThat(Colours.isHex("#00ff7a; } body { display:none")).isFalse();
  }
}
