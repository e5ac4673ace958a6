package de.amtsweg.platform;

/**
 * Which characters text from outside may contain. Refused: control characters (except tab, line
 * feed and carriage return where a multi-line text allows them), Unicode non-characters
 * (U+FDD0–U+FDEF and every U+xxFFFE/U+xxFFFF) and lone surrogates. They are never part of what a
 * person types, PostgreSQL refuses NUL, and the PDF and XML writers fail on them.
 */
public final class SafeText {

  private SafeText() {}

  /** Whether the text is fine on one line (no line breaks, no tab). */
  public static boolean isSafeLine(String text) {
    return firstUnsafe(text, false) < 0;
  }

  /** Whether the text is fine as multi-line text (tab, line feed and carriage return allowed). */
  public static boolean isSafe(String text) {
    return firstUnsafe(text, true) < 0;
  }

  /**
   * The index of the first character that is refused, or -1.
   *
   * @param multiLine whether tab, line feed and carriage return are allowed
   */
  public static int firstUnsafe(String text, boolean multiLine) {
    for (int i = 0; i < text.length(); ) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c)) {
        if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
          return i;
        }
        int codePoint = text.codePointAt(i);
        if (nonCharacter(codePoint)) {
          return i;
        }
        i += 2;
        continue;
      }
      if (Character.isLowSurrogate(c) || nonCharacter(c) || control(c, multiLine)) {
        return i;
      }
      i++;
    }
    return -1;
  }

  /**
   * The text without the characters {@link #firstUnsafe} refuses (for what must be stored anyway).
   */
  public static String strip(String text, boolean multiLine) {
    if (firstUnsafe(text, multiLine) < 0) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); ) {
      int codePoint = text.codePointAt(i);
      int width = Character.charCount(codePoint);
      String one = text.substring(i, i + width);
      if (firstUnsafe(one, multiLine) < 0) {
        out.append(one);
      }
      i += width;
    }
    return out.toString();
  }

  private static boolean control(char c, boolean multiLine) {
    if (c == '\t' || c == '\n' || c == '\r') {
      return !multiLine;
    }
    return Character.isISOControl(c);
  }

  private static boolean nonCharacter(int codePoint) {
    return (codePoint >= 0xFDD0 && codePoint <= 0xFDEF) || (codePoint & 0xFFFE) == 0xFFFE;
  }
}
