package de.amtsweg.forms;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** A text in German and, optionally, English; German is the fallback. */
public record Text(String de, @Nullable String en) {

  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public static Text of(String de) {
    return new Text(de, null);
  }

  /** The text in the given language, German when there is no translation. */
  public String in(Locale locale) {
    return "en".equals(locale.getLanguage()) && en != null && !en.isBlank() ? en : de;
  }

  @Override
  public String toString() {
    return de;
  }
}
