package de.amtsweg.forms;

import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Period;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.springframework.expression.EvaluationException;
import org.springframework.expression.Expression;
import org.springframework.expression.ParseException;
import org.springframework.expression.spel.SpelNode;
import org.springframework.expression.spel.ast.CompoundExpression;
import org.springframework.expression.spel.ast.FunctionReference;
import org.springframework.expression.spel.ast.PropertyOrFieldReference;
import org.springframework.expression.spel.ast.VariableReference;
import org.springframework.expression.spel.standard.SpelExpression;
import org.springframework.expression.spel.standard.SpelExpressionParser;
import org.springframework.expression.spel.support.MapAccessor;
import org.springframework.expression.spel.support.SimpleEvaluationContext;

/**
 * Conditions, rules and computed values are Spring Expression Language over the answers, evaluated
 * in a {@link SimpleEvaluationContext}: names read answers (and {@code param.x} the tenant's
 * parameters), a handful of functions ({@code #today()}, {@code #count(list)}, {@code #age(date)},
 * …) are available, and nothing else — no types, constructors, beans or method calls.
 */
final class Expressions {

  /** The functions an expression may call, by name. */
  static final Map<String, Method> FUNCTIONS = functions();

  private static final SpelExpressionParser PARSER = new SpelExpressionParser();
  private static final Map<String, Expression> CACHE = new ConcurrentHashMap<>();

  private Expressions() {}

  /** Parses an expression, or throws {@link ParseException}. */
  static Expression parse(String source) {
    Expression cached = CACHE.get(source);
    if (cached != null) {
      return cached;
    }
    Expression parsed = PARSER.parseExpression(source);
    if (CACHE.size() < 10_000) {
      CACHE.put(source, parsed);
    }
    return parsed;
  }

  /**
   * The answer names an expression reads at its root, e.g. {@code hunde} in {@code #count(hunde) >
   * 1}.
   */
  static Set<String> names(String source) {
    Set<String> names = new LinkedHashSet<>();
    collect(((SpelExpression) parse(source)).getAST(), true, names, new LinkedHashSet<>());
    return names;
  }

  /** Variables and functions the expression uses ({@code #today}), which must all be known. */
  static Set<String> functionsUsed(String source) {
    Set<String> functions = new LinkedHashSet<>();
    collect(((SpelExpression) parse(source)).getAST(), true, new LinkedHashSet<>(), functions);
    return functions;
  }

  private static void collect(
      SpelNode node, boolean atRoot, Set<String> names, Set<String> functions) {
    if (node instanceof PropertyOrFieldReference reference && atRoot) {
      names.add(reference.getName());
    }
    if (node instanceof FunctionReference || node instanceof VariableReference) {
      String text = node.toStringAST();
      int paren = text.indexOf('(');
      functions.add(text.substring(1, paren < 0 ? text.length() : paren));
    }
    for (int i = 0; i < node.getChildCount(); i++) {
      boolean childAtRoot = !(node instanceof CompoundExpression) || i == 0;
      collect(node.getChild(i), childAtRoot, names, functions);
    }
  }

  /** Evaluates an expression against the given root values. */
  static @Nullable Object evaluate(String source, Map<String, ?> root) {
    SimpleEvaluationContext context =
        SimpleEvaluationContext.forPropertyAccessors(new MapAccessor(false))
            .withRootObject(root)
            .build();
    FUNCTIONS.forEach(context::setVariable);
    try {
      return parse(source).getValue(context);
    } catch (EvaluationException e) {
      throw new ExpressionFailedException(source, e);
    }
  }

  static boolean test(String source, Map<String, ?> root) {
    return Boolean.TRUE.equals(evaluate(source, root));
  }

  /** An expression that cannot be evaluated against these answers (a definition error). */
  static final class ExpressionFailedException extends RuntimeException {
    ExpressionFailedException(String source, Throwable cause) {
      super("cannot evaluate '" + source + "': " + cause.getMessage(), cause);
    }
  }

  private static Map<String, Method> functions() {
    try {
      return Map.of(
          "today", Expressions.class.getDeclaredMethod("today"),
          "count", Expressions.class.getDeclaredMethod("count", Object.class),
          "sum", Expressions.class.getDeclaredMethod("sum", Object.class, String.class),
          "countWhere",
              Expressions.class.getDeclaredMethod(
                  "countWhere", Object.class, String.class, Object.class),
          "age", Expressions.class.getDeclaredMethod("age", Object.class),
          "contains", Expressions.class.getDeclaredMethod("contains", Object.class, Object.class),
          "filled", Expressions.class.getDeclaredMethod("filled", Object.class),
          "daysBetween",
              Expressions.class.getDeclaredMethod("daysBetween", Object.class, Object.class));
    } catch (NoSuchMethodException e) {
      throw new IllegalStateException(e);
    }
  }

  // The functions below are called reflectively by SpEL.

  static LocalDate today() {
    return LocalDate.now(java.time.ZoneId.of("Europe/Berlin"));
  }

  static int count(@Nullable Object list) {
    return list instanceof Collection<?> c ? c.size() : 0;
  }

  static BigDecimal sum(@Nullable Object list, String field) {
    BigDecimal sum = BigDecimal.ZERO;
    if (list instanceof Collection<?> c) {
      for (Object item : c) {
        if (item instanceof Map<?, ?> m && m.get(field) instanceof BigDecimal value) {
          sum = sum.add(value);
        }
      }
    }
    return sum;
  }

  static int countWhere(@Nullable Object list, String field, @Nullable Object value) {
    if (!(list instanceof Collection<?> c)) {
      return 0;
    }
    int n = 0;
    for (Object item : c) {
      // A list of values counts the items whose answer is one of them: #countWhere(hunde,
      // 'rasse', {'bullterrier', 'pitbull-terrier'}).
      if (item instanceof Map<?, ?> m
          && (value instanceof Collection<?> values && !(m.get(field) instanceof Collection<?>)
              ? values.contains(m.get(field))
              : java.util.Objects.equals(m.get(field), value))) {
        n++;
      }
    }
    return n;
  }

  static @Nullable Integer age(@Nullable Object birthDate) {
    return birthDate instanceof LocalDate date ? Period.between(date, today()).getYears() : null;
  }

  static boolean contains(@Nullable Object list, @Nullable Object value) {
    return list instanceof Collection<?> c && c.contains(value);
  }

  static boolean filled(@Nullable Object value) {
    return switch (value) {
      case null -> false;
      case String s -> !s.isBlank();
      case Collection<?> c -> !c.isEmpty();
      case Map<?, ?> m -> m.values().stream().anyMatch(Expressions::filled);
      default -> true;
    };
  }

  static @Nullable Long daysBetween(@Nullable Object from, @Nullable Object to) {
    return from instanceof LocalDate a && to instanceof LocalDate b
        ? java.time.temporal.ChronoUnit.DAYS.between(a, b)
        : null;
  }

  static List<String> functionNames() {
    return FUNCTIONS.keySet().stream().sorted().toList();
  }
}
