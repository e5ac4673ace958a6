package de.amtsweg.forms;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * One Antrags-App as its editor wrote it. The format is documented in {@code docs/antrags-apps.md}
 * and described by {@code forms/antrags-app.schema.json}; {@link Definitions#parse} is the only way
 * to obtain a checked instance.
 *
 * @param id stable id, used in URLs ({@code /antrag/{id}})
 * @param referencePrefix prefix of citizen-facing reference numbers, e.g. {@code HUND}
 * @param anonymous whether people may apply without a Servicekonto
 * @param applicant who applies: {@code person} (default) or {@code organisation}
 * @param fee what the app charges, if anything (see {@link Fee})
 * @param keywords words people search with, comma-separated per language ("Krippe, Hort"); the
 *     catalog's search finds the app's Leistungen by them, as by its name and description
 */
public record AppDefinition(
    String id,
    Text name,
    @Nullable Text description,
    @Nullable List<String> leikaKeys,
    String referencePrefix,
    boolean anonymous,
    @Nullable String applicant,
    @Nullable List<Parameter> parameters,
    @Nullable Map<String, List<Option>> codeLists,
    List<Step> steps,
    @Nullable List<Computed> computed,
    @Nullable List<Declaration> declarations,
    @Nullable Fee fee,
    @Nullable Text legalBasis,
    @Nullable Text keywords) {

  public AppDefinition {
    leikaKeys = leikaKeys == null ? List.of() : List.copyOf(leikaKeys);
    parameters = parameters == null ? List.of() : List.copyOf(parameters);
    codeLists = codeLists == null ? Map.of() : new LinkedHashMap<>(codeLists);
    steps = List.copyOf(steps);
    computed = computed == null ? List.of() : List.copyOf(computed);
    declarations = declarations == null ? List.of() : List.copyOf(declarations);
    applicant = applicant == null ? "person" : applicant;
  }

  @Override
  public List<String> leikaKeys() {
    return leikaKeys == null ? List.of() : leikaKeys;
  }

  @Override
  public List<Parameter> parameters() {
    return parameters == null ? List.of() : parameters;
  }

  @Override
  public Map<String, List<Option>> codeLists() {
    return codeLists == null ? Map.of() : codeLists;
  }

  @Override
  public List<Computed> computed() {
    return computed == null ? List.of() : computed;
  }

  @Override
  public List<Declaration> declarations() {
    return declarations == null ? List.of() : declarations;
  }

  @Override
  public String applicant() {
    return applicant == null ? "person" : applicant;
  }

  public boolean forOrganisations() {
    return "organisation".equals(applicant());
  }

  /** Every top-level field of every step, in order. */
  /**
   * The most bytes of files one Antrag of this app can carry: every file field's limit times its
   * number of files, times the items of the repeatable group around it (ten when the group sets no
   * maximum). Bounds the body of the Antrag API, where files come as base64.
   */
  public long attachmentAllowanceBytes() {
    return allowance(fields(), 1);
  }

  private static long allowance(List<Field> fields, long repeat) {
    long bytes = 0;
    for (Field field : fields) {
      if (field.type() == FieldType.FILE) {
        bytes += repeat * field.maxFilesOrDefault() * field.maxSizeKbOrDefault() * 1024L;
      } else if (!field.fields().isEmpty()) {
        long items =
            field.type() == FieldType.GROUP && field.maxItems() != null
                ? field.maxItems()
                : field.type() == FieldType.GROUP ? 10 : 1;
        bytes += allowance(field.fields(), repeat * items);
      }
    }
    return bytes;
  }

  public List<Field> fields() {
    return steps.stream().flatMap(s -> s.fields().stream()).toList();
  }

  /** Every field including those inside groups, depth first. */
  public List<Field> allFields() {
    List<Field> all = new ArrayList<>();
    Consumer<Field>[] visit = new Consumer[1];
    visit[0] =
        f -> {
          all.add(f);
          f.fields().forEach(visit[0]);
        };
    fields().forEach(visit[0]);
    return all;
  }

  public Optional<Field> field(String id) {
    return fields().stream().filter(f -> f.id().equals(id)).findFirst();
  }

  public Optional<Step> step(String id) {
    return steps.stream().filter(s -> s.id().equals(id)).findFirst();
  }

  public Optional<Step> stepOf(Field field) {
    return steps.stream().filter(s -> s.fields().contains(field)).findFirst();
  }

  /** The options of a choice field, inline or from its code list. */
  public List<Option> options(Field field) {
    if (!field.options().isEmpty()) {
      return field.options();
    }
    return field.codeList() == null
        ? List.of()
        : codeLists().getOrDefault(field.codeList(), List.of());
  }

  public Optional<Parameter> parameter(String id) {
    return parameters().stream().filter(p -> p.id().equals(id)).findFirst();
  }

  /** A page of the application: one topic. */
  public record Step(
      String id,
      Text title,
      @Nullable Text intro,
      @Nullable String show,
      List<Field> fields,
      @Nullable List<Rule> rules) {

    public Step {
      fields = List.copyOf(fields);
      rules = rules == null ? List.of() : List.copyOf(rules);
    }

    @Override
    public List<Rule> rules() {
      return rules == null ? List.of() : rules;
    }
  }

  /**
   * A question. Which attributes apply depends on the {@link FieldType}; the loader refuses
   * attributes that make no sense for the type.
   */
  public record Field(
      String id,
      FieldType type,
      Text label,
      @Nullable Text help,
      boolean required,
      @Nullable String requiredIf,
      @Nullable String show,
      @Nullable String prefill,
      @Nullable Integer minLength,
      @Nullable Integer maxLength,
      @Nullable PatternRule pattern,
      @Nullable BigDecimal min,
      @Nullable BigDecimal max,
      boolean integer,
      @Nullable String codeList,
      @Nullable List<Option> options,
      @Nullable List<Field> fields,
      @Nullable Integer minItems,
      @Nullable Integer maxItems,
      @Nullable Text itemLabel,
      @Nullable List<String> accept,
      @Nullable Integer maxSizeKb,
      @Nullable Integer maxFiles,
      @Nullable List<Rule> rules,
      @Nullable Object example,
      @Nullable String fim,
      @Nullable Map<String, Text> errors,
      @Nullable String autocomplete) {

    public Field {
      options = options == null ? List.of() : List.copyOf(options);
      fields = fields == null ? List.of() : List.copyOf(fields);
      accept = accept == null ? List.of() : List.copyOf(accept);
      rules = rules == null ? List.of() : List.copyOf(rules);
      errors = errors == null ? Map.of() : new LinkedHashMap<>(errors);
    }

    /**
     * The question's own error messages by problem ({@code required}, {@code date}, …, the keys of
     * {@code forms.answer.*}), written for this question as GOV.UK does ("Wählen Sie aus, ob …"); a
     * problem without one gets the general message.
     */
    @Override
    public Map<String, Text> errors() {
      return errors == null ? Map.of() : errors;
    }

    @Override
    public List<Option> options() {
      return options == null ? List.of() : options;
    }

    @Override
    public List<Field> fields() {
      return fields == null ? List.of() : fields;
    }

    @Override
    public List<String> accept() {
      return accept == null || accept.isEmpty() ? DEFAULT_ACCEPT : accept;
    }

    @Override
    public List<Rule> rules() {
      return rules == null ? List.of() : rules;
    }

    /** Upload limits when the definition says nothing: 10 MB per file, 5 files. */
    public int maxSizeKbOrDefault() {
      return maxSizeKb == null ? 10_240 : maxSizeKb;
    }

    /** The accepted file formats as people know them, e.g. "PDF, JPEG, PNG", for messages. */
    public String acceptedFormats() {
      return String.join(
          ", ",
          accept().stream()
              .map(
                  type ->
                      switch (type) {
                        case "application/pdf" -> "PDF";
                        case "image/jpeg" -> "JPEG";
                        case "image/png" -> "PNG";
                        case "application/xml" -> "XML";
                        case "text/plain" -> "TXT";
                        default -> type;
                      })
              .toList());
    }

    public int maxFilesOrDefault() {
      return maxFiles == null ? 5 : maxFiles;
    }

    public Optional<Field> child(String id) {
      return fields().stream().filter(f -> f.id().equals(id)).findFirst();
    }

    private static final List<String> DEFAULT_ACCEPT =
        List.of("application/pdf", "image/jpeg", "image/png");
  }

  /** A regular expression the whole value must match, with its message. */
  public record PatternRule(String regex, Text message) {}

  /** A condition that must hold; otherwise {@code message} is shown at {@code field}. */
  public record Rule(String check, Text message, @Nullable String field) {}

  /**
   * A choice: the stored code and what people read.
   *
   * @param audience who is offered the choice on the form: {@code signedIn} (only with a
   *     Servicekonto, e.g. delivery into its Postfach) or {@code anonymous}; everyone when absent.
   *     The engine accepts every option whoever answers.
   */
  public record Option(String value, Text label, @Nullable String audience) {

    public Option(String value, Text label) {
      this(value, label, null);
    }

    /** Whether the option is offered to an applicant who is signed in or not. */
    public boolean offeredTo(boolean signedIn) {
      return audience == null || ("signedIn".equals(audience) == signedIn);
    }
  }

  /** A value each municipality sets when it activates the app (fees, contact, notes). */
  public record Parameter(
      String id,
      String type,
      Text label,
      @Nullable Text help,
      @JsonProperty("default") @Nullable Object defaultValue,
      boolean required) {}

  /** A value computed from the answers and parameters, e.g. the fee. */
  public record Computed(String id, String type, Text label, String value) {}

  /**
   * What the app charges, in euros (amounts in cents once computed). Either {@code computed} names
   * a computed money value (a fee computed from the answers), or {@code amount} is an expression of
   * the amount (a number literal for a fixed fee, {@code param.x} for the tenant's amount),
   * multiplied by {@code units} when given (a fee per unit, e.g. per copy). The first exemption
   * whose condition holds makes the fee zero and gives its reason. In the definition {@code fee:
   * gebuehr} is short for {@code fee: {computed: gebuehr}}.
   *
   * @param legalBasis the legal basis of the fee; the app's {@code legalBasis} when absent
   */
  public record Fee(
      @Nullable String computed,
      @Nullable String amount,
      @Nullable String units,
      @Nullable List<Exemption> exemptions,
      @Nullable Text legalBasis) {

    public Fee {
      exemptions = exemptions == null ? List.of() : List.copyOf(exemptions);
    }

    @Override
    public List<Exemption> exemptions() {
      return exemptions == null ? List.of() : exemptions;
    }

    /** A fee computed by the named computed money value. */
    public static Fee computed(String id) {
      return new Fee(id, null, null, null, null);
    }
  }

  /**
   * No fee when {@code when} holds, for {@code reason} (shown to the applicant and on the receipt).
   */
  public record Exemption(String when, Text reason) {}

  /**
   * A statement the applicant must confirm before submitting.
   *
   * @param error what the error summary says when it is not confirmed, e.g. "Bestätigen Sie, dass
   *     Ihre Angaben richtig sind"; a general message naming the statement when absent
   */
  public record Declaration(String id, Text text, @Nullable Text error) {

    public Declaration(String id, Text text) {
      this(id, text, null);
    }
  }
}
