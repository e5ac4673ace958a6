package de.amtsweg.catalog;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The operator's texts of a Leistung, by {@link TextModuleKind} and language (German, English). A
 * page asks in the reader's language and falls back to German; an English text alone is never shown
 * to a German reader.
 */
@Service
public class TextModules {

  /** The languages a text can be written in; German first. */
  public static final List<String> LANGUAGES = List.of("de", "en");

  /** The longest text of one kind in one language. */
  public static final int MAX_LENGTH = 4000;

  private final JdbcClient jdbc;
  private final Catalog catalog;

  TextModules(JdbcClient jdbc, Catalog catalog) {
    this.jdbc = jdbc;
    this.catalog = catalog;
  }

  /** One stored text. */
  public record Text(
      String leikaKey,
      TextModuleKind kind,
      String lang,
      String text,
      OffsetDateTime updatedAt,
      String updatedBy) {}

  /** A Leistung that has texts, for the operator's overview. */
  public record Described(String leikaKey, String name, int texts, OffsetDateTime updatedAt) {}

  /**
   * The description of a Leistung in the reader's language (German where there is no text in it);
   * each line of a text is one entry.
   */
  public ServiceDescription describe(String leikaKey, Locale locale) {
    String lang = locale.getLanguage().equals("en") ? "en" : "de";
    Map<TextModuleKind, String> german = new EnumMap<>(TextModuleKind.class);
    Map<TextModuleKind, String> wanted = new EnumMap<>(TextModuleKind.class);
    for (Text text : texts(leikaKey)) {
      if (text.lang().equals("de")) {
        german.put(text.kind(), text.text());
      }
      if (text.lang().equals(lang)) {
        wanted.put(text.kind(), text.text());
      }
    }
    Map<TextModuleKind, List<String>> entries = new EnumMap<>(TextModuleKind.class);
    for (TextModuleKind kind : TextModuleKind.values()) {
      String text = wanted.getOrDefault(kind, german.get(kind));
      if (text != null) {
        entries.put(kind, List.of(text.split("\\R")));
      }
    }
    return new ServiceDescription(entries);
  }

  /** Every stored text of a Leistung, in page order, German before English. */
  public List<Text> texts(String leikaKey) {
    List<Text> texts =
        new ArrayList<>(
            jdbc.sql(
                    """
                    select leika_key, kind, lang, text, updated_at, updated_by
                    from leistung_textmodul where leika_key = ?
                    """)
                .param(leikaKey)
                .query(
                    (rs, row) ->
                        new Text(
                            rs.getString("leika_key"),
                            TextModuleKind.valueOf(rs.getString("kind")),
                            rs.getString("lang"),
                            rs.getString("text"),
                            rs.getObject("updated_at", OffsetDateTime.class),
                            rs.getString("updated_by")))
                .list());
    texts.sort(
        java.util.Comparator.comparing(Text::kind).thenComparing(t -> LANGUAGES.indexOf(t.lang())));
    return texts;
  }

  /** The Leistungen that have texts, most recently edited first. */
  public List<Described> described() {
    return jdbc.sql(
            """
            select t.leika_key, l.name, count(*) as texts, max(t.updated_at) as updated_at
            from leistung_textmodul t join leistung l on l.leika_key = t.leika_key
            group by t.leika_key, l.name order by max(t.updated_at) desc, t.leika_key
            """)
        .query(
            (rs, row) ->
                new Described(
                    rs.getString("leika_key"),
                    rs.getString("name"),
                    rs.getInt("texts"),
                    rs.getObject("updated_at", OffsetDateTime.class)))
        .list();
  }

  /**
   * Sets the texts of a Leistung in one language: a blank text removes that kind.
   *
   * @throws CatalogException {@link CatalogException#NOT_FOUND} for an unknown Leistung, {@code
   *     invalid-text-module} for an unknown language or a text over {@link #MAX_LENGTH}
   */
  @Transactional
  public void save(
      String leikaKey, String lang, Map<TextModuleKind, @Nullable String> texts, String by) {
    catalog.get(leikaKey);
    if (!LANGUAGES.contains(lang)) {
      throw invalid();
    }
    for (Map.Entry<TextModuleKind, @Nullable String> entry : texts.entrySet()) {
      String text = entry.getValue() == null ? "" : entry.getValue().strip();
      if (text.length() > MAX_LENGTH) {
        throw invalid();
      }
      if (text.isEmpty()) {
        jdbc.sql("delete from leistung_textmodul where leika_key = ? and kind = ? and lang = ?")
            .params(leikaKey, entry.getKey().name(), lang)
            .update();
      } else {
        jdbc.sql(
                """
                insert into leistung_textmodul (leika_key, kind, lang, text, updated_by)
                values (?, ?, ?, ?, ?)
                on conflict (leika_key, kind, lang) do update set text = excluded.text,
                  updated_at = now(), updated_by = excluded.updated_by
                where leistung_textmodul.text <> excluded.text
                """)
            .params(leikaKey, entry.getKey().name(), lang, text, by)
            .update();
      }
    }
  }

  private static CatalogException invalid() {
    return new CatalogException(
        HttpStatus.BAD_REQUEST, CatalogException.INVALID_TEXT_MODULE, MAX_LENGTH);
  }
}
