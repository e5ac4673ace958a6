package de.amtsweg.forms;

import de.amtsweg.platform.ProblemException;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import org.springframework.http.HttpStatus;

/**
 * A file the FIM import cannot read: not XML, a DTD (refused for safety), not XDatenfelder, a
 * version other than 2.0, a message other than a Stammdatenschema, or an unreadable Genericode code
 * list. {@link #getMessage()} is the German text of the problem, so editors see what to do.
 */
public class FimImportException extends ProblemException {

  /** The bytes are not well-formed XML. */
  public static final String UNREADABLE = "fim-unreadable";

  /** The document declares a DTD; refused so that no entity can be expanded or fetched. */
  public static final String DOCTYPE = "fim-doctype-refused";

  /** Well-formed XML, but not an XDatenfelder document. */
  public static final String NOT_XDATENFELDER = "fim-not-xdatenfelder";

  /** XDatenfelder, but 1.0 or 3.0 instead of 2.0. */
  public static final String UNSUPPORTED_VERSION = "fim-unsupported-version";

  /** XDatenfelder 2.0, but not a Stammdatenschema message (e.g. a single Datenfeldgruppe). */
  public static final String NOT_A_SCHEMA = "fim-not-a-schema";

  /** A supplied code list is not Genericode 1.0. */
  public static final String CODE_LIST_UNREADABLE = "fim-code-list-unreadable";

  /** The file is larger than the import accepts. */
  public static final String TOO_LARGE = "fim-too-large";

  FimImportException(String type, Object... arguments) {
    super(HttpStatus.UNPROCESSABLE_CONTENT, type, arguments);
  }

  /** The problem in the given language, as the message bundles word it. */
  public String text(Locale locale) {
    return FimImport.message("problem." + type() + ".detail", locale, detailArguments());
  }

  @Override
  public String getMessage() {
    try {
      return text(Locale.GERMAN);
    } catch (MissingResourceException e) {
      return type();
    }
  }

  static String format(ResourceBundle bundle, String key, Object... arguments) {
    return new MessageFormat(bundle.getString(key), Locale.GERMAN).format(arguments);
  }
}
