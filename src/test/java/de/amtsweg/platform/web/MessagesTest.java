package de.amtsweg.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;

/**
 * German first, English second, and no visible text outside the message bundles: fails on a key
 * missing in one language, a template key missing in both, or text written into a template.
 */
class MessagesTest {

  private static final Path TEMPLATES = Path.of("src/main/resources/templates");
  private static final Path JAVA = Path.of("src/main/java");
  private static final Pattern TEMPLATE_KEY = Pattern.compile("#\\{([a-zA-Z0-9._-]+)");
  private static final Pattern JAVA_KEY =
      Pattern.compile(
          "\"((?:problem|place|authority|tenant|admin|legal|services|account|login|layout|error)\\.[a-zA-Z0-9._-]+[a-zA-Z0-9])\"");
  private static final Pattern JOB_NAME =
      Pattern.compile("RecurringJob\\.(?:every|cron)\\(\\s*\"[^\"]*\"");
  // Validation messages name dotted keys; "{leikaKey}" or "{ars}" are placeholders of addresses.
  private static final Pattern VALIDATION_KEY =
      Pattern.compile("\"\\{([a-zA-Z0-9_-]+\\.[a-zA-Z0-9._-]+)}\"");
  private static final Pattern PROBLEM_TYPE =
      Pattern.compile(
          "(?:super\\(HttpStatus\\.[A-Z_]+, |new InvalidQueryException\\()\"([a-z-]+)\"|String [A-Z_]+ = \"([a-z]+(?:-[a-z]+)+)\"");
  private static final Set<String> TEXT_ATTRIBUTES =
      Set.of("alt", "title", "placeholder", "aria-label", "value", "content");

  private final Properties german = load("i18n/messages.properties");
  private final Properties english = load("i18n/messages_en.properties");

  @Test
  void everyKeyExistsInBothLanguages() {
    assertThat(english.stringPropertyNames())
        .containsExactlyInAnyOrderElementsOf(german.stringPropertyNames());
    german
        .stringPropertyNames()
        .forEach(key -> assertThat(english.getProperty(key)).as(key).isNotBlank());
  }

  @Test
  void everyKeyUsedInTemplatesAndCodeExists() throws IOException {
    Set<String> used = new TreeSet<>();
    for (Path file : files(TEMPLATES, ".html")) {
      collect(TEMPLATE_KEY, Files.readString(file), used);
    }
    for (Path file : files(JAVA, ".java")) {
      // A job's name (<module>.<what>) looks like a message key but is a row in scheduled_tasks.
      String code = JOB_NAME.matcher(Files.readString(file)).replaceAll("");
      collect(JAVA_KEY, code, used);
      collect(VALIDATION_KEY, code, used);
      Matcher problems = PROBLEM_TYPE.matcher(code);
      while (problems.find()) {
        boolean constantOfAProblem =
            problems.group(2) != null && code.contains("extends ProblemException");
        String type =
            problems.group(1) != null
                ? problems.group(1)
                : constantOfAProblem ? problems.group(2) : null;
        if (type != null) {
          used.add("problem." + type + ".title");
          used.add("problem." + type + ".detail");
        }
      }
    }
    for (String type :
        List.of(
            "bad-request",
            "unauthorized",
            "forbidden",
            "not-found",
            "method-not-allowed",
            "not-acceptable",
            "payload-too-large",
            "unsupported-media-type",
            "too-many-requests",
            "internal-error")) {
      used.add("problem." + type + ".title");
    }
    used.removeIf(key -> key.endsWith("."));
    assertThat(german.stringPropertyNames()).containsAll(used);
    assertThat(used).hasSizeGreaterThan(100);
  }

  @Test
  void templatesContainNoHardCodedText() throws IOException {
    List<String> findings = new ArrayList<>();
    for (Path file : files(TEMPLATES, ".html")) {
      Document template = Jsoup.parse(Files.readString(file), "", Parser.htmlParser());
      for (Element element : template.getAllElements()) {
        if (replacesItsContent(element) || element.tagName().matches("script|style|svg|rect")) {
          continue;
        }
        for (TextNode text : element.textNodes()) {
          if (text.text().matches(".*\\p{L}.*") && !insideReplacedElement(element)) {
            findings.add(
                file.getFileName() + ": <" + element.tagName() + "> " + text.text().strip());
          }
        }
        for (String attribute : TEXT_ATTRIBUTES) {
          String value = element.attr(attribute);
          // A button's value is what the form sends, not what people read (that is its content).
          boolean visible =
              !(element.tagName().equals("meta")
                  || element.attr("type").equals("hidden")
                  || (element.tagName().equals("button") && attribute.equals("value")));
          if (visible && value.matches(".*\\p{L}.*")) {
            findings.add(file.getFileName() + ": " + attribute + "=\"" + value + "\"");
          }
        }
      }
    }
    assertThat(findings).isEmpty();
  }

  private static boolean replacesItsContent(Element element) {
    return element.hasAttr("th:text")
        || element.hasAttr("th:utext")
        || element.hasAttr("th:errors")
        || element.hasAttr("th:replace")
        || element.hasAttr("th:insert");
  }

  private static boolean insideReplacedElement(Element element) {
    for (Element parent : element.parents()) {
      if (replacesItsContent(parent)) {
        return true;
      }
    }
    return false;
  }

  private static void collect(Pattern pattern, String text, Set<String> into) {
    Matcher matcher = pattern.matcher(text);
    while (matcher.find()) {
      into.add(matcher.group(1));
    }
  }

  private static List<Path> files(Path root, String suffix) throws IOException {
    try (Stream<Path> paths = Files.walk(root)) {
      return paths.filter(p -> p.toString().endsWith(suffix)).toList();
    }
  }

  private static Properties load(String resource) {
    Properties properties = new Properties();
    try (InputStream in = MessagesTest.class.getClassLoader().getResourceAsStream(resource)) {
      properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return properties;
  }
}
