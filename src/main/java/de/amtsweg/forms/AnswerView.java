package de.amtsweg.forms;

import de.amtsweg.forms.AppDefinition.Field;
import de.amtsweg.forms.AppDefinition.Option;
import de.amtsweg.forms.AppDefinition.Step;
import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;

/**
 * The answers of an Antrag in words, as people read them: every answer as lines (choice labels
 * instead of codes, Ja/Nein, German dates and amounts, addresses on lines, group items numbered),
 * step by step, and the values the app computed. The receipt and the case inbox show the same view.
 *
 * @param sections the steps with their answers
 * @param computed the computed values, except the fee
 * @param feeLabel what the app calls its fee
 */
public record AnswerView(
    List<AnswerView.Section> sections, List<AnswerView.Row> computed, String feeLabel) {

  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.uuuu");

  /** A step of the app with its answers; group items come as blocks with a heading. */
  public record Section(String title, List<Block> blocks) {}

  public record Block(@Nullable String heading, List<Row> rows) {}

  public record Row(String label, List<String> lines) {}

  /**
   * The normalized answers and computed values, filled in on {@code app}, in words of {@code
   * locale}.
   */
  public static AnswerView of(
      AppDefinition app,
      Map<String, Object> answers,
      Map<String, Object> computedValues,
      Locale locale,
      MessageSource messages) {
    Formatter format = new Formatter(app, locale, messages);
    List<Section> sections = new ArrayList<>();
    for (Step step : app.steps()) {
      List<Block> blocks = new ArrayList<>();
      List<Row> rows = new ArrayList<>();
      for (Field field : step.fields()) {
        Object value = answers.get(field.id());
        if (value == null) {
          continue;
        }
        if (field.type() == FieldType.GROUP && value instanceof List<?> items) {
          if (!rows.isEmpty()) {
            blocks.add(new Block(null, rows));
            rows = new ArrayList<>();
          }
          Text itemLabel = field.itemLabel() != null ? field.itemLabel() : field.label();
          for (int i = 0; i < items.size(); i++) {
            List<Row> itemRows = new ArrayList<>();
            if (items.get(i) instanceof Map<?, ?> item) {
              for (Field child : field.fields()) {
                Object childValue = item.get(child.id());
                if (childValue != null) {
                  itemRows.add(new Row(child.label().in(locale), format.lines(child, childValue)));
                }
              }
            }
            blocks.add(new Block(itemLabel.in(locale) + " " + (i + 1), itemRows));
          }
        } else {
          rows.add(new Row(field.label().in(locale), format.lines(field, value)));
        }
      }
      if (!rows.isEmpty()) {
        blocks.add(new Block(null, rows));
      }
      if (!blocks.isEmpty()) {
        sections.add(new Section(step.title().in(locale), blocks));
      }
    }
    List<Row> computed = new ArrayList<>();
    for (var value : app.computed()) {
      Object result = computedValues.get(value.id());
      if (result != null && !isFee(app, value.id())) {
        computed.add(
            new Row(value.label().in(locale), List.of(format.computed(value.type(), result))));
      }
    }
    String feeLabel =
        app.computed().stream()
            .filter(c -> isFee(app, c.id()))
            .findFirst()
            .map(c -> c.label().in(locale))
            .orElseGet(() -> messages.getMessage("receipt.fee", null, locale));
    return new AnswerView(sections, computed, feeLabel);
  }

  /** An amount of euros as people of the language write it: {@code 96,00 €}, {@code €96.00}. */
  public static String money(BigDecimal amount, Locale locale) {
    String number = decimalFormat("#,##0.00", locale).format(amount);
    return english(locale) ? "€" + number : number + " €";
  }

  /** A file size as people read it: {@code 512 B}, {@code 12 KB}, {@code 1,5 MB}. */
  public static String size(long bytes, Locale locale) {
    if (bytes < 1024) {
      return bytes + " B";
    }
    if (bytes < 1024 * 1024) {
      return number(BigDecimal.valueOf(Math.round(bytes / 1024.0)), locale) + " KB";
    }
    return decimalFormat("#,##0.0", locale).format(bytes / (1024.0 * 1024.0)) + " MB";
  }

  private static String number(BigDecimal number, Locale locale) {
    return decimalFormat("#,##0.##########", locale).format(number);
  }

  private static DecimalFormat decimalFormat(String pattern, Locale locale) {
    return new DecimalFormat(
        pattern, DecimalFormatSymbols.getInstance(english(locale) ? Locale.UK : Locale.GERMANY));
  }

  private static boolean english(Locale locale) {
    return "en".equals(locale.getLanguage());
  }

  private static boolean isFee(AppDefinition app, String computedId) {
    return app.fee() != null && computedId.equals(app.fee().computed());
  }

  /** Turns normalized answers into what people read. */
  private record Formatter(AppDefinition app, Locale locale, MessageSource messages) {

    List<String> lines(Field field, Object value) {
      return switch (field.type()) {
        case CHOICE -> List.of(label(field, value.toString()));
        case MULTICHOICE ->
            value instanceof List<?> codes
                ? codes.stream().map(code -> label(field, String.valueOf(code))).toList()
                : List.of(label(field, value.toString()));
        case YESNO -> List.of(yesNo(value));
        case DATE -> List.of(date(value));
        case MONEY ->
            List.of(value instanceof BigDecimal amount ? money(amount) : value.toString());
        case NUMBER ->
            List.of(value instanceof BigDecimal number ? number(number) : value.toString());
        case ADDRESS ->
            value instanceof Map<?, ?> address ? address(address) : List.of(value.toString());
        case FILE ->
            value instanceof List<?> files
                ? files.stream().map(this::file).toList()
                : List.of(value.toString());
        case IBAN -> List.of(value.toString().replaceAll("(.{4})(?!$)", "$1 "));
        case LONGTEXT -> Arrays.asList(value.toString().split("\\R"));
        default -> List.of(value.toString());
      };
    }

    String computed(String type, Object value) {
      // Stored Anträge come back from JSON with doubles and integers, fresh ones with BigDecimal.
      if (value instanceof Number n) {
        BigDecimal amount = n instanceof BigDecimal d ? d : new BigDecimal(n.toString());
        return "money".equals(type) ? money(amount) : number(amount);
      }
      return value instanceof Boolean ? yesNo(value) : value.toString();
    }

    private String label(Field field, String code) {
      return app.options(field).stream()
          .filter(o -> o.value().equals(code))
          .map(Option::label)
          .map(label -> label.in(locale))
          .findFirst()
          .orElse(code);
    }

    private String yesNo(Object value) {
      boolean yes = Boolean.TRUE.equals(value) || "true".equals(value.toString());
      return messages.getMessage(yes ? "receipt.yes" : "receipt.no", null, locale);
    }

    private String date(Object value) {
      try {
        return LocalDate.parse(value.toString()).format(DATE);
      } catch (DateTimeParseException e) {
        return value.toString();
      }
    }

    private String money(BigDecimal amount) {
      return AnswerView.money(amount, locale);
    }

    private String number(BigDecimal number) {
      return AnswerView.number(number, locale);
    }

    private List<String> address(Map<?, ?> address) {
      String street = join(address.get("street"), address.get("houseNumber"));
      String city = join(address.get("postcode"), address.get("city"));
      return List.of(street, city).stream().filter(line -> !line.isEmpty()).toList();
    }

    private static String join(@Nullable Object first, @Nullable Object second) {
      return ((first == null ? "" : first + " ") + (second == null ? "" : second)).strip();
    }

    private String file(Object file) {
      if (file instanceof Map<?, ?> meta) {
        Object name = meta.get("name");
        String label = name == null ? String.valueOf(meta.get("id")) : name.toString();
        return meta.get("size") instanceof Number size
            ? label + " (" + size(size.longValue()) + ")"
            : label;
      }
      return String.valueOf(file);
    }

    private String size(long bytes) {
      return AnswerView.size(bytes, locale);
    }
  }
}
