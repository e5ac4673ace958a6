package de.amtsweg.tenancy;

import java.util.regex.Pattern;

/** Checks tenant colours: hex notation, and enough contrast for white text (WCAG 2.2, 1.4.3). */
public final class Colours {

  private static final Pattern HEX = Pattern.compile("#[0-9a-fA-F]{6}");

  /** WCAG AA for normal text. */
  public static final double MINIMUM_CONTRAST = 4.5;

  private Colours() {}

  public static boolean isHex(String colour) {
    return HEX.matcher(colour).matches();
  }

  /** Contrast ratio of white on this colour, from 1 (white) to 21 (black). */
  public static double contrastWithWhite(String hexColour) {
    int rgb = Integer.parseInt(hexColour.substring(1), 16);
    double luminance =
        0.2126 * channel(rgb >> 16) + 0.7152 * channel(rgb >> 8) + 0.0722 * channel(rgb);
    return 1.05 / (luminance + 0.05);
  }

  private static double channel(int value) {
    double c = (value & 0xff) / 255.0;
    return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
  }
}
