package de.amtsweg.catalog;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.ClassPathResource;

/**
 * Which administrative level carries out a Leistung in Thüringen: explicit rules by LeiKa key
 * prefix (longest wins) or OZG-ID from {@code catalog/zustaendigkeit.csv}, otherwise a default from
 * the LeiKa Typisierung.
 */
final class ZustaendigkeitRules {

  static final String RESOURCE = "catalog/zustaendigkeit.csv";

  private final Map<String, Rule> byPrefix = new HashMap<>();
  private final Map<String, Rule> byOzgId = new HashMap<>();

  /**
   * A level with the reason an operator or citizen can read.
   *
   * @param reliable whether a person decided it for Thüringen (a rule of the file, or a municipal
   *     statute by LeiKa type 5); the Typisierung defaults for other types are guesses
   */
  record Rule(Verwaltungsebene ebene, String reason, boolean reliable) {}

  /** The repository's rules, then the operator's own file (if any), whose rules win. */
  static ZustaendigkeitRules load(@Nullable Path operatorFile) {
    ZustaendigkeitRules rules = new ZustaendigkeitRules();
    try (Reader reader =
        new InputStreamReader(
            new ClassPathResource(RESOURCE).getInputStream(), StandardCharsets.UTF_8)) {
      rules.add(reader, RESOURCE);
      if (operatorFile != null) {
        try (Reader own = Files.newBufferedReader(operatorFile, StandardCharsets.UTF_8)) {
          rules.add(own, operatorFile.toString());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the Zuständigkeit rules", e);
    }
    return rules;
  }

  private void add(Reader reader, String source) throws IOException {
    CSVFormat format =
        CSVFormat.DEFAULT
            .builder()
            .setDelimiter(';')
            .setCommentMarker('#')
            .setHeader()
            .setSkipHeaderRecord(true)
            .setTrim(true)
            .get();
    for (CSVRecord record : format.parse(reader)) {
      String key = record.get("schluessel");
      Rule rule;
      try {
        rule =
            new Rule(
                Verwaltungsebene.valueOf(record.get("ebene")), record.get("begruendung"), true);
      } catch (IllegalArgumentException e) {
        throw new IllegalStateException(
            source
                + ", line "
                + record.getRecordNumber()
                + ": unknown Ebene "
                + record.get("ebene"),
            e);
      }
      if (key.startsWith("ozg:")) {
        byOzgId.put(key.substring(4), rule);
      } else if (key.matches("99[0-9]{1,12}")) {
        byPrefix.put(key, rule);
      } else {
        throw new IllegalStateException(
            source + ", line " + record.getRecordNumber() + ": invalid key " + key);
      }
    }
  }

  Rule ruleFor(String leikaKey, @Nullable String ozgId, @Nullable String typisierung) {
    for (int length = leikaKey.length(); length >= 3; length--) {
      Rule rule = byPrefix.get(leikaKey.substring(0, length));
      if (rule != null) {
        return rule;
      }
    }
    if (ozgId != null && byOzgId.containsKey(ozgId)) {
      return byOzgId.get(ozgId);
    }
    return byTypisierung(typisierung);
  }

  /**
   * LeiKa type 1 is federal; type 5 is a municipal statute; everything else (2, 3, 2/3: federal law
   * carried out by Land or Kommune; 4: Land law) defaults to the Landkreis or kreisfreie Stadt, the
   * level that carries out most delegated tasks in Thüringen. Only type 5 is reliable: which
   * federal authority does a type-1 Leistung is not known, and type 4 (Land law) is as often done
   * by the Land's own authorities (justice, police, tax) or chambers as by a Kreis.
   */
  static Rule byTypisierung(@Nullable String typisierung) {
    String type = typisierung == null ? "" : typisierung.strip();
    return switch (type) {
      case "1" ->
          new Rule(
              Verwaltungsebene.BUND, "LeiKa-Typ 1: Regelung und Vollzug durch den Bund", false);
      case "5" ->
          new Rule(
              Verwaltungsebene.GEMEINDE,
              "LeiKa-Typ 5: kommunale Satzung, Vollzug durch die Gemeinde",
              true);
      default ->
          new Rule(
              Verwaltungsebene.KREIS,
              "LeiKa-Typ "
                  + (type.isEmpty() ? "unbekannt" : type)
                  + ": Vollzug in Thüringen in der Regel durch Landkreis oder kreisfreie Stadt",
              false);
    };
  }
}
