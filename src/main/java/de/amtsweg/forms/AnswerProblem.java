package de.amtsweg.forms;

import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * What is wrong with one answer. Either a built-in check ({@code key} under {@code forms.answer.},
 * arguments may be {@link Text}s that are resolved in the reader's language), a rule of the
 * definition ({@code text}), or a built-in check the definition words for its question (both: the
 * {@code text} is what people read, the {@code key} what programs can rely on).
 *
 * @param path where, e.g. {@code hunde[1].rasse} or {@code anschrift.postcode}; empty for the whole
 *     step
 */
public record AnswerProblem(
    String path, @Nullable String key, List<Object> arguments, @Nullable Text text) {

  public AnswerProblem {
    arguments = List.copyOf(arguments);
  }

  static AnswerProblem of(String path, String key, Object... arguments) {
    return new AnswerProblem(path, key, List.of(arguments), null);
  }

  static AnswerProblem rule(String path, Text text) {
    return new AnswerProblem(path, null, List.of(), text);
  }

  /** The same problem told in the question's own words (the key stays, for the API). */
  public AnswerProblem withText(Text own) {
    return new AnswerProblem(path, key, arguments, own);
  }

  public @Nullable String messageKey() {
    return key == null ? null : "forms.answer." + key;
  }

  /** The arguments with texts in the reader's language. */
  public Object[] arguments(Locale locale) {
    return arguments.stream().map(a -> a instanceof Text t ? t.in(locale) : a).toArray();
  }

  /** The HTML id of the input this problem belongs to. */
  public String inputId() {
    return inputId(path);
  }

  /** {@code hunde[1].rasse} becomes {@code f-hunde-1-rasse}. */
  public static String inputId(String path) {
    return path.isEmpty() ? "f" : "f-" + path.replaceAll("[\\[\\]. ]+", "-").replaceAll("-$", "");
  }
}
