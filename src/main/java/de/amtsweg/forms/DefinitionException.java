package de.amtsweg.forms;

import de.amtsweg.platform.ProblemException;
import java.util.List;
import org.springframework.http.HttpStatus;

/** A definition that cannot be loaded; every problem names its place. */
public class DefinitionException extends ProblemException {

  /**
   * One thing wrong with a definition.
   *
   * @param place where, e.g. {@code steps[1].fields[2] (rasse)}
   * @param key message key under {@code forms.definition.}
   * @param arguments arguments of the message
   */
  public record Problem(String place, String key, List<String> arguments) {

    public Problem {
      arguments = List.copyOf(arguments);
    }

    public String messageKey() {
      return "forms.definition." + key;
    }

    @Override
    public String toString() {
      return place + ": " + key + " " + arguments;
    }
  }

  private final List<Problem> problems;

  public DefinitionException(List<Problem> problems) {
    super(HttpStatus.UNPROCESSABLE_CONTENT, "invalid-app-definition", problems.size());
    this.problems = List.copyOf(problems);
  }

  public List<Problem> problems() {
    return problems;
  }

  @Override
  public String getMessage() {
    return "invalid Antrags-App definition: " + problems;
  }
}
