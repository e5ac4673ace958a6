package de.amtsweg.forms;

import de.amtsweg.forms.AppDefinition.Computed;
import de.amtsweg.forms.AppDefinition.Field;
import de.amtsweg.forms.AppDefinition.Option;
import de.amtsweg.forms.AppDefinition.Rule;
import de.amtsweg.forms.AppDefinition.Step;
import de.amtsweg.platform.SafeText;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.iban4j.Iban4jException;
import org.iban4j.IbanUtil;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Evaluates answers against a definition: which steps and fields are visible, whether each visible
 * answer is valid, the computed values (e.g. the fee), and the normalized answer document. The HTML
 * flow and the API use the same engine, so the same answers get the same verdict.
 *
 * <p>Answers come as a JSON-like tree: strings (from HTML forms, always), numbers, booleans, lists
 * (multiple choice, files, repeatable groups) and maps (addresses, group items). Empty strings
 * count as not answered. Hidden fields are ignored and left out of the normalized document.
 *
 * <p>Longer than 600 lines on purpose: it is one algorithm, a single pass over the definition in
 * which visibility, validation, normalisation and computed values depend on each other (a computed
 * value can hide a field, a hidden field drops out of the computation); split, each part would
 * repeat the walk and its state.
 */
public final class FormEngine {

  private static final Logger log = LoggerFactory.getLogger(FormEngine.class);

  static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]{2,}$");
  static final Pattern PHONE = Pattern.compile("^\\+?[0-9][0-9 ()/-]{4,30}$");
  static final Pattern POSTCODE = Pattern.compile("^[0-9]{5}$");
  private static final DateTimeFormatter GERMAN_DATE = DateTimeFormatter.ofPattern("d.M.uuuu");

  /** The parts of a postal address, in the order people fill them in. */
  public static final List<String> ADDRESS_PARTS =
      List.of("street", "houseNumber", "postcode", "city");

  private final AppDefinition app;
  private final Map<String, Object> parameters;
  private final Map<String, ?> answers;
  private final Scope root;
  private final Map<String, Boolean> stepVisibility = new HashMap<>();
  private final Set<String> evaluating = new HashSet<>();

  private FormEngine(AppDefinition app, Map<String, ?> parameters, Map<String, ?> answers) {
    this.app = app;
    this.parameters = Map.copyOf(parameters);
    this.answers = answers;
    this.root = new Scope(null, null, answers);
  }

  /**
   * @param parameters the tenant's parameter values (missing ones take the definition's default)
   * @param answers the raw answers
   */
  public static FormEngine evaluate(
      AppDefinition app, Map<String, ?> parameters, Map<String, ?> answers) {
    Map<String, Object> effective = new LinkedHashMap<>();
    for (var parameter : app.parameters()) {
      Object value =
          parameters.containsKey(parameter.id())
              ? parameters.get(parameter.id())
              : parameter.defaultValue();
      if (value != null) {
        effective.put(
            parameter.id(),
            "money".equals(parameter.type()) || "number".equals(parameter.type())
                ? new BigDecimal(value.toString())
                : value);
      }
    }
    return new FormEngine(app, effective, answers);
  }

  public AppDefinition app() {
    return app;
  }

  // --- visibility ---

  public boolean visible(Step step) {
    Boolean known = stepVisibility.get(step.id());
    if (known != null) {
      return known;
    }
    String show = step.show();
    boolean visible = show == null || guarded("step:" + step.id(), () -> test(show, root));
    stepVisibility.put(step.id(), visible);
    return visible;
  }

  /** Whether a top-level field is shown. */
  public boolean visible(Field field) {
    return root.visible(field);
  }

  /** Whether a field of a group's item is shown. */
  public boolean visible(Field group, int index, Field child) {
    return visible(group) && itemScope(group, index).visible(child);
  }

  public boolean required(Field field) {
    return root.required(field);
  }

  public boolean required(Field group, int index, Field child) {
    return itemScope(group, index).required(child);
  }

  /**
   * The questions whose answers decide whether another question is shown or required (directly or
   * through a computed value): the ones whose change must update the page at once. Ids of questions
   * at the top level and of questions inside group items alike.
   */
  public static Set<String> conditionSources(AppDefinition app) {
    Set<String> names = new HashSet<>();
    for (Field field : app.allFields()) {
      for (String expression : new String[] {field.show(), field.requiredIf()}) {
        if (expression != null) {
          sources(app, expression, names, new HashSet<>());
        }
      }
    }
    return names;
  }

  private static void sources(
      AppDefinition app, String expression, Set<String> names, Set<String> computedSeen) {
    for (String name : Expressions.names(expression)) {
      Computed computed =
          app.computed().stream().filter(c -> c.id().equals(name)).findFirst().orElse(null);
      if (computed == null) {
        names.add(name);
      } else if (computedSeen.add(name)) {
        sources(app, computed.value(), names, computedSeen);
      }
    }
  }

  /** The visible steps in order: the pages the applicant walks through. */
  public List<Step> visibleSteps() {
    return app.steps().stream().filter(this::visible).toList();
  }

  /** How many items a group currently has (at least its minimum, at least one if required). */
  public int itemCount(Field group) {
    Object raw = answers.get(group.id());
    return raw instanceof List<?> list ? list.size() : 0;
  }

  // --- validation ---

  /** Problems with the answers of one step; none when the step is hidden. */
  public List<AnswerProblem> problems(Step step) {
    List<AnswerProblem> problems = new ArrayList<>();
    if (!visible(step)) {
      return problems;
    }
    for (Field field : step.fields()) {
      if (visible(field)) {
        root.validate(field, field.id(), problems);
      }
    }
    if (problems.isEmpty()) {
      for (Rule rule : step.rules()) {
        if (!ruleHolds(rule, root)) {
          problems.add(
              AnswerProblem.rule(rule.field() == null ? "" : rule.field(), rule.message()));
        }
      }
    }
    return problems;
  }

  /** Problems with all answers, step by step. */
  public List<AnswerProblem> problems() {
    return app.steps().stream().flatMap(s -> problems(s).stream()).toList();
  }

  /** Problems with the declarations: each one must be confirmed. */
  public List<AnswerProblem> declarationProblems(Collection<String> confirmed) {
    return app.declarations().stream()
        .filter(d -> !confirmed.contains(d.id()))
        .map(
            d -> {
              AnswerProblem problem =
                  AnswerProblem.of("declaration-" + d.id(), "declaration", d.text());
              return d.error() == null ? problem : problem.withText(d.error());
            })
        .toList();
  }

  /**
   * The built-in problems (keys under {@code forms.answer.}) a person can meet at this question
   * through the form, given its type and what it declares: the keys its own {@code errors} can
   * word. Problems of the JSON shape (API only) are not among them.
   */
  public static Set<String> problemKeys(Field field) {
    Set<String> keys = new LinkedHashSet<>();
    boolean required = field.required() || field.requiredIf() != null;
    FieldType type = field.type();
    if (type == FieldType.GROUP) {
      if (field.required() || (field.minItems() != null && field.minItems() > 0)) {
        keys.add("items-min");
      }
      keys.add("items-max");
      return keys;
    }
    if (EnumSet.of(
            FieldType.TEXT,
            FieldType.LONGTEXT,
            FieldType.EMAIL,
            FieldType.PHONE,
            FieldType.IBAN,
            FieldType.CHOICE,
            FieldType.ADDRESS)
        .contains(type)) {
      keys.add("characters");
    }
    if (required && type != FieldType.ADDRESS) {
      keys.add(type == FieldType.FILE ? "file-required" : "required");
    }
    switch (type) {
      case TEXT, LONGTEXT, EMAIL, PHONE -> {
        if (type == FieldType.EMAIL || type == FieldType.PHONE) {
          keys.add(type == FieldType.EMAIL ? "email" : "phone");
        }
        keys.add("max-length");
        if (field.minLength() != null) {
          keys.add("min-length");
        }
      }
      case CHOICE, MULTICHOICE -> keys.add("choice");
      case IBAN -> keys.add("iban");
      case NUMBER, MONEY -> {
        keys.add(type == FieldType.MONEY ? "money" : "number");
        if (field.integer()) {
          keys.add("integer");
        }
        if (field.min() != null || type == FieldType.MONEY) {
          keys.add("min");
        }
        if (field.max() != null) {
          keys.add("max");
        }
      }
      case DATE -> keys.add("date");
      case YESNO -> keys.add("yesno");
      case ADDRESS -> {
        // An address that is begun is checked part by part, required or not.
        ADDRESS_PARTS.forEach(part -> keys.add("address-" + part));
        keys.add("max-length");
        keys.add("postcode");
      }
      case FILE -> keys.addAll(List.of("file-count", "file-type", "file-size"));
      default -> throw new IllegalStateException("unknown type " + type);
    }
    return keys;
  }

  /**
   * Of the {@link #problemKeys problems} of a question, those its own declarations and its type's
   * format lead to: an answer missing, too short or long, too small or large, not a date, amount,
   * e-mail address, phone number, IBAN or postcode. A shipped app words each of them for its
   * question. Left to the general messages, which name the question: characters a keyboard does not
   * type, a choice that was not offered (only a forged form sends one), a file's format, size and
   * count (they name the file), and lengths, amounts and item counts the question does not declare.
   */
  public static Set<String> constraintKeys(Field field) {
    Set<String> keys = new LinkedHashSet<>(problemKeys(field));
    keys.removeAll(Set.of("characters", "choice", "yesno", "file-count", "file-type", "file-size"));
    if (field.maxLength() == null || field.type() == FieldType.ADDRESS) {
      keys.remove("max-length");
    }
    if (field.min() == null) {
      keys.remove("min");
    }
    if (field.maxItems() == null) {
      keys.remove("items-max");
    }
    return keys;
  }

  /**
   * Whether the question a problem's path points to ({@code name}, {@code anschrift.postcode},
   * {@code hunde[1].erlaubnis}) is shown with these answers. The step pages report problems only
   * for questions the applicant has seen.
   */
  public boolean visibleAt(String path) {
    java.util.regex.Matcher item = ITEM_PATH.matcher(path);
    if (item.matches()) {
      Field group = app.field(item.group(1)).orElse(null);
      Field child = group == null ? null : group.child(item.group(3)).orElse(null);
      return group != null
          && child != null
          && visible(group, Integer.parseInt(item.group(2)), child);
    }
    String id = path.contains(".") ? path.substring(0, path.indexOf('.')) : path;
    return app.field(id).map(this::visible).orElse(true);
  }

  private static final Pattern ITEM_PATH = Pattern.compile("^(\\w+)\\[(\\d+)]\\.(\\w+).*$");

  // --- results ---

  /** The visible answers, typed and normalized (dates as ISO strings, amounts as decimals). */
  public Map<String, Object> normalized() {
    Map<String, Object> document = new LinkedHashMap<>();
    for (Step step : visibleSteps()) {
      for (Field field : step.fields()) {
        if (visible(field)) {
          Object value = root.normalized(field);
          if (value != null) {
            document.put(field.id(), value);
          }
        }
      }
    }
    return document;
  }

  /** The computed values, by id; a value that cannot be computed yet is absent. */
  public Map<String, Object> computed() {
    Map<String, Object> values = new LinkedHashMap<>();
    for (Computed computed : app.computed()) {
      Object value = root.get(computed.id());
      if (value != null) {
        values.put(computed.id(), value);
      }
    }
    return values;
  }

  /**
   * The fee the answers lead to, if the app charges one (zero when exempt); null when it cannot be
   * computed yet.
   */
  public @Nullable BigDecimal fee() {
    FeeAssessment fee = assessFee();
    return fee == null ? null : fee.amount();
  }

  /**
   * What the answers cost.
   *
   * @param amount the fee in euros, two decimals; zero when an exemption applies
   * @param exemption the reason of the exemption that applies, if one does
   * @param legalBasis the legal basis of the fee (the app's when the fee names none)
   */
  public record FeeAssessment(
      BigDecimal amount, @Nullable Text exemption, @Nullable Text legalBasis) {

    /** The amount in cents, as payments carry it. */
    public long cents() {
      return amount.movePointRight(2).longValueExact();
    }
  }

  /**
   * Assesses the fee; null when the app charges none or the answers do not determine it yet. A
   * tenant's own amounts reach it as the app's parameters.
   */
  public @Nullable FeeAssessment assessFee() {
    AppDefinition.Fee fee = app.fee();
    if (fee == null) {
      return null;
    }
    Text legalBasis = fee.legalBasis() != null ? fee.legalBasis() : app.legalBasis();
    for (AppDefinition.Exemption exemption : fee.exemptions()) {
      if (test(exemption.when(), root)) {
        return new FeeAssessment(BigDecimal.ZERO.setScale(2), exemption.reason(), legalBasis);
      }
    }
    BigDecimal amount;
    if (fee.computed() != null) {
      amount = decimal(root.get(fee.computed()));
    } else {
      BigDecimal unit = decimal(evaluateQuietly(fee.amount()));
      BigDecimal units =
          fee.units() == null ? BigDecimal.ONE : decimal(evaluateQuietly(fee.units()));
      amount = unit == null || units == null ? null : unit.multiply(units);
    }
    if (amount == null || amount.signum() < 0) {
      return null;
    }
    return new FeeAssessment(amount.setScale(2, RoundingMode.HALF_UP), null, legalBasis);
  }

  private @Nullable Object evaluateQuietly(@Nullable String expression) {
    if (expression == null) {
      return null;
    }
    try {
      return Expressions.evaluate(expression, root);
    } catch (Expressions.ExpressionFailedException e) {
      log.warn("Antrags-App {}: fee not computable yet: {}", app.id(), e.getMessage());
      return null;
    }
  }

  private static @Nullable BigDecimal decimal(@Nullable Object value) {
    return switch (value) {
      case BigDecimal d -> d;
      case Integer i -> BigDecimal.valueOf(i);
      case Long l -> BigDecimal.valueOf(l);
      case Number n -> new BigDecimal(n.toString());
      case null, default -> null;
    };
  }

  public Map<String, Object> parameters() {
    return parameters;
  }

  /** The typed value of a top-level field, or null. */
  public @Nullable Object value(Field field) {
    return root.typed(field);
  }

  // --- internals ---

  private Scope itemScope(Field group, int index) {
    Object raw = answers.get(group.id());
    Map<String, ?> item =
        raw instanceof List<?> list && index < list.size() && list.get(index) instanceof Map<?, ?> m
            ? cast(m)
            : Map.of();
    return new Scope(root, group, item);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, ?> cast(Map<?, ?> map) {
    return (Map<String, ?>) map;
  }

  private boolean guarded(String node, java.util.function.BooleanSupplier supplier) {
    if (!evaluating.add(node)) {
      return false; // the loader refuses cycles; this only guards against a corrupt definition
    }
    try {
      return supplier.getAsBoolean();
    } finally {
      evaluating.remove(node);
    }
  }

  private boolean test(String expression, Scope scope) {
    try {
      return Expressions.test(expression, scope);
    } catch (Expressions.ExpressionFailedException e) {
      log.warn("Antrags-App {}: {}", app.id(), e.getMessage());
      return false;
    }
  }

  private boolean ruleHolds(Rule rule, Scope scope) {
    try {
      Object result = Expressions.evaluate(rule.check(), scope);
      return !Boolean.FALSE.equals(result);
    } catch (Expressions.ExpressionFailedException e) {
      log.warn("Antrags-App {}: rule not applicable: {}", app.id(), e.getMessage());
      return true;
    }
  }

  /**
   * The names an expression can read: at the top level the answers, computed values and {@code
   * param}; inside a group item also the item's fields. Hidden fields read as null.
   */
  private final class Scope extends AbstractMap<String, @Nullable Object> {

    private final @Nullable Scope parent;
    private final @Nullable Field group;
    private final Map<String, ?> raw;
    private final Map<String, Boolean> visibility = new HashMap<>();

    Scope(@Nullable Scope parent, @Nullable Field group, Map<String, ?> raw) {
      this.parent = parent;
      this.group = group;
      this.raw = raw;
    }

    private @Nullable Field own(String name) {
      if (group != null) {
        return group.child(name).orElse(null);
      }
      return app.field(name).orElse(null);
    }

    @Override
    public boolean containsKey(Object key) {
      if (!(key instanceof String name)) {
        return false;
      }
      return own(name) != null
          || (parent == null
              && ("param".equals(name)
                  || app.computed().stream().anyMatch(c -> c.id().equals(name))))
          || (parent != null && parent.containsKey(name));
    }

    @Override
    public @Nullable Object get(Object key) {
      if (!(key instanceof String name)) {
        return null;
      }
      Field field = own(name);
      if (field != null) {
        return visible(field) ? typed(field) : null;
      }
      if (parent != null) {
        return parent.get(name);
      }
      if ("param".equals(name)) {
        return parameters;
      }
      for (Computed computed : app.computed()) {
        if (computed.id().equals(name)) {
          return compute(computed);
        }
      }
      return null;
    }

    @Override
    public Set<Entry<String, @Nullable Object>> entrySet() {
      return Set.of();
    }

    private @Nullable Object compute(Computed computed) {
      if (!evaluating.add("computed:" + computed.id())) {
        return null;
      }
      try {
        Object value = Expressions.evaluate(computed.value(), this);
        if (value instanceof Number number
            && ("money".equals(computed.type()) || "number".equals(computed.type()))) {
          BigDecimal decimal = new BigDecimal(number.toString());
          return "money".equals(computed.type())
              ? decimal.setScale(2, RoundingMode.HALF_UP)
              : decimal;
        }
        return value;
      } catch (Expressions.ExpressionFailedException e) {
        log.warn("Antrags-App {}: {}", app.id(), e.getMessage());
        return null;
      } finally {
        evaluating.remove("computed:" + computed.id());
      }
    }

    boolean visible(Field field) {
      Boolean known = visibility.get(field.id());
      if (known != null) {
        return known;
      }
      boolean visible;
      String show = field.show();
      if (group == null) {
        Step step = app.stepOf(field).orElse(null);
        visible =
            (step == null || FormEngine.this.visible(step))
                && (show == null || guarded(field.id(), () -> test(show, this)));
      } else {
        visible = show == null || guarded(group.id() + "." + field.id(), () -> test(show, this));
      }
      visibility.put(field.id(), visible);
      return visible;
    }

    boolean required(Field field) {
      return field.required() || (field.requiredIf() != null && test(field.requiredIf(), this));
    }

    /** The typed value, or null when absent or not convertible. */
    @Nullable Object typed(Field field) {
      Object value = raw.get(field.id());
      return convert(field, value, field.id(), null);
    }

    @Nullable Object normalized(Field field) {
      Object typed = typed(field);
      if (field.type() == FieldType.GROUP && typed instanceof List<?> items) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
          Scope item = itemScope(field, i);
          Map<String, Object> normalized = new LinkedHashMap<>();
          for (Field child : field.fields()) {
            Object value = item.visible(child) ? item.normalized(child) : null;
            if (value != null) {
              normalized.put(child.id(), value);
            }
          }
          out.add(normalized);
        }
        return out;
      }
      return typed instanceof LocalDate date ? date.toString() : typed;
    }

    /** Validates one answer; the question's own messages replace the general ones. */
    void validate(Field field, String path, List<AnswerProblem> problems) {
      int before = problems.size();
      check(field, path, problems);
      if (field.errors().isEmpty()) {
        return;
      }
      for (int i = before; i < problems.size(); i++) {
        AnswerProblem problem = problems.get(i);
        Text own = problem.key() == null ? null : field.errors().get(problem.key());
        if (own != null
            && problem.text() == null
            && (problem.path().equals(path) || problem.path().startsWith(path + "."))) {
          problems.set(i, problem.withText(own));
        }
      }
    }

    private void check(Field field, String path, List<AnswerProblem> problems) {
      Object value = raw.get(field.id());
      int before = problems.size();
      Object typed = convert(field, value, path, problems);
      if (problems.size() > before) {
        return;
      }
      if (typed == null
          || (typed instanceof Collection<?> c && c.isEmpty() && field.type() != FieldType.GROUP)) {
        if (required(field)) {
          if (field.type() == FieldType.ADDRESS) {
            for (String part : ADDRESS_PARTS) {
              problems.add(AnswerProblem.of(path + "." + part, "address-" + part, field.label()));
            }
          } else {
            problems.add(
                AnswerProblem.of(
                    path,
                    field.type() == FieldType.FILE ? "file-required" : "required",
                    field.label()));
          }
        }
        if (field.type() != FieldType.GROUP) {
          return;
        }
      }
      constraints(field, typed, path, problems);
      if (problems.size() > before) {
        return;
      }
      for (Rule rule : field.rules()) {
        if (!ruleHolds(rule, this)) {
          problems.add(
              AnswerProblem.rule(
                  rule.field() == null ? path : pathOf(rule.field(), path), rule.message()));
        }
      }
    }

    private String pathOf(String sibling, String path) {
      int dot = path.lastIndexOf('.');
      return group != null && dot > 0 ? path.substring(0, dot + 1) + sibling : sibling;
    }

    private void constraints(
        Field field, @Nullable Object typed, String path, List<AnswerProblem> problems) {
      switch (field.type()) {
        case TEXT, LONGTEXT, EMAIL, PHONE -> {
          String text = (String) Objects.requireNonNull(typed, "checked by validate");
          int max =
              field.maxLength() != null
                  ? field.maxLength()
                  : field.type() == FieldType.LONGTEXT ? 5000 : 200;
          if (text.length() > max) {
            problems.add(AnswerProblem.of(path, "max-length", field.label(), max));
          } else if (field.minLength() != null && text.length() < field.minLength()) {
            problems.add(AnswerProblem.of(path, "min-length", field.label(), field.minLength()));
          } else if (field.pattern() != null
              && !Pattern.compile(field.pattern().regex()).matcher(text).matches()) {
            problems.add(AnswerProblem.rule(path, field.pattern().message()));
          }
        }
        case NUMBER, MONEY -> {
          BigDecimal number = (BigDecimal) Objects.requireNonNull(typed, "checked by validate");
          BigDecimal min =
              field.min() != null
                  ? field.min()
                  : field.type() == FieldType.MONEY ? BigDecimal.ZERO : null;
          if (min != null && number.compareTo(min) < 0) {
            problems.add(AnswerProblem.of(path, "min", field.label(), min));
          } else if (field.max() != null && number.compareTo(field.max()) > 0) {
            problems.add(AnswerProblem.of(path, "max", field.label(), field.max()));
          }
        }
        case FILE -> {
          List<?> files = (List<?>) Objects.requireNonNull(typed, "checked by validate");
          if (files.size() > field.maxFilesOrDefault()) {
            problems.add(
                AnswerProblem.of(path, "file-count", field.label(), field.maxFilesOrDefault()));
          }
          for (Object file : files) {
            Map<?, ?> meta = (Map<?, ?>) file;
            if (!field.accept().contains(String.valueOf(meta.get("contentType")))) {
              problems.add(
                  AnswerProblem.of(
                      path,
                      "file-type",
                      String.valueOf(meta.get("name")),
                      field.label(),
                      field.acceptedFormats()));
            } else if (meta.get("size") instanceof Number size
                && size.longValue() > field.maxSizeKbOrDefault() * 1024L) {
              problems.add(
                  AnswerProblem.of(
                      path,
                      "file-size",
                      String.valueOf(meta.get("name")),
                      field.maxSizeKbOrDefault() / 1024.0 >= 1
                          ? (field.maxSizeKbOrDefault() / 1024) + " MB"
                          : field.maxSizeKbOrDefault() + " KB"));
            }
          }
        }
        case GROUP -> {
          int count = typed instanceof List<?> items ? items.size() : 0;
          int min = field.minItems() != null ? field.minItems() : field.required() ? 1 : 0;
          int max = field.maxItems() != null ? field.maxItems() : 20;
          if (count < min) {
            problems.add(AnswerProblem.of(path, "items-min", field.label(), min));
          } else if (count > max) {
            problems.add(AnswerProblem.of(path, "items-max", field.label(), max));
          }
          for (int i = 0; i < count; i++) {
            Scope item = itemScope(field, i);
            for (Field child : field.fields()) {
              if (item.visible(child)) {
                item.validate(child, path + "[" + i + "]." + child.id(), problems);
              }
            }
          }
        }
        default -> {
          // the conversion checked everything a date, choice, address or IBAN can get wrong
        }
      }
    }

    /**
     * Converts a raw answer to its typed value: String, BigDecimal, LocalDate, Boolean, List or
     * Map. Problems are reported only when {@code problems} is given; without it, bad input reads
     * as null.
     */
    private @Nullable Object convert(
        Field field, @Nullable Object value, String path, @Nullable List<AnswerProblem> problems) {
      if (value instanceof String s && s.isBlank()) {
        value = null;
      }
      if (value == null) {
        return field.type() == FieldType.GROUP ? List.of() : null;
      }
      FieldType type = field.type();
      switch (type) {
        case TEXT, LONGTEXT, CHOICE, EMAIL, PHONE, IBAN -> {
          if (!(value instanceof String text)) {
            return fail(problems, path, "type-text", field.label());
          }
          if (!SafeText.isSafe(text)) {
            return fail(problems, path, "characters", field.label());
          }
          text = type == FieldType.LONGTEXT ? text.strip() : text.strip().replaceAll("\\s+", " ");
          if (type == FieldType.CHOICE) {
            String code = text;
            return app.options(field).stream().anyMatch(o -> o.value().equals(code))
                ? code
                : fail(problems, path, "choice", field.label());
          }
          if (type == FieldType.EMAIL && (text.length() > 254 || !EMAIL.matcher(text).matches())) {
            return fail(problems, path, "email", field.label());
          }
          if (type == FieldType.PHONE && !PHONE.matcher(text).matches()) {
            return fail(problems, path, "phone", field.label());
          }
          if (type == FieldType.IBAN) {
            String compact = text.replace(" ", "").toUpperCase(java.util.Locale.ROOT);
            try {
              IbanUtil.validate(compact);
              return compact;
            } catch (Iban4jException | IllegalArgumentException e) {
              return fail(problems, path, "iban", field.label());
            }
          }
          return text;
        }
        case NUMBER, MONEY -> {
          BigDecimal number = number(value);
          if (number == null) {
            return fail(
                problems, path, type == FieldType.MONEY ? "money" : "number", field.label());
          }
          if (type == FieldType.MONEY && number.stripTrailingZeros().scale() > 2) {
            return fail(problems, path, "money", field.label());
          }
          if (field.integer() && number.stripTrailingZeros().scale() > 0) {
            return fail(problems, path, "integer", field.label());
          }
          return type == FieldType.MONEY ? number.setScale(2, RoundingMode.UNNECESSARY) : number;
        }
        case DATE -> {
          LocalDate date = value instanceof String text ? date(text.strip()) : null;
          return date != null ? date : fail(problems, path, "date", field.label());
        }
        case YESNO -> {
          Boolean yes =
              value instanceof Boolean b
                  ? b
                  : switch (String.valueOf(value).strip().toLowerCase(java.util.Locale.ROOT)) {
                    case "true", "ja", "yes" -> Boolean.TRUE;
                    case "false", "nein", "no" -> Boolean.FALSE;
                    default -> null;
                  };
          return yes != null ? yes : fail(problems, path, "yesno", field.label());
        }
        case MULTICHOICE -> {
          List<?> values = value instanceof List<?> l ? l : List.of(value);
          List<String> codes = new ArrayList<>();
          for (Object v : values) {
            String code = v == null ? "" : v.toString();
            if (code.isBlank()) {
              continue;
            }
            if (!(v instanceof String)
                || app.options(field).stream().map(Option::value).noneMatch(code::equals)) {
              return fail(problems, path, "choice", field.label());
            }
            if (!codes.contains(code)) {
              codes.add(code);
            }
          }
          return codes;
        }
        case ADDRESS -> {
          if (!(value instanceof Map<?, ?> map)) {
            return fail(problems, path, "type-address", field.label());
          }
          Map<String, String> address = new LinkedHashMap<>();
          for (String part : ADDRESS_PARTS) {
            Object v = map.get(part);
            String text = v == null ? "" : v.toString().strip().replaceAll("\\s+", " ");
            if (!SafeText.isSafe(text)) {
              if (problems != null) {
                problems.add(AnswerProblem.of(path + "." + part, "characters", field.label()));
              }
              return null;
            }
            if (!text.isEmpty()) {
              address.put(part, text);
            }
          }
          if (address.isEmpty()) {
            return null;
          }
          boolean complete = true;
          for (String part : ADDRESS_PARTS) {
            String text = address.get(part);
            if (text == null) {
              complete = false;
              if (problems != null) {
                problems.add(AnswerProblem.of(path + "." + part, "address-" + part, field.label()));
              }
            } else if (text.length() > 100) {
              complete = false;
              if (problems != null) {
                problems.add(AnswerProblem.of(path + "." + part, "max-length", field.label(), 100));
              }
            }
          }
          if (address.containsKey("postcode")
              && !POSTCODE.matcher(address.get("postcode")).matches()) {
            complete = false;
            if (problems != null) {
              problems.add(AnswerProblem.of(path + ".postcode", "postcode", field.label()));
            }
          }
          return complete ? address : null;
        }
        case FILE -> {
          if (!(value instanceof List<?> files)
              || files.stream().anyMatch(f -> !(f instanceof Map<?, ?> m) || m.get("id") == null)) {
            return fail(problems, path, "type-file", field.label());
          }
          return files;
        }
        case GROUP -> {
          if (!(value instanceof List<?> items)
              || items.stream().anyMatch(i -> !(i instanceof Map<?, ?>))) {
            return fail(problems, path, "type-group", field.label());
          }
          return items.stream().map(i -> typedItem(field, cast((Map<?, ?>) i))).toList();
        }
        default -> throw new IllegalStateException("unknown type " + type);
      }
    }

    /** An item's typed answers; hidden questions read as absent, as at the top level. */
    private Map<String, Object> typedItem(Field group, Map<String, ?> item) {
      Map<String, Object> typed = new LinkedHashMap<>();
      Scope scope = new Scope(root, group, item);
      for (Field child : group.fields()) {
        if (child.show() != null && !scope.visible(child)) {
          continue;
        }
        Object value = convert(child, item.get(child.id()), child.id(), null);
        if (value != null) {
          typed.put(child.id(), value);
        }
      }
      return typed;
    }

    private static @Nullable Object fail(
        @Nullable List<AnswerProblem> problems, String path, String key, Text label) {
      if (problems != null) {
        problems.add(AnswerProblem.of(path, key, label));
      }
      return null;
    }
  }

  /**
   * Reads {@code 1234}, {@code 1234.5}, {@code 1.234,50}, {@code 40.000} (forty thousand) and
   * {@code 12,5}; null if it is no number.
   */
  public static @Nullable BigDecimal number(Object value) {
    if (value instanceof BigDecimal decimal) {
      return decimal;
    }
    if (value instanceof Integer || value instanceof Long) {
      return BigDecimal.valueOf(((Number) value).longValue());
    }
    if (value instanceof Number number) {
      return new BigDecimal(number.toString());
    }
    if (!(value instanceof String s)) {
      return null;
    }
    String text = s.strip().replace(" ", "").replace("\u00a0", "").replace("€", "");
    if (text.contains(",")) {
      text = text.replace(".", "").replace(',', '.');
    } else if (text.indexOf('.') != text.lastIndexOf('.')
        || text.matches("^-?[0-9]{1,3}\\.[0-9]{3}$")) {
      // 1.234.567, and 40.000 as a German reader means it (forty thousand), not 40.0
      text = text.replace(".", "");
    }
    if (!text.matches("^-?[0-9]{1,15}(\\.[0-9]{1,10})?$")) {
      return null;
    }
    return new BigDecimal(text);
  }

  static @Nullable LocalDate date(String text) {
    try {
      return text.contains(".") ? LocalDate.parse(text, GERMAN_DATE) : LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
