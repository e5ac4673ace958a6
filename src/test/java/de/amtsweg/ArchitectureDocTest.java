package de.amtsweg;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;

/**
 * The module dependencies in {@code docs/architecture.md} (the fenced block under "###
 * Dependencies", one line per module: {@code module ──▶ target, target :: interface, …}) are the
 * ones the code has. On a difference the failure message holds the block as the code has it.
 */
class ArchitectureDocTest {

  private static final Path DOC = Path.of("docs", "architecture.md");
  private static final String HEADING = "### Dependencies";
  private static final String NONE = "(none)";
  private static final Pattern LINE = Pattern.compile("(\\S+)\\s+──▶\\s*(.*)");

  private final ApplicationModules modules = ModuleDependencies.modules();

  @Test
  void theDependencyBlockOfTheArchitecturePageIsTheCodes() throws IOException {
    Map<String, SortedSet<String>> documented = documented(Files.readString(DOC));
    Map<String, SortedSet<String>> code = new LinkedHashMap<>();
    for (ApplicationModule module : modules) {
      code.put(module.getIdentifier().toString(), ModuleDependencies.actual(modules, module));
    }

    assertThat(documented).withFailMessage(() -> differences(documented, code)).isEqualTo(code);
  }

  /** The lines of the block by module; fails on a line that does not read as one. */
  static Map<String, SortedSet<String>> documented(String page) {
    List<String> lines = page.lines().toList();
    int heading = lines.indexOf(HEADING);
    assertThat(heading).as("%s has a heading \"%s\"", DOC, HEADING).isNotNegative();
    int open = heading + 1;
    while (open < lines.size() && !lines.get(open).startsWith("```")) {
      open++;
    }
    Map<String, SortedSet<String>> documented = new LinkedHashMap<>();
    for (int i = open + 1; i < lines.size() && !lines.get(i).startsWith("```"); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty()) {
        continue;
      }
      Matcher matcher = LINE.matcher(line);
      assertThat(matcher.matches())
          .as("%s line %d reads \"module ──▶ target, …\": %s", DOC, i + 1, line)
          .isTrue();
      String targets = matcher.group(2).strip();
      SortedSet<String> set =
          targets.isEmpty() || targets.equals(NONE)
              ? new TreeSet<>()
              : Arrays.stream(targets.split(","))
                  .map(t -> t.strip().replaceAll("\\s*::\\s*", " :: "))
                  .collect(Collectors.toCollection(TreeSet::new));
      assertThat(documented.put(matcher.group(1), set))
          .as("%s line %d: module %s has one line only", DOC, i + 1, matcher.group(1))
          .isNull();
    }
    return documented;
  }

  private String differences(
      Map<String, SortedSet<String>> documented, Map<String, SortedSet<String>> code) {
    StringBuilder message =
        new StringBuilder(
            DOC + ", the block under \"" + HEADING + "\", is not what the code has:\n");
    Set<String> names = new TreeSet<>(documented.keySet());
    names.addAll(code.keySet());
    for (String name : names) {
      SortedSet<String> doc = documented.get(name);
      SortedSet<String> actual = code.get(name);
      if (doc == null || !doc.equals(actual)) {
        message
            .append("  ")
            .append(name)
            .append(": documented ")
            .append(doc == null ? "no line" : doc)
            .append(", code ")
            .append(actual == null ? "no such module" : actual)
            .append('\n');
      }
    }
    message
        .append("The block as the code has it (explain changes in the list below it):\n```\n")
        .append(block(documented.keySet(), code))
        .append("```\n");
    return message.toString();
  }

  /** The block: documented modules in their order, then new ones; shared modules last in a line. */
  private String block(Set<String> documentedOrder, Map<String, SortedSet<String>> code) {
    Set<String> shared =
        modules.getSharedModules().stream()
            .map(m -> m.getIdentifier().toString())
            .collect(Collectors.toSet());
    List<String> order = new ArrayList<>(documentedOrder);
    order.retainAll(code.keySet());
    code.keySet().stream().filter(m -> !order.contains(m)).forEach(order::add);
    int width = order.stream().mapToInt(String::length).max().orElse(0);
    Comparator<String> sharedLast =
        Comparator.comparing((String t) -> shared.contains(t.split(" ")[0]))
            .thenComparing(Comparator.naturalOrder());
    StringBuilder block = new StringBuilder();
    for (String name : order) {
      List<String> targets = code.get(name).stream().sorted(sharedLast).toList();
      block
          .append(String.format("%-" + width + "s ──▶ ", name))
          .append(targets.isEmpty() ? NONE : String.join(", ", targets))
          .append('\n');
    }
    return block.toString();
  }
}
