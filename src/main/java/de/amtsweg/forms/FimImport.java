package de.amtsweg.forms;

import de.amtsweg.forms.AppDefinition.Field;
import de.amtsweg.forms.AppDefinition.Option;
import de.amtsweg.forms.AppDefinition.PatternRule;
import de.amtsweg.forms.AppDefinition.Step;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.jspecify.annotations.Nullable;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;
import tools.jackson.dataformat.yaml.YAMLWriteFeature;

/**
 * Turns a FIM Stammdatenschema (XDatenfelder 2.0) into the skeleton of an Antrags-App definition
 * that an editor then completes by hand.
 *
 * <p>The mapping: the top-level Datenfelder become a first step, every top-level Datenfeldgruppe a
 * step of its own. A Datenfeld becomes a field (text, date, bool → yesno, num → number, num_int →
 * integer number, num_currency → money, file → file; select → choice, or multichoice when its
 * Präzisierung says "Mehrfachauswahl") with label ({@code bezeichnungEingabe}, else {@code name}),
 * help ({@code hilfetextEingabe}), constraints from the Präzisierung and {@code fim} = its F id.
 * Cardinality {@code 1:x} makes a field required, {@code 0:x} optional; a Datenfeldgruppe that may
 * occur more than once becomes a repeatable group. The definition language has no nested groups, so
 * deeper groups are flattened into the step or group around them: their fields carry the group's
 * name in their label, and a repeatable group inside a repeatable group loses its repetition (with
 * a note). Label Datenfelder become the intro of their step (or the help of their group). Code
 * lists come from the supplied Genericode files; a missing one becomes a clearly named placeholder
 * list. Regeln cannot be executed and are carried as notes.
 *
 * <p>Everything that could not be mapped is reported as a {@link Note}; the notes also head the
 * YAML as comments. The result always loads with {@link Definitions#parse}.
 *
 * <p>XML is read with DTDs refused and no external entities or schemas resolved.
 *
 * <p>Longer than 600 lines on purpose: it is one algorithm, one recursive translation of the
 * XDatenfelder tree into a definition, whose cases (groups, repetition, code lists, rules) share
 * the walk's state and its notes.
 */
public final class FimImport {

  /** XDatenfelder 2.0. */
  public static final String XDF2 = "urn:xoev-de:fim:standard:xdatenfelder_2";

  private static final String XDF1 = "urn:xoev-de:fim:standard:xdatenfelder_1";
  private static final String XDF3_PREFIX = "urn:xoev-de:fim:standard:xdatenfelder_3";
  private static final String GENERICODE = "http://docs.oasis-open.org/codelist/ns/genericode/1.0/";
  private static final String SCHEMA_MESSAGE = "xdatenfelder.stammdatenschema.0102";

  /** Larger files are refused: the largest real schemas are a few hundred kilobytes. */
  static final int MAX_BYTES = 20 * 1024 * 1024;

  /** Texts longer than this get a multi-line input. */
  private static final int LONGTEXT_FROM = 300;

  private static final int MAX_ID_LENGTH = 40;
  private static final Pattern RANGE =
      Pattern.compile("^\\s*(-?\\d+(?:\\.\\d+)?)?\\s*\\.\\.\\s*(-?\\d+(?:\\.\\d+)?)?\\s*$");
  private static final Pattern CARDINALITY = Pattern.compile("^\\s*(\\d+)\\s*:\\s*(\\d+|\\*)\\s*$");
  private static final Pattern REGEX_SYNTAX = Pattern.compile("[\\\\\\[\\](){}^$.|?*+]");
  private static final Pattern EMPTY_SCRIPT =
      Pattern.compile("^\\s*(function\\s+script\\s*\\(\\s*\\)\\s*\\{\\s*})?\\s*$");
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final YAMLMapper YAML_OUT =
      YAMLMapper.builder()
          .disable(YAMLWriteFeature.WRITE_DOC_START_MARKER)
          .enable(
              YAMLWriteFeature.MINIMIZE_QUOTES, YAMLWriteFeature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
          .build();

  private FimImport() {}

  /**
   * Something the import could not carry into the definition, for the editor to handle.
   *
   * @param place the FIM id (and the definition id it became), e.g. {@code F00000120
   *     (artDesBetriebes)}
   * @param key message key under {@code forms.fim.note.}
   * @param arguments arguments of the message
   */
  public record Note(String place, String key, List<String> arguments) {

    public Note {
      arguments = List.copyOf(arguments);
    }

    public String messageKey() {
      return "forms.fim.note." + key;
    }

    /** The note in the given language. */
    public String text(Locale locale) {
      return message(messageKey(), locale, arguments.toArray());
    }

    @Override
    public String toString() {
      return place + ": " + text(Locale.GERMAN);
    }
  }

  /**
   * The skeleton.
   *
   * @param definition the loaded definition
   * @param yaml the definition as YAML, headed by the notes as comments: what editors start from
   * @param notes what the import could not map
   */
  public record Result(AppDefinition definition, String yaml, List<Note> notes) {

    public Result {
      notes = List.copyOf(notes);
    }
  }

  /**
   * Imports a Stammdatenschema.
   *
   * @param xdf2 the XDatenfelder 2.0 document ({@code xdatenfelder.stammdatenschema.0102})
   * @param codeLists Genericode 1.0 code lists, keyed by their FIM id (e.g. {@code C60000016}) or
   *     their canonical URI; a list is also found by the canonical URI inside the file
   * @throws FimImportException when a file cannot be read or is not XDatenfelder 2.0
   */
  public static Result skeleton(InputStream xdf2, Map<String, InputStream> codeLists) {
    Document document = parse(xdf2);
    Element root = document.getDocumentElement();
    String namespace = root.getNamespaceURI() == null ? "" : root.getNamespaceURI();
    if (XDF1.equals(namespace)) {
      throw new FimImportException(FimImportException.UNSUPPORTED_VERSION, "1.0");
    }
    if (namespace.startsWith(XDF3_PREFIX)) {
      throw new FimImportException(
          FimImportException.UNSUPPORTED_VERSION,
          namespace.substring(namespace.lastIndexOf('_') + 1));
    }
    if (!XDF2.equals(namespace)) {
      throw new FimImportException(
          FimImportException.NOT_XDATENFELDER,
          root.getLocalName() == null ? root.getTagName() : root.getLocalName());
    }
    if (!SCHEMA_MESSAGE.equals(root.getLocalName()) || child(root, "stammdatenschema") == null) {
      throw new FimImportException(FimImportException.NOT_A_SCHEMA, root.getLocalName());
    }
    Map<String, List<Option>> lists = new LinkedHashMap<>();
    for (var entry : codeLists.entrySet()) {
      CodeList list = codeList(entry.getKey(), entry.getValue());
      lists.put(entry.getKey().strip(), list.options());
      list.uris().forEach(uri -> lists.putIfAbsent(uri, list.options()));
    }
    return new Importer(
            Objects.requireNonNull(child(root, "stammdatenschema"), "checked above"), lists)
        .run();
  }

  /** A text from the message bundles (German is the base bundle). */
  static String message(String key, Locale locale, Object... arguments) {
    ResourceBundle bundle =
        ResourceBundle.getBundle(
            "i18n/messages",
            "en".equals(locale.getLanguage()) ? Locale.ENGLISH : Locale.ROOT,
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    return FimImportException.format(bundle, key, arguments);
  }

  // --- XML ---

  /** A parser that refuses DTDs and resolves nothing from outside. */
  static DocumentBuilder hardenedBuilder() {
    try {
      DocumentBuilderFactory factory = de.amtsweg.platform.HardenedXml.documentBuilderFactory();
      DocumentBuilder builder = factory.newDocumentBuilder();
      builder.setErrorHandler(
          new ErrorHandler() {
            @Override
            public void warning(SAXParseException e) {
              // warnings do not stop the import and are not printed
            }

            @Override
            public void error(SAXParseException e) throws SAXException {
              throw e;
            }

            @Override
            public void fatalError(SAXParseException e) throws SAXException {
              throw e;
            }
          });
      builder.setEntityResolver(
          (publicId, systemId) -> {
            throw new SAXException("external entities are not resolved");
          });
      return builder;
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException("XML parser cannot be hardened", e);
    }
  }

  private static Document parse(InputStream in) {
    byte[] bytes = read(in);
    try {
      return hardenedBuilder().parse(new ByteArrayInputStream(bytes));
    } catch (SAXParseException e) {
      if (String.valueOf(e.getMessage()).contains("DOCTYPE")
          || new String(bytes, StandardCharsets.UTF_8).contains("<!DOCTYPE")) {
        throw new FimImportException(FimImportException.DOCTYPE);
      }
      throw new FimImportException(
          FimImportException.UNREADABLE, e.getLineNumber(), String.valueOf(e.getMessage()));
    } catch (SAXException e) {
      throw new FimImportException(
          FimImportException.UNREADABLE, 0, String.valueOf(e.getMessage()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] read(InputStream in) {
    try (in) {
      byte[] bytes = in.readNBytes(MAX_BYTES + 1);
      if (bytes.length > MAX_BYTES) {
        throw new FimImportException(FimImportException.TOO_LARGE, MAX_BYTES / (1024 * 1024));
      }
      return bytes;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static @Nullable Element child(@Nullable Element parent, String localName) {
    if (parent == null) {
      return null;
    }
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && localName.equals(e.getLocalName())) {
        return e;
      }
    }
    return null;
  }

  private static List<Element> children(Element parent, String localName) {
    List<Element> result = new ArrayList<>();
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && localName.equals(e.getLocalName())) {
        result.add(e);
      }
    }
    return result;
  }

  /** The trimmed text of a child (a path of local names), empty when absent. */
  private static String text(@Nullable Element parent, String... path) {
    Element e = parent;
    for (String name : path) {
      e = child(e, name);
    }
    return e == null ? "" : e.getTextContent().strip().replaceAll("[ \\t]*\\R[ \\t]*", "\n");
  }

  // --- Genericode ---

  private record CodeList(List<Option> options, List<String> uris) {}

  private static CodeList codeList(String key, InputStream in) {
    Document document;
    try {
      document = parse(in);
    } catch (FimImportException e) {
      throw new FimImportException(FimImportException.CODE_LIST_UNREADABLE, key, e.getMessage());
    }
    Element root = document.getDocumentElement();
    if (!GENERICODE.equals(root.getNamespaceURI()) || !"CodeList".equals(root.getLocalName())) {
      throw new FimImportException(
          FimImportException.CODE_LIST_UNREADABLE, key, "kein Genericode-1.0-Element CodeList");
    }
    Element columns = child(root, "ColumnSet");
    List<String> columnIds = new ArrayList<>();
    String codeColumn = null;
    String nameColumn = null;
    if (columns != null) {
      children(columns, "Column").forEach(c -> columnIds.add(c.getAttribute("Id")));
      for (Element k : children(columns, "Key")) {
        Element ref = child(k, "ColumnRef");
        if (ref == null) {
          continue;
        }
        if (codeColumn == null) {
          codeColumn = ref.getAttribute("Ref");
        } else if (nameColumn == null) {
          nameColumn = ref.getAttribute("Ref");
        }
      }
    }
    if (codeColumn == null) {
      codeColumn = columnIds.isEmpty() ? "code" : columnIds.getFirst();
    }
    if (nameColumn == null) {
      nameColumn =
          columnIds.contains("name")
              ? "name"
              : columnIds.size() > 1 ? columnIds.get(1) : codeColumn;
    }
    List<Option> options = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    Element rows = child(root, "SimpleCodeList");
    if (rows != null) {
      for (Element row : children(rows, "Row")) {
        String code = "";
        String name = "";
        for (Element value : children(row, "Value")) {
          String column = value.getAttribute("ColumnRef");
          String simple = text(value, "SimpleValue");
          if (column.equals(codeColumn)) {
            code = simple;
          }
          if (column.equals(nameColumn)) {
            name = simple;
          }
        }
        if (!code.isEmpty() && seen.add(code)) {
          options.add(new Option(code, Text.of(name.isEmpty() ? code : name)));
        }
      }
    }
    if (options.isEmpty()) {
      throw new FimImportException(
          FimImportException.CODE_LIST_UNREADABLE, key, "keine Zeilen (SimpleCodeList/Row)");
    }
    Element identification = child(root, "Identification");
    List<String> uris = new ArrayList<>();
    for (String name : List.of("CanonicalVersionUri", "CanonicalUri")) {
      String uri = text(identification, name);
      if (!uri.isEmpty()) {
        uris.add(uri);
      }
    }
    return new CodeList(options, uris);
  }

  // --- ids ---

  /** {@code "Art des Betriebes"} becomes {@code artDesBetriebes}; umlauts are transliterated. */
  static String camelCase(String name) {
    String ascii =
        Normalizer.normalize(
                name.replace("ä", "ae")
                    .replace("ö", "oe")
                    .replace("ü", "ue")
                    .replace("Ä", "Ae")
                    .replace("Ö", "Oe")
                    .replace("Ü", "Ue")
                    .replace("ß", "ss"),
                Normalizer.Form.NFD)
            .replaceAll("\\p{M}", "");
    StringBuilder id = new StringBuilder();
    for (String word : ascii.split("[^A-Za-z0-9]+")) {
      if (word.isEmpty()) {
        continue;
      }
      if (id.length() + word.length() > MAX_ID_LENGTH && !id.isEmpty()) {
        break;
      }
      boolean acronym = word.equals(word.toUpperCase(Locale.ROOT));
      String w = acronym ? word.toLowerCase(Locale.ROOT) : word;
      id.append(
          id.isEmpty()
              ? Character.toLowerCase(w.charAt(0)) + w.substring(1)
              : Character.toUpperCase(w.charAt(0)) + w.substring(1));
    }
    if (id.isEmpty() || !Character.isLetter(id.charAt(0))) {
      id.insert(0, "feld");
    }
    // a single overlong first word is cut, too
    return id.length() > MAX_ID_LENGTH ? id.substring(0, MAX_ID_LENGTH) : id.toString();
  }

  /** Ids handed out in one scope (the top level, or one group). */
  private static final class Ids {
    private final Set<String> taken = new HashSet<>();

    Ids(String... reserved) {
      taken.addAll(List.of(reserved));
    }

    String unique(String base, @Nullable String prefix) {
      if (taken.add(base)) {
        return base;
      }
      if (prefix != null) {
        String prefixed = prefix + Character.toUpperCase(base.charAt(0)) + base.substring(1);
        if (taken.add(prefixed)) {
          return prefixed;
        }
      }
      for (int n = 2; ; n++) {
        if (taken.add(base + n)) {
          return base + n;
        }
      }
    }
  }

  // --- the mapping ---

  private record Cardinality(int min, int max) {
    static final int MANY = Integer.MAX_VALUE;

    boolean repeatable() {
      return max > 1;
    }
  }

  /**
   * Where fields are being collected: a step, or the item of a repeatable group.
   *
   * @param required whether every group between here and the step/group item is mandatory
   * @param contextLabel label of the outermost flattened group, shown with flattened fields
   * @param contextId id form of that label, used when a field id is already taken
   * @param inGroup whether fields go into a repeatable group (which cannot hold another)
   */
  private record Context(
      boolean required,
      @Nullable String contextLabel,
      @Nullable String contextId,
      boolean inGroup) {}

  /** A field under construction. */
  private static final class Draft {
    String id = "";
    FieldType type = FieldType.TEXT;
    String label = "";
    @Nullable String help;
    boolean required;
    @Nullable Integer minLength;
    @Nullable Integer maxLength;
    @Nullable PatternRule pattern;
    @Nullable BigDecimal min;
    @Nullable BigDecimal max;
    boolean integer;
    @Nullable String codeList;
    final List<Field> fields = new ArrayList<>();
    @Nullable Integer minItems;
    @Nullable Integer maxItems;
    @Nullable String itemLabel;
    @Nullable Integer maxFiles;
    @Nullable String fim;

    Field build() {
      return new Field(
          id,
          type,
          Text.of(label),
          help == null || help.isBlank() ? null : Text.of(help),
          required,
          null,
          null,
          null,
          minLength,
          maxLength,
          pattern,
          min,
          max,
          integer,
          codeList,
          null,
          fields.isEmpty() ? null : fields,
          minItems,
          maxItems,
          itemLabel == null ? null : Text.of(itemLabel),
          null,
          null,
          maxFiles,
          null,
          null,
          fim,
          null,
          null);
    }
  }

  private static final class Importer {

    private final Element schema;
    private final Map<String, List<Option>> supplied;
    private final Map<String, List<Option>> codeLists = new LinkedHashMap<>();
    private final List<Note> notes = new ArrayList<>();
    private final Ids topIds = new Ids("param");
    private final Ids stepIds = new Ids();

    Importer(Element schema, Map<String, List<Option>> supplied) {
      this.schema = schema;
      this.supplied = supplied;
    }

    Result run() {
      String schemaId = text(schema, "identifikation", "id");
      String version = text(schema, "identifikation", "version");
      String title =
          firstNonBlank(
              text(schema, "bezeichnungEingabe"), text(schema, "name"), schemaId, "FIM-Schema");
      rules(schema, schemaId.isEmpty() ? "-" : schemaId);

      List<Step> steps = new ArrayList<>();
      List<Field> general = new ArrayList<>();
      StringBuilder generalIntro = new StringBuilder();
      Context top = new Context(true, null, null, false);
      List<Element> groups = new ArrayList<>();
      for (Element struktur : children(schema, "struktur")) {
        Element content = content(struktur);
        if (content == null) {
          continue;
        }
        if ("datenfeld".equals(content.getLocalName())) {
          datenfeld(content, cardinality(struktur, content), top, topIds, general, generalIntro);
        } else {
          groups.add(struktur);
        }
      }
      StringBuilder pendingIntro = new StringBuilder();
      if (!general.isEmpty()) {
        steps.add(
            new Step(
                stepIds.unique("allgemeineAngaben", null),
                new Text("Allgemeine Angaben", "General information"),
                textOrNull(generalIntro),
                null,
                general,
                null));
      } else {
        append(pendingIntro, generalIntro.toString());
      }
      for (Element struktur : groups) {
        Element group = Objects.requireNonNull(content(struktur), "groups have content");
        Cardinality card = cardinality(struktur, group);
        String gid = text(group, "identifikation", "id");
        String label = label(group);
        String stepId = stepIds.unique(camelCase(label), null);
        StringBuilder intro = new StringBuilder(pendingIntro);
        pendingIntro.setLength(0);
        append(intro, text(group, "hilfetextEingabe"));
        rules(group, gid);
        List<Field> fields = new ArrayList<>();
        if (card.repeatable()) {
          fields.add(repeatableGroup(group, card, new Context(true, null, null, false), topIds));
        } else {
          if (card.min() == 0) {
            note(gid + " (" + stepId + ")", "optional-step", label);
          }
          collect(group, new Context(card.min() > 0, null, null, false), topIds, fields, intro);
        }
        if (fields.isEmpty()) {
          note(gid, "empty-group", label);
          append(pendingIntro, intro.toString());
          continue;
        }
        steps.add(new Step(stepId, Text.of(label), textOrNull(intro), null, fields, null));
      }
      if (steps.isEmpty()) {
        note(schemaId.isEmpty() ? "-" : schemaId, "no-fields");
        Draft placeholder = new Draft();
        placeholder.id = topIds.unique("platzhalter", null);
        placeholder.label = "Platzhalter – bitte durch die Felder des Antrags ersetzen";
        steps.add(
            new Step(
                stepIds.unique("allgemeineAngaben", null),
                new Text("Allgemeine Angaben", "General information"),
                textOrNull(pendingIntro),
                null,
                List.of(placeholder.build()),
                null));
      } else if (!pendingIntro.isEmpty()) {
        Step last = steps.removeLast();
        StringBuilder intro = new StringBuilder(last.intro() == null ? "" : last.intro().de());
        append(intro, pendingIntro.toString());
        steps.add(
            new Step(
                last.id(),
                last.title(),
                textOrNull(intro),
                last.show(),
                last.fields(),
                last.rules()));
      }

      String appId = ("fim-" + schemaId.toLowerCase(Locale.ROOT)).replaceAll("[^a-z0-9-]", "-");
      if (!appId.matches("^[a-z][a-z0-9-]{1,62}[a-z0-9]$")) {
        appId = "fim-import";
      }
      String description = text(schema, "beschreibung");
      String legal = text(schema, "bezug");
      AppDefinition app =
          new AppDefinition(
              appId,
              Text.of(title),
              description.length() > 1 ? Text.of(description) : null,
              null,
              referencePrefix(title),
              false,
              null,
              null,
              codeLists,
              steps,
              null,
              null,
              null,
              legal.isEmpty() ? null : Text.of(legal),
              null);

      String yaml = header(schemaId, version, title) + tidy(Definitions.toYaml(app));
      AppDefinition loaded;
      try {
        loaded = Definitions.parse(yaml);
      } catch (DefinitionException e) {
        throw new IllegalStateException(
            "FIM import produced an invalid definition for " + schemaId + ": " + e.getMessage(), e);
      }
      return new Result(loaded, yaml, notes);
    }

    /** Leaves out what only repeats the defaults, so the editor sees what the schema says. */
    private static String tidy(String yaml) {
      JsonNode tree = YAML_OUT.readTree(yaml);
      if (tree instanceof ObjectNode app) {
        if (app.path("anonymous").isBoolean() && !app.get("anonymous").asBoolean()) {
          app.remove("anonymous");
        }
        if ("person".equals(app.path("applicant").asString(""))) {
          app.remove("applicant");
        }
        for (JsonNode step : app.path("steps")) {
          for (JsonNode field : step.path("fields")) {
            tidyField(field);
          }
        }
      }
      return YAML_OUT.writeValueAsString(tree);
    }

    private static void tidyField(JsonNode node) {
      if (!(node instanceof ObjectNode field)) {
        return;
      }
      if (!"file".equals(field.path("type").asString(""))) {
        field.remove("accept");
      }
      if (field.path("integer").isBoolean() && !field.get("integer").asBoolean()) {
        field.remove("integer");
      }
      if (field.path("required").isBoolean() && !field.get("required").asBoolean()) {
        field.remove("required");
      }
      for (JsonNode child : field.path("fields")) {
        tidyField(child);
      }
    }

    private String header(String schemaId, String version, String title) {
      StringBuilder header = new StringBuilder();
      header
          .append("# ")
          .append(
              message(
                      "forms.fim.header",
                      Locale.GERMAN,
                      schemaId,
                      version.isEmpty() ? "-" : version,
                      title)
                  .replace('\n', ' '))
          .append('\n');
      if (!notes.isEmpty()) {
        header.append("# ").append(message("forms.fim.header-notes", Locale.GERMAN)).append('\n');
        for (Note note : notes) {
          header.append("# - ").append(note.toString().replaceAll("\\s*\\R\\s*", " ")).append('\n');
        }
      }
      return header.toString();
    }

    /** The fields under a group, flattened into {@code out}; labels go to {@code intro}. */
    private void collect(
        Element group, Context context, Ids ids, List<Field> out, StringBuilder intro) {
      for (Element struktur : children(group, "struktur")) {
        Element content = content(struktur);
        if (content == null) {
          continue;
        }
        Cardinality card = cardinality(struktur, content);
        if ("datenfeld".equals(content.getLocalName())) {
          datenfeld(content, card, context, ids, out, intro);
          continue;
        }
        String gid = text(content, "identifikation", "id");
        String label = label(content);
        rules(content, gid);
        if (card.repeatable() && !context.inGroup()) {
          out.add(
              repeatableGroup(
                  content,
                  card,
                  new Context(
                      context.required(), context.contextLabel(), context.contextId(), false),
                  ids));
          continue;
        }
        if (card.repeatable()) {
          note(
              gid,
              "nested-repeatable",
              label,
              card.min() + ":" + (card.max() == Cardinality.MANY ? "*" : card.max()));
        }
        append(intro, text(content, "hilfetextEingabe"));
        boolean required = context.required() && card.min() > 0;
        if (context.required() && card.min() == 0) {
          note(gid, "optional-group", label);
        }
        collect(
            content,
            new Context(
                required,
                context.contextLabel() != null ? context.contextLabel() : label,
                context.contextId() != null ? context.contextId() : camelCase(label),
                context.inGroup()),
            ids,
            out,
            intro);
      }
    }

    private Field repeatableGroup(Element group, Cardinality card, Context outer, Ids ids) {
      String gid = text(group, "identifikation", "id");
      String label = label(group);
      Draft draft = new Draft();
      draft.id = ids.unique(camelCase(label), outer.contextId());
      draft.type = FieldType.GROUP;
      draft.label =
          outer.contextLabel() == null ? label : label + " (" + outer.contextLabel() + ")";
      draft.itemLabel = label;
      draft.required = outer.required() && card.min() > 0;
      draft.minItems = card.min() > 0 ? card.min() : null;
      draft.maxItems = card.max() == Cardinality.MANY ? null : card.max();
      draft.fim = gid;
      StringBuilder help = new StringBuilder(text(group, "hilfetextEingabe"));
      collect(group, new Context(true, null, null, true), new Ids(), draft.fields, help);
      draft.help = help.toString();
      if (draft.fields.isEmpty()) {
        note(gid, "empty-group", label);
        Draft placeholder = new Draft();
        placeholder.id = "platzhalter";
        placeholder.label = "Platzhalter – bitte ersetzen";
        draft.fields.add(placeholder.build());
      }
      return draft.build();
    }

    private void datenfeld(
        Element element,
        Cardinality card,
        Context context,
        Ids ids,
        List<Field> out,
        StringBuilder intro) {
      String fid = text(element, "identifikation", "id");
      String kind = text(element, "feldart", "code");
      String datatype = text(element, "datentyp", "code");
      String label = label(element);
      rules(element, fid);
      if ("label".equals(kind)) {
        append(
            intro,
            firstNonBlank(text(element, "inhalt"), text(element, "hilfetextEingabe"), label));
        return;
      }
      if ("hidden".equals(kind)) {
        note(fid, "hidden-field", label);
        return;
      }
      Draft draft = new Draft();
      draft.id = ids.unique(camelCase(label), context.contextId());
      String place = fid + " (" + draft.id + ")";
      if (!kind.isEmpty() && !"input".equals(kind) && !"select".equals(kind)) {
        note(place, "unknown-kind", kind);
      }
      draft.label =
          context.contextLabel() == null ? label : label + " (" + context.contextLabel() + ")";
      draft.help = text(element, "hilfetextEingabe");
      draft.required = context.required() && card.min() > 0;
      draft.fim = fid;
      Precision precision = precision(text(element, "praezisierung"), place);
      if ("select".equals(kind)) {
        draft.type = precision.multiple() ? FieldType.MULTICHOICE : FieldType.CHOICE;
        draft.codeList = codeList(element, place);
      } else {
        draft.type =
            switch (datatype) {
              case "text", "" -> FieldType.TEXT;
              case "date" -> FieldType.DATE;
              case "bool" -> FieldType.YESNO;
              case "num" -> FieldType.NUMBER;
              case "num_int" -> FieldType.NUMBER;
              case "num_currency" -> FieldType.MONEY;
              case "file", "obj" -> FieldType.FILE;
              default -> {
                note(place, "unknown-datatype", datatype);
                yield FieldType.TEXT;
              }
            };
        draft.integer = "num_int".equals(datatype);
        apply(precision, draft, place);
      }
      if ("select".equals(kind) != precision.multiple() && precision.pattern() != null) {
        note(place, "pattern-not-regex", precision.pattern());
      }
      Field field;
      if (card.repeatable()) {
        if (draft.type == FieldType.FILE || draft.type == FieldType.MULTICHOICE) {
          draft.maxFiles = draft.type == FieldType.FILE ? Math.min(card.max(), 20) : null;
          field = draft.build();
        } else if (context.inGroup()) {
          note(
              place,
              "nested-repeatable",
              label,
              card.min() + ":" + (card.max() == Cardinality.MANY ? "*" : card.max()));
          field = draft.build();
        } else {
          Draft group = new Draft();
          group.id = draft.id;
          group.type = FieldType.GROUP;
          group.label = draft.label;
          group.itemLabel = label;
          group.required = draft.required;
          group.minItems = card.min() > 0 ? card.min() : null;
          group.maxItems = card.max() == Cardinality.MANY ? null : card.max();
          group.fim = fid;
          draft.id = "wert";
          draft.label = label;
          draft.required = true;
          group.fields.add(draft.build());
          field = group.build();
        }
      } else {
        field = draft.build();
      }
      out.add(field);
    }

    /**
     * Length, value range and pattern from the Präzisierung (JSON, {@code a..b} or a bare length).
     */
    private record Precision(
        @Nullable Integer minLength,
        @Nullable Integer maxLength,
        @Nullable BigDecimal min,
        @Nullable BigDecimal max,
        @Nullable String pattern,
        boolean multiple) {}

    private Precision precision(String raw, String place) {
      if (raw.isEmpty()) {
        return new Precision(null, null, null, null, null, false);
      }
      Matcher range = RANGE.matcher(raw);
      if (range.matches() && (range.group(1) != null || range.group(2) != null)) {
        BigDecimal min = range.group(1) == null ? null : new BigDecimal(range.group(1));
        BigDecimal max = range.group(2) == null ? null : new BigDecimal(range.group(2));
        return new Precision(intOrNull(min), intOrNull(max), min, max, null, false);
      }
      if (raw.matches("^\\d{1,6}$")) {
        int length = Integer.parseInt(raw);
        return new Precision(length, length, null, null, null, false);
      }
      JsonNode json;
      try {
        json = JSON.readTree(raw);
      } catch (JacksonException e) {
        note(place, "precision-unreadable", raw);
        return new Precision(null, null, null, null, null, false);
      }
      if (json == null || !json.isObject()) {
        note(place, "precision-unreadable", raw);
        return new Precision(null, null, null, null, null, false);
      }
      String pattern = json.has("pattern") ? json.get("pattern").asString().strip() : null;
      boolean multiple =
          pattern != null && pattern.toLowerCase(Locale.ROOT).contains("mehrfachauswahl");
      return new Precision(
          integer(json, "minLength", place),
          integer(json, "maxLength", place),
          decimal(json, "minValue", place),
          decimal(json, "maxValue", place),
          pattern == null || pattern.isEmpty() ? null : pattern,
          multiple);
    }

    private void apply(Precision p, Draft draft, String place) {
      switch (draft.type) {
        case TEXT -> {
          draft.minLength = p.minLength() != null && p.minLength() > 1 ? p.minLength() : null;
          draft.maxLength = p.maxLength() != null && p.maxLength() >= 1 ? p.maxLength() : null;
          if (draft.minLength != null
              && draft.maxLength != null
              && draft.minLength > draft.maxLength) {
            note(place, "precision-unreadable", draft.minLength + " > " + draft.maxLength);
            draft.minLength = null;
          }
          if (draft.maxLength != null && draft.maxLength >= LONGTEXT_FROM) {
            draft.type = FieldType.LONGTEXT;
          }
          if (p.min() != null || p.max() != null) {
            if (p.minLength() == null && p.maxLength() == null) {
              note(place, "precision-ignored", "minValue/maxValue", draft.type.key());
            }
          }
          if (p.pattern() != null && !p.multiple()) {
            if (!REGEX_SYNTAX.matcher(p.pattern()).find()) {
              note(place, "pattern-not-regex", p.pattern());
            } else {
              try {
                Pattern.compile(p.pattern());
                draft.pattern =
                    new PatternRule(
                        p.pattern(),
                        new Text(
                            "Bitte prüfen Sie die Eingabe bei „"
                                + draft.label
                                + "“: Das Format stimmt nicht.",
                            "Please check your entry for “"
                                + draft.label
                                + "”: the format is not right."));
              } catch (PatternSyntaxException e) {
                note(place, "bad-pattern", p.pattern());
              }
            }
          }
        }
        case NUMBER, MONEY -> {
          draft.min = p.min();
          draft.max = p.max();
          if (draft.min != null && draft.max != null && draft.min.compareTo(draft.max) > 0) {
            note(place, "precision-unreadable", draft.min + " > " + draft.max);
            draft.min = null;
            draft.max = null;
          }
          if ((p.minLength() != null && p.minLength() > 1)
              || p.maxLength() != null
              || p.pattern() != null) {
            if (p.min() == null && p.max() == null) {
              note(place, "precision-ignored", "minLength/maxLength/pattern", draft.type.key());
            }
          }
        }
        default -> {
          if ((p.minLength() != null && p.minLength() > 1)
              || p.maxLength() != null
              || p.min() != null
              || p.max() != null
              || p.pattern() != null) {
            note(place, "precision-ignored", "praezisierung", draft.type.key());
          }
        }
      }
    }

    private @Nullable Integer integer(JsonNode json, String name, String place) {
      BigDecimal value = decimal(json, name, place);
      return value == null ? null : intOrNull(value);
    }

    private @Nullable BigDecimal decimal(JsonNode json, String name, String place) {
      if (!json.has(name)) {
        return null;
      }
      String value = json.get(name).asString().strip();
      if (value.isEmpty()) {
        return null;
      }
      try {
        return new BigDecimal(value);
      } catch (NumberFormatException e) {
        note(place, "precision-unreadable", name + "=" + value);
        return null;
      }
    }

    private static @Nullable Integer intOrNull(@Nullable BigDecimal value) {
      if (value == null
          || value.signum() < 0
          || value.stripTrailingZeros().scale() > 0
          || value.compareTo(BigDecimal.valueOf(1_000_000)) > 0) {
        return null;
      }
      return value.intValueExact();
    }

    /** The code list of a select field: the supplied one, or a placeholder with a note. */
    private String codeList(Element element, String place) {
      Element reference = child(element, "codelisteReferenz");
      String listId = text(reference, "identifikation", "id");
      String canonical = text(reference, "genericodeIdentification", "canonicalIdentification");
      String versionUri = text(reference, "genericodeIdentification", "canonicalVersionUri");
      String name = listId.matches("^[A-Za-z][A-Za-z0-9_-]*$") ? listId : null;
      List<Option> options = null;
      for (String key : List.of(listId, versionUri, canonical)) {
        if (!key.isEmpty() && supplied.containsKey(key)) {
          options = supplied.get(key);
          break;
        }
      }
      if (options != null) {
        String id = name != null ? name : "codeliste" + (codeLists.size() + 1);
        codeLists.putIfAbsent(id, options);
        return id;
      }
      String id = "platzhalter-" + (name != null ? name : "codeliste" + (codeLists.size() + 1));
      if (!codeLists.containsKey(id)) {
        String what = firstNonBlank(listId, canonical, "?");
        codeLists.put(
            id,
            List.of(
                new Option(
                    "platzhalter",
                    new Text(
                        "Platzhalter: Codeliste " + what + " fehlt – bitte ersetzen",
                        "Placeholder: code list " + what + " is missing – please replace"))));
        note(
            place,
            reference == null ? "select-without-code-list" : "code-list-missing",
            firstNonBlank(listId, "-"),
            firstNonBlank(versionUri, canonical, "-"),
            id);
      }
      return id;
    }

    private void rules(Element element, String place) {
      for (Element rule : children(element, "regel")) {
        String id = text(rule, "identifikation", "id");
        String name = firstNonBlank(text(rule, "name"), text(rule, "bezeichnungEingabe"), id);
        String definition = text(rule, "definition");
        String script = text(rule, "script");
        String freitext = text(rule, "freitextRegel");
        StringBuilder body = new StringBuilder();
        append(body, definition);
        append(body, freitext);
        if (!EMPTY_SCRIPT.matcher(script).matches()) {
          append(body, "Script: " + script);
        }
        note(place, "rule", firstNonBlank(id, "-"), name, body.isEmpty() ? "-" : body.toString());
      }
    }

    private Cardinality cardinality(Element struktur, @Nullable Element content) {
      String raw = text(struktur, "anzahl");
      Matcher m = CARDINALITY.matcher(raw);
      if (!m.matches()) {
        note(content == null ? "-" : text(content, "identifikation", "id"), "cardinality", raw);
        return new Cardinality(1, 1);
      }
      int min = Integer.parseInt(m.group(1));
      int max = "*".equals(m.group(2)) ? Cardinality.MANY : Integer.parseInt(m.group(2));
      if (max < Math.max(min, 1)) {
        note(content == null ? "-" : text(content, "identifikation", "id"), "cardinality", raw);
        return new Cardinality(min > 0 ? 1 : 0, 1);
      }
      return new Cardinality(min, max);
    }

    private static @Nullable Element content(Element struktur) {
      Element enthaelt = child(struktur, "enthaelt");
      if (enthaelt == null) {
        return null;
      }
      Element field = child(enthaelt, "datenfeld");
      return field != null ? field : child(enthaelt, "datenfeldgruppe");
    }

    private static String label(Element element) {
      return firstNonBlank(
          text(element, "bezeichnungEingabe"),
          text(element, "name"),
          text(element, "identifikation", "id"),
          "Feld");
    }

    private void note(String place, String key, String... arguments) {
      notes.add(new Note(place, key, List.of(arguments)));
    }
  }

  private static String referencePrefix(String title) {
    String letters =
        Normalizer.normalize(title.replace("ß", "SS"), Normalizer.Form.NFD)
            .replaceAll("[^A-Za-z]", "")
            .toUpperCase(Locale.ROOT);
    return letters.length() >= 2 ? letters.substring(0, Math.min(4, letters.length())) : "FIM";
  }

  private static void append(StringBuilder text, String more) {
    if (more.isBlank() || text.indexOf(more.strip()) >= 0) {
      return;
    }
    if (!text.isEmpty()) {
      text.append("\n\n");
    }
    text.append(more.strip());
  }

  private static @Nullable Text textOrNull(CharSequence text) {
    return text.toString().isBlank() ? null : Text.of(text.toString());
  }

  private static String firstNonBlank(String... candidates) {
    for (String candidate : candidates) {
      if (candidate != null && !candidate.isBlank()) {
        return candidate.strip();
      }
    }
    return "";
  }
}
