package de.amtsweg.portal.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The texts in Leichter Sprache of the portal and of its Antrags-Apps, read once from {@code
 * portal/leichte-sprache/<topic>.txt} (format in its {@code SOURCE.md}). They are German whatever
 * the interface language, and also the scripts of the sign-language videos.
 */
@Component
class EasyReadTexts {

  /** The portal's own explanation. */
  static final String PORTAL = "portal";

  /** The five Antrags-Apps, in the order the overview lists them. */
  static final List<String> APPS =
      List.of(
          "hundesteuer",
          "meldebescheinigung",
          "kita-anmeldung",
          "gewerbe-anmeldung",
          "foerderung-egovernment");

  private final Map<String, EasyText> texts = new LinkedHashMap<>();

  EasyReadTexts() {
    texts.put(PORTAL, load(PORTAL));
    APPS.forEach(app -> texts.put(app, load(app)));
  }

  Optional<EasyText> get(String topic) {
    return Optional.ofNullable(texts.get(topic));
  }

  /** Titles of the apps' texts, by topic, in overview order. */
  Map<String, String> appTitles() {
    Map<String, String> titles = new LinkedHashMap<>();
    texts.forEach(
        (topic, text) -> {
          if (!PORTAL.equals(topic)) {
            titles.put(topic, text.title());
          }
        });
    return titles;
  }

  private static EasyText load(String topic) {
    try (InputStream in =
        new ClassPathResource("portal/leichte-sprache/" + topic + ".txt").getInputStream()) {
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("text in Leichter Sprache missing: " + topic, e);
    }
  }

  /** Title, then sections of paragraphs (one sentence a line) and lists. */
  static EasyText parse(String source) {
    String title = null;
    List<Section> sections = new ArrayList<>();
    List<Block> blocks = null;
    List<String> lines = new ArrayList<>();
    boolean list = false;
    for (String raw : (source + "\n").split("\\R")) {
      String line = raw.strip();
      boolean item = line.startsWith("- ");
      if ((line.isEmpty() || item != list || line.startsWith("#")) && !lines.isEmpty()) {
        if (blocks == null) {
          throw new IllegalArgumentException("text before the first section: " + lines);
        }
        blocks.add(new Block(list, List.copyOf(lines)));
        lines.clear();
      }
      if (line.startsWith("## ")) {
        blocks = new ArrayList<>();
        sections.add(new Section(line.substring(3).strip(), blocks));
      } else if (line.startsWith("# ")) {
        title = line.substring(2).strip();
      } else if (!line.isEmpty()) {
        list = item;
        lines.add(item ? line.substring(2).strip() : line);
      }
    }
    if (title == null || sections.isEmpty()) {
      throw new IllegalArgumentException("a text needs a title and sections");
    }
    return new EasyText(title, List.copyOf(sections));
  }

  /** One text: its title and sections. */
  record EasyText(String title, List<Section> sections) {}

  /** A heading and its paragraphs and lists. */
  record Section(String heading, List<Block> blocks) {}

  /** A paragraph (one sentence a line) or a list (one item a line). */
  record Block(boolean list, List<String> lines) {}
}
