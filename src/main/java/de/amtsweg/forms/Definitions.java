package de.amtsweg.forms;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import de.amtsweg.forms.AppDefinition.Field;
import de.amtsweg.forms.AppDefinition.Rule;
import de.amtsweg.forms.AppDefinition.Step;
import de.amtsweg.forms.DefinitionException.Problem;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.PatternSyntaxException;
import org.jspecify.annotations.Nullable;
import org.springframework.expression.ParseException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Loads Antrags-App definitions. A definition is accepted only when it matches the format's JSON
 * Schema and makes sense as a whole: ids unique, every condition and rule parses and names only
 * fields that exist, no cycle among conditions and computed values, code lists and prefill sources
 * known. Otherwise a {@link DefinitionException} lists every problem with its place.
 */
public final class Definitions {

  /** The JSON Schema of the definition format, as published at {@code /api/v1/apps/format}. */
  public static final String FORMAT_SCHEMA = "forms/antrags-app.schema.json";

  private static final YAMLMapper YAML =
      YAMLMapper.builder()
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .build();
  private static final JsonMapper JSON =
      JsonMapper.builder()
          .changeDefaultPropertyInclusion(
              inclusion -> inclusion.withValueInclusion(JsonInclude.Include.NON_EMPTY))
          .build();
  private static final Schema SCHEMA = loadSchema();

  private Definitions() {}

  /** Parses and checks a definition written in YAML or JSON (JSON is YAML). */
  public static AppDefinition parse(String source) {
    JsonNode tree;
    try {
      tree = YAML.readTree(source);
    } catch (JacksonException e) {
      String place =
          e.getLocation() == null
              ? "-"
              : "Zeile "
                  + e.getLocation().getLineNr()
                  + ", Spalte "
                  + e.getLocation().getColumnNr();
      throw new DefinitionException(
          List.of(new Problem(place, "syntax", List.of(e.getOriginalMessage()))));
    }
    if (tree == null || !tree.isObject()) {
      throw new DefinitionException(List.of(new Problem("-", "not-an-object", List.of())));
    }
    List<Error> errors =
        SCHEMA.validate(
            JSON.writeValueAsString(tree),
            InputFormat.JSON,
            context -> context.executionConfig(c -> c.locale(Locale.GERMAN)));
    if (!errors.isEmpty()) {
      throw new DefinitionException(
          errors.stream()
              .map(
                  e ->
                      new Problem(
                          place(e.getInstanceLocation().toString()),
                          "schema",
                          List.of(e.getMessage())))
              .distinct()
              .limit(50)
              .toList());
    }
    if (tree.get("fee") != null && tree.get("fee").isString()) {
      String computed = tree.get("fee").asString();
      ((tools.jackson.databind.node.ObjectNode) tree).putObject("fee").put("computed", computed);
    }
    AppDefinition definition;
    try {
      definition = YAML.treeToValue(tree, AppDefinition.class);
    } catch (JacksonException e) {
      throw new DefinitionException(
          List.of(new Problem("-", "schema", List.of(e.getOriginalMessage()))));
    }
    List<Problem> problems = new Checker(definition).check();
    if (!problems.isEmpty()) {
      throw new DefinitionException(problems);
    }
    return definition;
  }

  /** Reads a definition from a stream (UTF-8). */
  public static AppDefinition parse(InputStream in) {
    try {
      return parse(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The definition as canonical JSON, the form in which versions are stored and served. */
  public static String toJson(AppDefinition definition) {
    return JSON.writeValueAsString(definition);
  }

  /** The definition as YAML, the form in which editors write it. */
  public static String toYaml(AppDefinition definition) {
    return YAML.writeValueAsString(JSON.readTree(toJson(definition)));
  }

  /** {@code /steps/1/fields/2/type} becomes {@code steps[1].fields[2].type}. */
  static String place(String pointer) {
    if (pointer.isEmpty() || "/".equals(pointer) || "$".equals(pointer)) {
      return "-";
    }
    StringBuilder place = new StringBuilder();
    for (String part : pointer.replaceFirst("^[$/]+", "").split("[/.]")) {
      if (part.isEmpty()) {
        continue;
      }
      if (part.chars().allMatch(Character::isDigit)) {
        place.append('[').append(part).append(']');
      } else {
        place.append(place.isEmpty() ? "" : ".").append(part);
      }
    }
    return place.toString();
  }

  private static Schema loadSchema() {
    try (InputStream in = Definitions.class.getClassLoader().getResourceAsStream(FORMAT_SCHEMA)) {
      if (in == null) {
        throw new IllegalStateException(FORMAT_SCHEMA + " missing");
      }
      return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
          .getSchema(
              new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8),
              InputFormat.JSON);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The checks a schema cannot express. */
  private static final class Checker {

    private static final String PARAM = "param";

    private final AppDefinition app;
    private final List<Problem> problems = new ArrayList<>();

    /** Node → the nodes its conditions or values read; for the cycle check. */
    private final Map<String, Set<String>> dependencies = new LinkedHashMap<>();

    private final Map<String, String> places = new HashMap<>();

    Checker(AppDefinition app) {
      this.app = app;
    }

    List<Problem> check() {
      Set<String> topLevel = new LinkedHashSet<>();
      Set<String> seen = new HashSet<>();
      for (int s = 0; s < app.steps().size(); s++) {
        Step step = app.steps().get(s);
        if (!seen.add("step:" + step.id())) {
          problem("steps[" + s + "]", "duplicate-id", step.id());
        }
        for (int f = 0; f < step.fields().size(); f++) {
          Field field = step.fields().get(f);
          if (!topLevel.add(field.id())) {
            problem(fieldPlace(s, f, field), "duplicate-id", field.id());
          }
        }
      }
      for (int c = 0; c < app.computed().size(); c++) {
        String id = app.computed().get(c).id();
        if (!topLevel.add(id)) {
          problem("computed[" + c + "]", "duplicate-id", id);
        }
      }
      if (topLevel.contains(PARAM)) {
        problem("-", "reserved-id", PARAM);
      }
      Set<String> parameterIds = new HashSet<>();
      for (int p = 0; p < app.parameters().size(); p++) {
        if (!parameterIds.add(app.parameters().get(p).id())) {
          problem("parameters[" + p + "]", "duplicate-id", app.parameters().get(p).id());
        }
      }
      Set<String> declarationIds = new HashSet<>();
      for (int d = 0; d < app.declarations().size(); d++) {
        if (!declarationIds.add(app.declarations().get(d).id())) {
          problem("declarations[" + d + "]", "duplicate-id", app.declarations().get(d).id());
        }
      }

      for (int s = 0; s < app.steps().size(); s++) {
        Step step = app.steps().get(s);
        String stepPlace = "steps[" + s + "] (" + step.id() + ")";
        String stepNode = "step:" + step.id();
        places.put(stepNode, stepPlace);
        expression(stepPlace + ".show", step.show(), topLevel, parameterIds, stepNode, null);
        for (int f = 0; f < step.fields().size(); f++) {
          Field field = step.fields().get(f);
          String place = fieldPlace(s, f, field);
          dependencies.computeIfAbsent(field.id(), k -> new LinkedHashSet<>()).add(stepNode);
          field(place, field, topLevel, parameterIds, null);
        }
        rules(stepPlace, step.rules(), topLevel, parameterIds, null, topLevel);
      }
      for (int c = 0; c < app.computed().size(); c++) {
        var computed = app.computed().get(c);
        String place = "computed[" + c + "] (" + computed.id() + ")";
        places.put(computed.id(), place);
        expression(place + ".value", computed.value(), topLevel, parameterIds, computed.id(), null);
      }
      fee(topLevel, parameterIds);
      cycles();
      return problems;
    }

    private void fee(Set<String> topLevel, Set<String> parameterIds) {
      AppDefinition.Fee fee = app.fee();
      if (fee == null) {
        return;
      }
      if ((fee.computed() == null) == (fee.amount() == null)) {
        problem("fee", "fee-computed-or-amount");
      }
      if (fee.computed() != null
          && app.computed().stream()
              .noneMatch(c -> c.id().equals(fee.computed()) && "money".equals(c.type()))) {
        problem("fee.computed", "fee-not-computed", fee.computed());
      }
      if (fee.units() != null && fee.amount() == null) {
        problem("fee.units", "fee-units-without-amount");
      }
      expression("fee.amount", fee.amount(), topLevel, parameterIds, null, null);
      expression("fee.units", fee.units(), topLevel, parameterIds, null, null);
      for (int e = 0; e < fee.exemptions().size(); e++) {
        expression(
            "fee.exemptions[" + e + "].when",
            fee.exemptions().get(e).when(),
            topLevel,
            parameterIds,
            null,
            null);
      }
    }

    private void field(
        String place,
        Field field,
        Set<String> topLevel,
        Set<String> parameterIds,
        @Nullable Field group) {
      String node = group == null ? field.id() : group.id() + "." + field.id();
      places.put(node, place);
      if (group != null) {
        dependencies.computeIfAbsent(node, k -> new LinkedHashSet<>()).add(group.id());
      }
      Set<String> scope = scope(topLevel, group);
      expression(place + ".show", field.show(), scope, parameterIds, node, group);
      expression(place + ".requiredIf", field.requiredIf(), scope, parameterIds, node, group);
      FieldType type = field.type();
      if (type.hasOptions()) {
        if (field.options().isEmpty() && field.codeList() == null) {
          problem(place, "choice-without-options", field.id());
        }
        if (field.codeList() != null && !app.codeLists().containsKey(field.codeList())) {
          problem(place + ".codeList", "unknown-code-list", field.codeList());
        }
      } else if (!field.options().isEmpty() || field.codeList() != null) {
        problem(place, "options-not-allowed", type.key());
      }
      if (type == FieldType.GROUP) {
        if (group != null) {
          problem(place, "nested-group", field.id());
        }
        if (field.fields().isEmpty()) {
          problem(place, "group-without-fields", field.id());
        }
        Set<String> childIds = new HashSet<>();
        for (int c = 0; c < field.fields().size(); c++) {
          Field child = field.fields().get(c);
          String childPlace = place + ".fields[" + c + "] (" + child.id() + ")";
          if (!childIds.add(child.id())) {
            problem(childPlace, "duplicate-id", child.id());
          }
          if (group == null) {
            field(childPlace, child, topLevel, parameterIds, field);
          }
        }
        if (field.minItems() != null
            && field.maxItems() != null
            && field.minItems() > field.maxItems()) {
          problem(place, "min-above-max", field.minItems().toString(), field.maxItems().toString());
        }
        rules(place, field.rules(), scope(topLevel, field), parameterIds, field, topLevel);
      } else {
        if (!field.fields().isEmpty()) {
          problem(place, "fields-not-allowed", type.key());
        }
        rules(place, field.rules(), scope, parameterIds, group, topLevel);
      }
      String prefill = field.prefill();
      if (prefill != null) {
        PrefillSource.byKey(prefill)
            .ifPresentOrElse(
                source -> {
                  if (!source.fits(type)) {
                    problem(place + ".prefill", "prefill-type", prefill, type.key());
                  }
                },
                () -> problem(place + ".prefill", "unknown-prefill", prefill));
      }
      if (field.autocomplete() != null && !Autocomplete.valid(field.autocomplete(), type)) {
        problem(place + ".autocomplete", "autocomplete", field.autocomplete(), type.key());
      }
      if (field.pattern() != null) {
        try {
          java.util.regex.Pattern.compile(field.pattern().regex());
        } catch (PatternSyntaxException e) {
          problem(place + ".pattern", "bad-pattern", e.getDescription());
        }
      }
      if (field.min() != null && field.max() != null && field.min().compareTo(field.max()) > 0) {
        problem(place, "min-above-max", field.min().toPlainString(), field.max().toPlainString());
      }
      if (field.minLength() != null
          && field.maxLength() != null
          && field.minLength() > field.maxLength()) {
        problem(place, "min-above-max", field.minLength().toString(), field.maxLength().toString());
      }
    }

    private void rules(
        String place,
        List<Rule> rules,
        Set<String> scope,
        Set<String> parameterIds,
        @Nullable Field group,
        Set<String> topLevel) {
      for (int r = 0; r < rules.size(); r++) {
        Rule rule = rules.get(r);
        String rulePlace = place + ".rules[" + r + "]";
        expression(rulePlace + ".check", rule.check(), scope, parameterIds, null, group);
        if (rule.field() != null && !scope.contains(rule.field())) {
          problem(rulePlace + ".field", "unknown-name", rule.field());
        }
      }
    }

    private Set<String> scope(Set<String> topLevel, @Nullable Field group) {
      if (group == null) {
        return topLevel;
      }
      Set<String> scope = new LinkedHashSet<>(topLevel);
      group.fields().forEach(f -> scope.add(f.id()));
      return scope;
    }

    private void expression(
        String place,
        @Nullable String source,
        Set<String> scope,
        Set<String> parameterIds,
        @Nullable String node,
        @Nullable Field group) {
      if (source == null) {
        return;
      }
      Set<String> names;
      Set<String> functions;
      try {
        names = Expressions.names(source);
        functions = Expressions.functionsUsed(source);
      } catch (ParseException | ClassCastException e) {
        problem(place, "bad-expression", source, String.valueOf(e.getMessage()));
        return;
      }
      for (String function : functions) {
        if (!Expressions.FUNCTIONS.containsKey(function)) {
          problem(
              place, "unknown-function", function, String.join(", ", Expressions.functionNames()));
        }
      }
      for (String name : names) {
        if (PARAM.equals(name)) {
          for (String parameter : parameterReferences(source)) {
            if (!parameterIds.contains(parameter)) {
              problem(place, "unknown-parameter", parameter);
            }
          }
          continue;
        }
        if (!scope.contains(name)) {
          problem(place, "unknown-name", name);
        } else if (node != null) {
          dependencies
              .computeIfAbsent(node, k -> new LinkedHashSet<>())
              .add(group != null && group.child(name).isPresent() ? group.id() + "." + name : name);
        }
      }
    }

    private static Set<String> parameterReferences(String source) {
      Set<String> ids = new LinkedHashSet<>();
      var matcher =
          java.util.regex.Pattern.compile("\\bparam\\s*\\.\\s*([A-Za-z][A-Za-z0-9]*)")
              .matcher(source);
      while (matcher.find()) {
        ids.add(matcher.group(1));
      }
      return ids;
    }

    private void cycles() {
      Map<String, Integer> state = new HashMap<>();
      for (String node : dependencies.keySet()) {
        List<String> path = new ArrayList<>();
        if (visit(node, state, path)) {
          return; // one cycle is enough to refuse; the message names its members
        }
      }
    }

    private boolean visit(String node, Map<String, Integer> state, List<String> path) {
      Integer s = state.get(node);
      if (s != null && s == 2) {
        return false;
      }
      path.add(node);
      if (s != null && s == 1) {
        List<String> cycle = path.subList(path.indexOf(node), path.size());
        problem(places.getOrDefault(node, node), "cycle", String.join(" → ", cycle));
        return true;
      }
      state.put(node, 1);
      for (String next : dependencies.getOrDefault(node, Set.of())) {
        if (visit(next, state, path)) {
          return true;
        }
      }
      state.put(node, 2);
      path.removeLast();
      return false;
    }

    private static String fieldPlace(int step, int field, Field f) {
      return "steps[" + step + "].fields[" + field + "] (" + f.id() + ")";
    }

    private void problem(String place, String key, String... arguments) {
      problems.add(new Problem(place, key, List.of(arguments)));
    }
  }
}
