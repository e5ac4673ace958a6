package de.amtsweg.platform.web;

import de.amtsweg.platform.ProblemException;
import de.amtsweg.platform.SafeText;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.Collection;
import java.util.Map;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.HttpStatus;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;

/**
 * Refuses characters nobody types ({@link SafeText}) in the text of JSON request bodies: every
 * string of a record (also in lists and nested records) is checked after it was read, before a
 * controller sees it. Free-form maps (the answers of an Antrag) are left to their own validation,
 * which names the field (422).
 */
@ControllerAdvice
class SafeBodyAdvice extends RequestBodyAdviceAdapter {

  @Override
  public boolean supports(
      MethodParameter parameter,
      Type targetType,
      Class<? extends HttpMessageConverter<?>> converterType) {
    return parameter.getParameterType().isRecord();
  }

  @Override
  public Object afterBodyRead(
      Object body,
      HttpInputMessage inputMessage,
      MethodParameter parameter,
      Type targetType,
      Class<? extends HttpMessageConverter<?>> converterType) {
    if (!isSafe(body, 0)) {
      throw new InvalidCharacters();
    }
    return body;
  }

  /** Text with characters nobody types. */
  static final class InvalidCharacters extends ProblemException {
    InvalidCharacters() {
      super(HttpStatus.BAD_REQUEST, "invalid-characters");
    }
  }

  private static boolean isSafe(Object value, int depth) {
    if (depth > 10) {
      return true;
    }
    if (value instanceof String text) {
      return SafeText.isSafe(text);
    }
    if (value instanceof Collection<?> items) {
      return items.stream().allMatch(item -> item == null || isSafe(item, depth + 1));
    }
    if (value instanceof Map<?, ?>) {
      return true;
    }
    if (value.getClass().isRecord()) {
      for (RecordComponent component : value.getClass().getRecordComponents()) {
        try {
          // Request records are often package-private in their controller's package.
          java.lang.reflect.Method accessor = component.getAccessor();
          org.springframework.util.ReflectionUtils.makeAccessible(accessor);
          Object part = accessor.invoke(value);
          if (part != null && !isSafe(part, depth + 1)) {
            return false;
          }
        } catch (ReflectiveOperationException e) {
          throw new IllegalStateException(e);
        }
      }
    }
    return true;
  }
}
