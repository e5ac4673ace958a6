package de.amtsweg.forms;

import de.amtsweg.forms.AppDefinition.Field;
import de.amtsweg.forms.AppDefinition.Option;
import de.amtsweg.forms.AppDefinition.Step;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The answer document of an app as integrators see it: its JSON Schema and a complete, valid
 * example. The API accepts this document; {@link FormEngine} judges it exactly as it judges the
 * answers of the HTML flow, so a document the schema accepts can still be refused for a rule or a
 * condition the schema cannot express (cross-field rules, fields required only when shown).
 *
 * <p>Types: text, long text, e-mail, phone, IBAN, date (ISO {@code 2026-05-31}) and single choice
 * (the code) are strings; number and money are JSON numbers (money with at most two decimals);
 * yes/no is a boolean; multiple choice an array of codes; an address an object {@code street,
 * houseNumber, postcode, city}; a file field an array of {@code {name, contentType, content}} with
 * the bytes base64-encoded; a repeatable group an array of objects. Computed values (such as the
 * fee) and declarations are not part of the answers.
 */
public final class AnswerSchema {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String BASE64 = "^[A-Za-z0-9+/]*={0,2}$";
  private static final String IBAN = "^[A-Za-z]{2}[0-9]{2}[A-Za-z0-9 ]{10,40}$";

  private AnswerSchema() {}

  /** The JSON Schema (draft 2020-12) of the answer document of {@code app}, pretty-printed. */
  public static String jsonSchema(AppDefinition app) {
    ObjectNode schema = JSON.createObjectNode();
    schema.put("$schema", "https://json-schema.org/draft/2020-12/schema");
    schema.put("$id", "urn:amtsweg:schema:answers:" + app.id());
    schema.put("title", app.name().de());
    if (app.description() != null) {
      schema.put("description", app.description().de());
    }
    schema.put("type", "object");
    ObjectNode properties = schema.putObject("properties");
    ArrayNode required = JSON.createArrayNode();
    for (Step step : app.steps()) {
      for (Field field : step.fields()) {
        boolean always = step.show() == null && field.show() == null;
        properties.set(field.id(), field(app, field, always));
        if (always && field.required()) {
          required.add(field.id());
        }
      }
    }
    if (!required.isEmpty()) {
      schema.set("required", required);
    }
    schema.put("additionalProperties", false);
    return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(schema);
  }

  /**
   * @param always whether the field is shown whatever the other answers are; only then does {@code
   *     required} become a requirement of the schema
   */
  private static ObjectNode field(AppDefinition app, Field field, boolean always) {
    ObjectNode s = JSON.createObjectNode();
    s.put("description", description(app, field));
    switch (field.type()) {
      case TEXT, LONGTEXT -> {
        s.put("type", "string");
        s.put("maxLength", maxLength(field));
        if (field.minLength() != null) {
          s.put("minLength", field.minLength());
        }
        if (field.pattern() != null) {
          s.put("pattern", "^(?:" + field.pattern().regex() + ")$");
        }
      }
      case EMAIL -> {
        s.put("type", "string");
        s.put("format", "email");
        s.put("maxLength", Math.min(maxLength(field), 254));
        s.put("pattern", FormEngine.EMAIL.pattern());
      }
      case PHONE -> {
        s.put("type", "string");
        s.put("maxLength", maxLength(field));
        s.put("pattern", FormEngine.PHONE.pattern());
      }
      case IBAN -> {
        s.put("type", "string");
        s.put("pattern", IBAN);
      }
      case NUMBER -> {
        s.put("type", field.integer() ? "integer" : "number");
        range(s, field.min(), field);
      }
      case MONEY -> {
        s.put("type", "number");
        s.put("multipleOf", new BigDecimal("0.01"));
        range(s, field.min() == null ? BigDecimal.ZERO : field.min(), field);
      }
      case DATE -> {
        s.put("type", "string");
        s.put("format", "date");
        s.put("pattern", "^[0-9]{4}-[0-9]{2}-[0-9]{2}$");
      }
      case YESNO -> s.put("type", "boolean");
      case CHOICE -> {
        s.put("type", "string");
        codes(s.putArray("enum"), app, field);
      }
      case MULTICHOICE -> {
        s.put("type", "array");
        ObjectNode items = s.putObject("items");
        items.put("type", "string");
        codes(items.putArray("enum"), app, field);
        s.put("uniqueItems", true);
        if (always && field.required()) {
          s.put("minItems", 1);
        }
      }
      case ADDRESS -> address(s);
      case FILE -> {
        s.put("type", "array");
        if (always && field.required()) {
          s.put("minItems", 1);
        }
        s.put("maxItems", field.maxFilesOrDefault());
        ObjectNode file = s.putObject("items");
        file.put("type", "object");
        ObjectNode props = file.putObject("properties");
        ObjectNode name = props.putObject("name");
        name.put("type", "string");
        name.put("minLength", 1);
        name.put("maxLength", 255);
        name.put("description", "Dateiname");
        ObjectNode contentType = props.putObject("contentType");
        contentType.put(
            "description", "Art der Datei; Amtsweg prüft sie am Inhalt, nicht am Namen.");
        ArrayNode types = contentType.putArray("enum");
        field.accept().forEach(types::add);
        ObjectNode content = props.putObject("content");
        content.put("type", "string");
        content.put("contentEncoding", "base64");
        content.put("minLength", 4);
        content.put("maxLength", (field.maxSizeKbOrDefault() * 1024L + 2) / 3 * 4);
        content.put("pattern", BASE64);
        content.put(
            "description",
            "Inhalt der Datei, Base64-kodiert; höchstens " + field.maxSizeKbOrDefault() + " KB.");
        file.putArray("required").add("name").add("contentType").add("content");
        file.put("additionalProperties", false);
      }
      case GROUP -> {
        s.put("type", "array");
        int min = field.minItems() != null ? field.minItems() : always && field.required() ? 1 : 0;
        if (min > 0) {
          s.put("minItems", min);
        }
        s.put("maxItems", field.maxItems() != null ? field.maxItems() : 20);
        ObjectNode item = s.putObject("items");
        item.put("type", "object");
        ObjectNode props = item.putObject("properties");
        ArrayNode required = JSON.createArrayNode();
        for (Field child : field.fields()) {
          props.set(child.id(), field(app, child, child.show() == null));
          if (child.show() == null && child.required()) {
            required.add(child.id());
          }
        }
        if (!required.isEmpty()) {
          item.set("required", required);
        }
        item.put("additionalProperties", false);
      }
      default -> throw new IllegalStateException("unknown type " + field.type());
    }
    return s;
  }

  private static int maxLength(Field field) {
    return field.maxLength() != null
        ? field.maxLength()
        : field.type() == FieldType.LONGTEXT ? 5000 : 200;
  }

  private static void range(ObjectNode s, @Nullable BigDecimal min, Field field) {
    if (min != null) {
      s.put("minimum", min);
    }
    if (field.max() != null) {
      s.put("maximum", field.max());
    }
  }

  private static void codes(ArrayNode codes, AppDefinition app, Field field) {
    app.options(field).forEach(o -> codes.add(o.value()));
  }

  private static void address(ObjectNode s) {
    s.put("type", "object");
    ObjectNode props = s.putObject("properties");
    Map<String, String> labels =
        Map.of(
            "street",
            "Straße",
            "houseNumber",
            "Hausnummer",
            "postcode",
            "Postleitzahl",
            "city",
            "Ort");
    ArrayNode required = s.putArray("required");
    for (String part : FormEngine.ADDRESS_PARTS) {
      ObjectNode p = props.putObject(part);
      p.put("type", "string");
      p.put("description", labels.get(part));
      p.put("minLength", 1);
      p.put("maxLength", 100);
      if ("postcode".equals(part)) {
        p.put("pattern", FormEngine.POSTCODE.pattern());
      }
      required.add(part);
    }
    s.put("additionalProperties", false);
  }

  /** The German label, the help text and, for choices, what each code means. */
  private static String description(AppDefinition app, Field field) {
    StringBuilder text = new StringBuilder(field.label().de());
    if (field.help() != null) {
      text.append("\n\n").append(field.help().de());
    }
    if (field.type().hasOptions()) {
      text.append("\n\nCodes: ")
          .append(
              app.options(field).stream()
                  .map(o -> o.value() + " = " + o.label().de())
                  .collect(Collectors.joining("; ")));
    }
    return text.toString();
  }

  // --- the example ---

  /**
   * A complete, valid answer document built from each field's {@code example}: every field shown
   * for these answers that has an example, or that is required (then with a plain value of its
   * type). File fields appear only when required, with a tiny valid file of an accepted type.
   * Hidden fields are left out. Date examples may be relative to today, as an ISO period ({@code
   * -P30Y} thirty years ago, {@code P2M} in two months).
   */
  public static Map<String, Object> example(AppDefinition app) {
    Map<String, Object> document = new LinkedHashMap<>();
    for (Field field : app.fields()) {
      put(document, field.id(), value(app, field, field.required()));
    }
    // Conditions and requiredIf depend on the other answers: settle them against the engine.
    for (int round = 0; round < 3; round++) {
      FormEngine engine = FormEngine.evaluate(app, Map.of(), engineAnswers(app, document));
      Map<String, Object> next = new LinkedHashMap<>();
      for (Field field : app.fields()) {
        if (!engine.visible(field)) {
          continue;
        }
        Object value = document.get(field.id());
        if (field.type() == FieldType.GROUP) {
          value = items(app, engine, field, value);
        } else if (value == null && engine.required(field)) {
          value = value(app, field, true);
        } else if (field.type() == FieldType.FILE && !engine.required(field)) {
          value = null;
        }
        put(next, field.id(), value);
      }
      if (next.equals(document)) {
        break;
      }
      document = next;
    }
    return document;
  }

  private static @Nullable Object items(
      AppDefinition app, FormEngine engine, Field group, @Nullable Object value) {
    if (!(value instanceof List<?> list)) {
      return null;
    }
    List<Map<String, Object>> items = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      @SuppressWarnings("unchecked")
      Map<String, Object> item = (Map<String, Object>) list.get(i);
      Map<String, Object> next = new LinkedHashMap<>();
      for (Field child : group.fields()) {
        if (!engine.visible(group, i, child)) {
          continue;
        }
        Object childValue = item.get(child.id());
        boolean required = engine.required(group, i, child);
        if (childValue == null && required) {
          childValue = value(app, child, true);
        } else if (child.type() == FieldType.FILE && !required) {
          childValue = null;
        }
        put(next, child.id(), childValue);
      }
      items.add(next);
    }
    return items;
  }

  private static void put(Map<String, Object> document, String id, @Nullable Object value) {
    if (value != null) {
      document.put(id, value);
    }
  }

  /**
   * The example value of a field; a plain value of its type when it has none and {@code fallback}.
   */
  private static @Nullable Object value(AppDefinition app, Field field, boolean fallback) {
    Object example = field.example();
    if (field.type() == FieldType.GROUP) {
      return group(app, field);
    }
    if (field.type() == FieldType.FILE) {
      return fallback ? files(field, example) : null;
    }
    if (example == null) {
      return fallback ? fallback(app, field) : null;
    }
    return switch (field.type()) {
      case NUMBER -> FormEngine.number(example);
      case MONEY -> {
        BigDecimal amount = FormEngine.number(example);
        yield amount == null ? null : amount.setScale(2, RoundingMode.HALF_UP);
      }
      case DATE -> date(example.toString());
      case YESNO ->
          example instanceof Boolean b
              ? b
              : List.of("true", "ja", "yes")
                  .contains(example.toString().toLowerCase(java.util.Locale.ROOT));
      case MULTICHOICE ->
          example instanceof List<?> list
              ? list.stream().map(String::valueOf).toList()
              : List.of(example.toString());
      case ADDRESS -> {
        Map<String, String> address = new LinkedHashMap<>();
        if (example instanceof Map<?, ?> map) {
          FormEngine.ADDRESS_PARTS.forEach(
              p -> {
                if (map.get(p) != null) {
                  address.put(p, map.get(p).toString());
                }
              });
        }
        yield address;
      }
      default -> example.toString();
    };
  }

  private static @Nullable List<Map<String, Object>> group(AppDefinition app, Field group) {
    if (group.example() instanceof List<?> list) {
      List<Map<String, Object>> items = new ArrayList<>();
      for (Object entry : list) {
        Map<String, Object> item = new LinkedHashMap<>();
        if (entry instanceof Map<?, ?> map) {
          for (Field child : group.fields()) {
            Object raw = map.get(child.id());
            Field typed = raw == null ? child : withExample(child, raw);
            put(item, child.id(), value(app, typed, child.required()));
          }
        }
        items.add(item);
      }
      return items;
    }
    int count = Math.max(1, group.minItems() == null ? 0 : group.minItems());
    List<Map<String, Object>> items = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      Map<String, Object> item = new LinkedHashMap<>();
      for (Field child : group.fields()) {
        put(item, child.id(), value(app, child, child.required()));
      }
      items.add(item);
    }
    return items;
  }

  private static Field withExample(Field f, Object example) {
    return new Field(
        f.id(),
        f.type(),
        f.label(),
        f.help(),
        f.required(),
        f.requiredIf(),
        f.show(),
        f.prefill(),
        f.minLength(),
        f.maxLength(),
        f.pattern(),
        f.min(),
        f.max(),
        f.integer(),
        f.codeList(),
        f.options(),
        f.fields(),
        f.minItems(),
        f.maxItems(),
        f.itemLabel(),
        f.accept(),
        f.maxSizeKb(),
        f.maxFiles(),
        f.rules(),
        example,
        f.fim(),
        f.errors(),
        f.autocomplete());
  }

  private static Object fallback(AppDefinition app, Field field) {
    return switch (field.type()) {
      case TEXT, LONGTEXT -> "Beispiel";
      case NUMBER -> field.min() != null ? field.min() : BigDecimal.ONE;
      case MONEY ->
          (field.min() != null && field.min().signum() > 0 ? field.min() : BigDecimal.TEN)
              .setScale(2, RoundingMode.HALF_UP);
      case DATE -> Expressions.today().toString();
      case YESNO -> Boolean.FALSE;
      case CHOICE -> app.options(field).stream().map(Option::value).findFirst().orElse("");
      case MULTICHOICE -> app.options(field).stream().map(Option::value).limit(1).toList();
      case EMAIL -> "erika.mustermann@example.org";
      case PHONE -> "+49 361 6550";
      case IBAN -> "DE02120300000000202051";
      case ADDRESS -> {
        Map<String, String> address = new LinkedHashMap<>();
        address.put("street", "Fischmarkt");
        address.put("houseNumber", "1");
        address.put("postcode", "99084");
        address.put("city", "Erfurt");
        yield address;
      }
      default -> throw new IllegalStateException("no fallback for " + field.type());
    };
  }

  /** An ISO date, or a period relative to today ({@code -P30Y}, {@code P2M}). */
  static String date(String example) {
    String text = example.strip();
    if (text.startsWith("P") || text.startsWith("-P") || text.startsWith("+P")) {
      try {
        return Expressions.today().plus(Period.parse(text)).toString();
      } catch (DateTimeParseException e) {
        return text;
      }
    }
    LocalDate date = FormEngine.date(text);
    return date == null ? text : date.toString();
  }

  private static List<Map<String, Object>> files(Field field, @Nullable Object example) {
    List<String> names =
        example instanceof List<?> list
            ? list.stream().map(String::valueOf).toList()
            : List.of(example == null ? "nachweis" : example.toString());
    String type =
        field.accept().contains("application/pdf") ? "application/pdf" : field.accept().getFirst();
    List<Map<String, Object>> files = new ArrayList<>();
    for (String name : names.subList(0, Math.min(names.size(), field.maxFilesOrDefault()))) {
      Map<String, Object> file = new LinkedHashMap<>();
      file.put("name", withExtension(name, type));
      file.put("contentType", type);
      file.put("content", Base64.getEncoder().encodeToString(sample(type)));
      files.add(file);
    }
    return files;
  }

  private static String withExtension(String name, String type) {
    String extension =
        switch (type) {
          case "application/pdf" -> ".pdf";
          case "image/png" -> ".png";
          case "image/jpeg" -> ".jpg";
          case "application/xml" -> ".xml";
          default -> ".txt";
        };
    return name.contains(".") ? name : name + extension;
  }

  /** A tiny file of the given type that its format's readers accept. */
  static byte[] sample(String type) {
    return switch (type) {
      case "application/pdf" -> tinyPdf();
      case "image/png", "image/jpeg" -> {
        BufferedImage image = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
        image.setRGB(0, 0, 0xFFFFFF);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
          ImageIO.write(image, "image/png".equals(type) ? "png" : "jpeg", out);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
        yield out.toByteArray();
      }
      case "application/xml" ->
          "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<beispiel/>\n"
              .getBytes(StandardCharsets.UTF_8);
      default -> "Beispiel\n".getBytes(StandardCharsets.UTF_8);
    };
  }

  /** A one-page blank PDF 1.4 with a correct cross-reference table. */
  static byte[] tinyPdf() {
    String[] objects = {
      "<< /Type /Catalog /Pages 2 0 R >>",
      "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
      "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << >> >>"
    };
    StringBuilder pdf = new StringBuilder("%PDF-1.4\n");
    List<Integer> offsets = new ArrayList<>();
    for (int i = 0; i < objects.length; i++) {
      offsets.add(pdf.length());
      pdf.append(i + 1).append(" 0 obj\n").append(objects[i]).append("\nendobj\n");
    }
    int xref = pdf.length();
    pdf.append("xref\n0 ").append(objects.length + 1).append("\n0000000000 65535 f \n");
    offsets.forEach(o -> pdf.append(String.format("%010d 00000 n \n", o)));
    pdf.append("trailer\n<< /Size ")
        .append(objects.length + 1)
        .append(" /Root 1 0 R >>\nstartxref\n")
        .append(xref)
        .append("\n%%EOF\n");
    return pdf.toString().getBytes(StandardCharsets.US_ASCII);
  }

  /**
   * The answers as {@link FormEngine} reads them: uploaded files become the metadata the attachment
   * store keeps ({@code id, name, contentType, size}).
   */
  static Map<String, Object> engineAnswers(AppDefinition app, Map<String, Object> document) {
    Map<String, Object> answers = new LinkedHashMap<>(document);
    for (Field field : app.fields()) {
      Object value = answers.get(field.id());
      if (field.type() == FieldType.FILE && value instanceof List<?> files) {
        answers.put(field.id(), fileMetadata(files));
      } else if (field.type() == FieldType.GROUP && value instanceof List<?> items) {
        List<Map<String, Object>> converted = new ArrayList<>();
        for (Object item : items) {
          @SuppressWarnings("unchecked")
          Map<String, Object> copy = new LinkedHashMap<>((Map<String, Object>) item);
          for (Field child : field.fields()) {
            if (child.type() == FieldType.FILE && copy.get(child.id()) instanceof List<?> files) {
              copy.put(child.id(), fileMetadata(files));
            }
          }
          converted.add(copy);
        }
        answers.put(field.id(), converted);
      }
    }
    return answers;
  }

  private static List<Map<String, Object>> fileMetadata(List<?> files) {
    List<Map<String, Object>> metadata = new ArrayList<>();
    int n = 0;
    for (Object file : files) {
      Map<?, ?> f = (Map<?, ?>) file;
      Map<String, Object> meta = new LinkedHashMap<>();
      meta.put("id", "example-" + ++n);
      meta.put("name", f.get("name"));
      meta.put("contentType", f.get("contentType"));
      meta.put("size", Base64.getDecoder().decode(String.valueOf(f.get("content"))).length);
      metadata.add(meta);
    }
    return metadata;
  }
}
