package de.amtsweg.applications.receipt;

import de.amtsweg.forms.AppDefinition;
import de.amtsweg.forms.AppDefinition.Field;
import de.amtsweg.forms.AppDefinition.Option;
import de.amtsweg.forms.AppDefinition.Step;
import de.amtsweg.forms.FieldType;
import de.amtsweg.forms.Text;
import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.ZoneId;
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
 * What the receipt shows, already in words: every answer as the lines a person reads (choice labels
 * instead of codes, Ja/Nein, German dates and amounts, addresses on lines, group items numbered).
 * The template only lays it out; the case inbox shows the same view.
 */
public record ReceiptView(
    String title,
    String appName,
    String submittedDate,
    String submittedTime,
    List<Section> sections,
    List<Row> computed,
    String feeLabel,
    @Nullable String fee,
    List<String> declarations,
    List<String> attachments) {

  /** Receipts show Berlin time, whatever zone the submission was recorded in. */
  static final ZoneId ZONE = ZoneId.of("Europe/Berlin");

  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.uuuu");
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

  /** A step of the app with its answers; group items come as blocks with a heading. */
  public record Section(String title, List<Block> blocks) {}

  public record Block(@Nullable String heading, List<Row> rows) {}

  public record Row(String label, List<String> lines) {}

  /** The answers of {@code data}, filled in on {@code app}, in words of {@code data.locale()}. */
  public static ReceiptView of(AppDefinition app, ReceiptData data, MessageSource messages) {
    Locale locale = data.locale();
    Formatter format = new Formatter(app, locale, messages);
    List<Section> sections = new ArrayList<>();
    for (Step step : app.steps()) {
      List<Block> blocks = new ArrayList<>();
      List<Row> rows = new ArrayList<>();
      for (Field field : step.fields()) {
        Object value = data.answers().get(field.id());
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
      Object result = data.computed().get(value.id());
      if (result != null && !isFee(app, value.id())) {
        computed.add(
            new Row(value.label().in(locale), List.of(format.computed(value.type(), result))));
      }
    }
    List<String> declarations =
        app.declarations().stream()
            .filter(d -> data.declarations().contains(d.id()))
            .map(d -> d.text().in(locale))
            .toList();
    List<String> attachments =
        data.attachments().stream()
            .map(a -> a.name() + " (" + format.size(a.size()) + ")")
            .toList();
    var submitted = data.submittedAt().atZoneSameInstant(ZONE);
    return new ReceiptView(
        messages.getMessage("receipt.title", null, locale),
        data.appName().in(locale),
        submitted.format(DATE),
        submitted.format(TIME),
        sections,
        computed,
        app.computed().stream()
            .filter(c -> isFee(app, c.id()))
            .findFirst()
            .map(c -> c.label().in(locale))
            .orElseGet(() -> messages.getMessage("receipt.fee", null, locale)),
        data.fee() == null
            ? null
            : data.payment() == null
                ? format.money(data.fee())
                : messages.getMessage(
                    "receipt.fee.paid." + data.payment().status(),
                    new Object[] {
                      format.money(data.payment().amount()), data.payment().kassenzeichen()
                    },
                    format.money(data.fee()) + " (" + data.payment().kassenzeichen() + ")",
                    locale),
        declarations,
        attachments);
  }

  private static boolean isFee(de.amtsweg.forms.AppDefinition app, String computedId) {
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

    String money(BigDecimal amount) {
      String number = decimalFormat("#,##0.00").format(amount);
      return english() ? "€" + number : number + " €";
    }

    private String number(BigDecimal number) {
      return decimalFormat("#,##0.##########").format(number);
    }

    private DecimalFormat decimalFormat(String pattern) {
      return new DecimalFormat(
          pattern, DecimalFormatSymbols.getInstance(english() ? Locale.UK : Locale.GERMANY));
    }

    private boolean english() {
      return "en".equals(locale.getLanguage());
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

    String size(long bytes) {
      if (bytes < 1024) {
        return bytes + " B";
      }
      if (bytes < 1024 * 1024) {
        return number(BigDecimal.valueOf(Math.round(bytes / 1024.0))) + " KB";
      }
      return decimalFormat("#,##0.0").format(bytes / (1024.0 * 1024.0)) + " MB";
    }
  }
}
