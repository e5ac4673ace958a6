package de.amtsweg.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Our style sheets are well formed: a rule left open swallows every rule after it, which no browser
 * reports (issue #16: an unclosed {@code .reason} block switched off 26 rules, among them the bold
 * of unread Postfach messages).
 */
class StylesheetTest {

  @Test
  void everyBlockIsClosedAndOnlyAtRulesNestBlocks() throws IOException {
    List<Path> sheets;
    try (Stream<Path> files = Files.walk(Path.of("src/main/resources/static/css"))) {
      sheets = files.filter(p -> p.toString().endsWith(".css")).toList();
    }
    assertThat(sheets).isNotEmpty();
    for (Path sheet : sheets) {
      assertThat(problems(Files.readString(sheet, StandardCharsets.UTF_8)))
          .as(sheet.toString())
          .isEmpty();
    }
  }

  @Test
  void anOpenRuleIsFound() {
    assertThat(problems(".a {\n  margin: 0;\n.b {\n  color: red;\n}\n"))
        .containsExactly("line 3: a block inside the rule of line 1", "end: 1 block(s) not closed");
    assertThat(problems("@media (min-width: 40em) {\n  .a { margin: 0; }\n}\n/* } */")).isEmpty();
  }

  /** Braces outside comments and strings; a rule's block may not contain another block. */
  static List<String> problems(String css) {
    List<String> problems = new ArrayList<>();
    Deque<int[]> open = new ArrayDeque<>(); // {line, isAtRule}
    int line = 1;
    int statementStart = 0;
    for (int i = 0; i < css.length(); i++) {
      char c = css.charAt(i);
      if (c == '\n') {
        line++;
      } else if (c == '/' && i + 1 < css.length() && css.charAt(i + 1) == '*') {
        int end = css.indexOf("*/", i + 2);
        end = end < 0 ? css.length() : end + 1;
        line += (int) css.substring(i, end).chars().filter(ch -> ch == '\n').count();
        i = end;
        statementStart = i + 1;
      } else if (c == '"' || c == '\'') {
        int end = css.indexOf(c, i + 1);
        i = end < 0 ? css.length() : end;
      } else if (c == '{') {
        boolean atRule = css.substring(statementStart, i).strip().startsWith("@");
        if (!open.isEmpty() && open.peek()[1] == 0) {
          problems.add("line " + line + ": a block inside the rule of line " + open.peek()[0]);
        }
        open.push(new int[] {line, atRule ? 1 : 0});
        statementStart = i + 1;
      } else if (c == '}') {
        if (open.isEmpty()) {
          problems.add("line " + line + ": a closing brace without a block");
        } else {
          open.pop();
        }
        statementStart = i + 1;
      } else if (c == ';') {
        statementStart = i + 1;
      }
    }
    if (!open.isEmpty()) {
      problems.add("end: " + open.size() + " block(s) not closed");
    }
    return problems;
  }
}
