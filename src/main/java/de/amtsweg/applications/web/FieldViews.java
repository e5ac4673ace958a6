package de.amtsweg.applications.web;

import de.amtsweg.forms.AnswerProblem;
import de.amtsweg.forms.AppDefinition;
import de.amtsweg.forms.AppDefinition.Field;
import de.amtsweg.forms.AppDefinition.Option;
import de.amtsweg.forms.AppDefinition.Step;
import de.amtsweg.forms.Autocomplete;
import de.amtsweg.forms.FieldType;
import de.amtsweg.forms.FormEngine;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;

/**
 * Turns a definition, the raw answers and the problems into what the templates render: one view per
 * field with its current value, options and error, and the rows of the check-your-answers page.
 */
final class FieldViews {

  /** A choice as the template shows it. */
  record OptionView(String value, String label, boolean selected) {}

  /** One item of a repeatable group. */
  record ItemView(
      int index, String heading, List<FieldView> fields, @Nullable String removeAction) {}

  /**
   * One question on a page.
   *
   * @param shown whether the question is asked with the current answers; a question that is not is
   *     still rendered as its empty region, which the page's script fills when an answer shows it
   * @param updates whether its answer decides whether another question is shown or required
   * @param autocomplete the HTML autocomplete token of the applicant's own data it asks for
   * @param width the CSS class that makes the input as wide as the expected answer, if any
   */
  record FieldView(
      boolean shown,
      boolean updates,
      @Nullable String autocomplete,
      @Nullable String width,
      String path,
      String id,
      String type,
      String label,
      @Nullable String help,
      boolean required,
      String value,
      Map<String, String> address,
      List<OptionView> options,
      @Nullable String error,
      List<Map<String, Object>> files,
      List<ItemView> items,
      @Nullable String addAction,
      @Nullable String addLabel,
      @Nullable Integer maxLength,
      boolean radios,
      String accept) {

    public String errorId() {
      return id + "-error";
    }

    /** The id of the element around the question that the page's script replaces. */
    public String regionId() {
      return "r-" + id;
    }

    /** The token of a part of an address ({@code street}, {@code postcode}, …), if any. */
    public @Nullable String autocomplete(String part) {
      return Autocomplete.addressPart(autocomplete, part);
    }

    /** The width class of a part of an address: a Postleitzahl and a Hausnummer are short. */
    public @Nullable String width(String part) {
      return switch (part) {
        case "postcode", "houseNumber" -> "input-width-5";
        default -> null;
      };
    }

    public String hintId() {
      return id + "-hint";
    }

    /** The ids that describe the input: hint and error. */
    public @Nullable String describedBy() {
      String ids =
          ((help != null ? hintId() + " " : "") + (error != null ? errorId() : "")).strip();
      return ids.isEmpty() ? null : ids;
    }
  }

  /** One answer on the check-your-answers page. */
  record Row(String label, List<String> lines, @Nullable String changeUrl, String fieldId) {}

  /** One step's answers on the check-your-answers page. */
  record Section(String title, List<Row> rows, String changeUrl) {}

  private final AppDefinition app;
  private final FormEngine engine;
  private final Map<String, ?> answers;
  private final Map<String, String> errors;
  private final Locale locale;
  private final MessageSource messages;
  private final boolean signedIn;
  private final Set<String> conditionSources;

  /**
   * @param signedIn whether the applicant is signed in with a Servicekonto: some choices are
   *     offered only then (delivery into the Postfach)
   */
  FieldViews(
      AppDefinition app,
      FormEngine engine,
      Map<String, ?> answers,
      List<AnswerProblem> problems,
      Locale locale,
      MessageSource messages,
      boolean signedIn) {
    this.signedIn = signedIn;
    this.conditionSources = FormEngine.conditionSources(app);
    this.app = app;
    this.engine = engine;
    this.answers = answers;
    this.locale = locale;
    this.messages = messages;
    this.errors = new LinkedHashMap<>();
    for (AnswerProblem problem : problems) {
      errors.putIfAbsent(problem.path(), message(problem));
    }
  }

  String message(AnswerProblem problem) {
    return problem.text() != null
        ? problem.text().in(locale)
        : messages.getMessage(
            Objects.requireNonNull(problem.messageKey(), "a problem without text"),
            problem.arguments(locale),
            locale);
  }

  /** Every field of a step: the visible ones to fill in, the others as empty regions. */
  List<FieldView> step(Step step) {
    List<FieldView> views = new ArrayList<>();
    for (Field field : step.fields()) {
      views.add(
          engine.visible(field)
              ? view(field, field.id(), answers.get(field.id()), null, -1)
              : hidden(field, field.id()));
    }
    return views;
  }

  /** A question that is not asked with the current answers: only its place on the page. */
  private FieldView hidden(Field field, String path) {
    return new FieldView(
        false,
        false,
        null,
        null,
        path,
        AnswerProblem.inputId(path),
        field.type().key(),
        field.label().in(locale),
        null,
        false,
        "",
        Map.of(),
        List.of(),
        null,
        List.of(),
        List.of(),
        null,
        null,
        null,
        false,
        "");
  }

  private FieldView view(
      Field field, String path, @Nullable Object raw, @Nullable Field group, int index) {
    String id = AnswerProblem.inputId(path);
    List<OptionView> options = new ArrayList<>();
    String value = raw == null || raw instanceof Map || raw instanceof List ? "" : raw.toString();
    if (field.type() == FieldType.YESNO) {
      value =
          switch (value.toLowerCase(Locale.ROOT)) {
            case "true", "ja", "yes" -> "true";
            case "false", "nein", "no" -> "false";
            default -> "";
          };
      options.add(
          new OptionView(
              "true", messages.getMessage("applications.yes", null, locale), "true".equals(value)));
      options.add(
          new OptionView(
              "false",
              messages.getMessage("applications.no", null, locale),
              "false".equals(value)));
    }
    if (field.type().hasOptions()) {
      List<?> selected =
          raw instanceof List<?> list ? list : raw == null ? List.of() : List.of(raw);
      List<Option> offered =
          app.options(field).stream().filter(o -> o.offeredTo(signedIn)).toList();
      for (var option : offered) {
        // A required choice with one option left for this applicant (the post, when the Postfach
        // needs a Servicekonto) is answered already; the page still shows it.
        options.add(
            new OptionView(
                option.value(),
                option.label().in(locale),
                selected.contains(option.value())
                    || (offered.size() == 1 && selected.isEmpty() && field.required())));
      }
    }
    Map<String, String> address = new LinkedHashMap<>();
    if (field.type() == FieldType.ADDRESS) {
      Map<?, ?> map = raw instanceof Map<?, ?> m ? m : Map.of();
      for (String part : FormEngine.ADDRESS_PARTS) {
        Object v = map.get(part);
        address.put(part, v == null ? "" : v.toString());
      }
    }
    List<Map<String, Object>> files = new ArrayList<>();
    if (field.type() == FieldType.FILE && raw instanceof List<?> list) {
      for (Object file : list) {
        if (file instanceof Map<?, ?> m) {
          Map<String, Object> copy = new LinkedHashMap<>();
          m.forEach((k, v) -> copy.put(String.valueOf(k), v));
          copy.put("removeAction", "remove-file:" + path + ":" + m.get("id"));
          copy.put("sizeText", size(m.get("size")));
          files.add(copy);
        }
      }
    }
    List<ItemView> items = new ArrayList<>();
    String addAction = null;
    String addLabel = null;
    if (field.type() == FieldType.GROUP) {
      List<?> list = raw instanceof List<?> l ? l : List.of();
      int min = field.minItems() != null ? field.minItems() : field.required() ? 1 : 0;
      int count = Math.max(list.size(), min > 0 ? 1 : 0);
      String itemLabel =
          field.itemLabel() != null ? field.itemLabel().in(locale) : field.label().in(locale);
      for (int i = 0; i < count; i++) {
        Map<?, ?> item = i < list.size() && list.get(i) instanceof Map<?, ?> m ? m : Map.of();
        List<FieldView> children = new ArrayList<>();
        for (Field child : field.fields()) {
          String childPath = path + "[" + i + "]." + child.id();
          children.add(
              engine.visible(field, i, child)
                  ? view(child, childPath, item.get(child.id()), field, i)
                  : hidden(child, childPath));
        }
        // The last required item cannot be removed: there would be nothing left to fill in.
        items.add(
            new ItemView(
                i,
                itemLabel + " " + (i + 1),
                children,
                count > min ? "remove:" + path + ":" + i : null));
      }
      int max = field.maxItems() != null ? field.maxItems() : 20;
      if (count < max) {
        addAction = "add:" + path;
        addLabel = messages.getMessage("applications.group.add", new Object[] {itemLabel}, locale);
      }
    }
    boolean required =
        group == null ? engine.required(field) : engine.required(group, index, field);
    return new FieldView(
        true,
        conditionSources.contains(field.id()),
        Autocomplete.of(field, group != null),
        width(field),
        path,
        id,
        field.type().key(),
        field.label().in(locale),
        field.help() == null ? null : field.help().in(locale),
        required,
        value,
        address,
        options,
        errors.get(path),
        files,
        items,
        addAction,
        addLabel,
        field.maxLength(),
        field.type() == FieldType.CHOICE && options.size() <= 6,
        String.join(",", field.accept()));
  }

  /**
   * How wide the input is: as wide as the answer it expects (GOV.UK's fixed-width inputs), so a
   * two-digit number does not sit in a box for a sentence.
   */
  private static @Nullable String width(Field field) {
    return switch (field.type()) {
      case NUMBER ->
          field.integer()
                  && field.max() != null
                  && field.max().compareTo(BigDecimal.valueOf(999)) <= 0
              ? "input-width-3"
              : "input-width-10";
      case MONEY -> "input-width-10";
      case PHONE -> "input-width-20";
      case IBAN -> "input-width-30";
      case TEXT -> {
        Integer max = field.maxLength();
        yield max == null || max > 30
            ? null
            : max <= 5
                ? "input-width-5"
                : max <= 10 ? "input-width-10" : max <= 20 ? "input-width-20" : "input-width-30";
      }
      default -> null;
    };
  }

  /** Field-level errors of address parts live under {@code path.part}. */
  @Nullable String error(String path) {
    return errors.get(path);
  }

  Map<String, String> errors() {
    return errors;
  }

  // --- check your answers ---

  List<Section> summary(String stepUrlPrefix) {
    List<Section> sections = new ArrayList<>();
    for (Step step : engine.visibleSteps()) {
      List<Row> rows = new ArrayList<>();
      String changeUrl = stepUrlPrefix + step.id() + "?zurueck=pruefen";
      for (Field field : step.fields()) {
        if (!engine.visible(field)) {
          continue;
        }
        Object typed = engine.value(field);
        if (field.type() == FieldType.GROUP && typed instanceof List<?> list) {
          String itemLabel =
              field.itemLabel() != null ? field.itemLabel().in(locale) : field.label().in(locale);
          for (int i = 0; i < list.size(); i++) {
            Map<?, ?> item = (Map<?, ?>) list.get(i);
            for (Field child : field.fields()) {
              if (engine.visible(field, i, child)) {
                rows.add(
                    new Row(
                        itemLabel + " " + (i + 1) + ": " + child.label().in(locale),
                        lines(child, item.get(child.id())),
                        changeUrl
                            + "#"
                            + AnswerProblem.inputId(field.id() + "[" + i + "]." + child.id()),
                        AnswerProblem.inputId(field.id() + "[" + i + "]." + child.id())));
              }
            }
          }
        } else {
          rows.add(
              new Row(
                  field.label().in(locale),
                  lines(field, typed),
                  changeUrl + "#" + AnswerProblem.inputId(field.id()),
                  AnswerProblem.inputId(field.id())));
        }
      }
      sections.add(new Section(step.title().in(locale), rows, changeUrl));
    }
    return sections;
  }

  /** An answer as people read it: option labels, Ja/Nein, German dates and amounts. */
  List<String> lines(Field field, @Nullable Object typed) {
    if (typed == null || (typed instanceof List<?> l && l.isEmpty())) {
      return List.of(messages.getMessage("applications.summary.none", null, locale));
    }
    return switch (field.type()) {
      case YESNO ->
          List.of(
              messages.getMessage(
                  Boolean.TRUE.equals(typed) ? "applications.yes" : "applications.no",
                  null,
                  locale));
      case CHOICE -> List.of(optionLabel(field, typed.toString()));
      case MULTICHOICE ->
          ((List<?>) typed).stream().map(v -> optionLabel(field, v.toString())).toList();
      case DATE -> List.of(((LocalDate) typed).format(GERMAN_DATE));
      case MONEY -> List.of(money((BigDecimal) typed, locale));
      case NUMBER -> List.of(NumberFormat.getNumberInstance(locale).format(typed));
      case ADDRESS -> {
        Map<?, ?> a = (Map<?, ?>) typed;
        yield List.of(
            a.get("street") + " " + a.get("houseNumber"), a.get("postcode") + " " + a.get("city"));
      }
      case FILE ->
          ((List<?>) typed).stream().map(f -> String.valueOf(((Map<?, ?>) f).get("name"))).toList();
      case LONGTEXT -> List.of(typed.toString().split("\\R"));
      default -> List.of(typed.toString());
    };
  }

  private String optionLabel(Field field, String code) {
    return app.options(field).stream()
        .filter(o -> o.value().equals(code))
        .map(o -> o.label().in(locale))
        .findFirst()
        .orElse(code);
  }

  /** Dates as people in Germany write them: 12.08.1964. */
  static final DateTimeFormatter GERMAN_DATE = DateTimeFormatter.ofPattern("dd.MM.uuuu");

  static String money(BigDecimal amount, Locale locale) {
    // Fees are in euros whatever the reader's language; German grouping either way.
    return NumberFormat.getCurrencyInstance(Locale.GERMANY).format(amount);
  }

  private static String size(@Nullable Object bytes) {
    long size = bytes instanceof Number n ? n.longValue() : 0;
    return size >= 1024 * 1024
        ? "%.1f MB".formatted(size / 1048576.0)
        : Math.max(1, size / 1024) + " KB";
  }
}
