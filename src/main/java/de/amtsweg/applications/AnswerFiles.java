package de.amtsweg.applications;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/** The files an Antrag's answers refer to: their metadata, at the top level and in groups. */
final class AnswerFiles {

  private AnswerFiles() {}

  /** The metadata of every file the answers refer to, in the answers' order. */
  static List<Map<String, Object>> list(Map<String, Object> answers) {
    List<Map<String, Object>> files = new ArrayList<>();
    collect(answers, files);
    return files;
  }

  static List<UUID> ids(Map<String, Object> answers) {
    return list(answers).stream()
        .map(f -> UUID.fromString(Objects.requireNonNull(f.get("id"), "file id").toString()))
        .toList();
  }

  @SuppressWarnings("unchecked")
  private static void collect(Object node, List<Map<String, Object>> files) {
    if (node instanceof Map<?, ?> map) {
      if (map.containsKey("id") && map.containsKey("contentType") && map.containsKey("size")) {
        files.add((Map<String, Object>) map);
        return;
      }
      map.values().forEach(v -> collect(v, files));
    } else if (node instanceof List<?> list) {
      list.forEach(v -> collect(v, files));
    }
  }
}
