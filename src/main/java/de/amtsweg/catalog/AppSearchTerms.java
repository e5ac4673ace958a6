package de.amtsweg.catalog;

import de.amtsweg.platform.GermanFolding;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Makes the words of the Antrags-Apps search terms of their Leistungen, so that a search leads to
 * the online service: the apps' names and keywords (in every language) count like the Leistung's
 * name, their descriptions like its law. Kept in {@code leistung.app_vector}, apart from the
 * import's vector; the names' and keywords' words join the vocabulary (typos, prefixes).
 */
@Component
class AppSearchTerms {

  private final OnlineOffers offers;
  private final JdbcClient jdbc;
  private final Vocabulary vocabulary;
  private final TransactionTemplate transactions;

  AppSearchTerms(
      OnlineOffers offers,
      JdbcClient jdbc,
      Vocabulary vocabulary,
      TransactionTemplate transactions) {
    this.offers = offers;
    this.jdbc = jdbc;
    this.vocabulary = vocabulary;
    this.transactions = transactions;
  }

  // Synchronous, like the vocabulary's reload: the terms are rows of the shared database and take
  // a few milliseconds; a restart refreshes them anyway (ApplicationReadyEvent).
  @EventListener({
    OnlineOffersChanged.class,
    CatalogImport.CatalogImported.class,
    ApplicationReadyEvent.class
  })
  void refresh() {
    transactions.executeWithoutResult(status -> store(terms()));
    vocabulary.reload();
  }

  /** Per Leistung: the folded words of names and keywords, and of descriptions. */
  private Map<String, String[]> terms() {
    Map<String, String[]> byLeistung = new LinkedHashMap<>();
    for (OnlineOffers.AppTerms app : offers.searchTerms()) {
      String names = fold(app.names()) + " " + fold(app.keywords());
      String descriptions = fold(app.descriptions());
      for (String key : app.leikaKeys()) {
        byLeistung.merge(
            key,
            new String[] {names, descriptions},
            (a, b) -> new String[] {a[0] + " " + b[0], a[1] + " " + b[1]});
      }
    }
    return byLeistung;
  }

  private void store(Map<String, String[]> byLeistung) {
    jdbc.sql("update leistung set app_vector = '' where app_vector <> ''").update();
    Set<String> words = new TreeSet<>();
    byLeistung.forEach(
        (key, texts) -> {
          jdbc.sql(
                  """
                  update leistung set app_vector = setweight(to_tsvector('german', :names), 'A')
                    || setweight(to_tsvector('german', :descriptions), 'D')
                  where leika_key = :key
                  """)
              .param("names", texts[0])
              .param("descriptions", texts[1])
              .param("key", key)
              .update();
          Arrays.stream(texts[0].split(" "))
              .filter(word -> word.length() >= 3 && word.length() <= 100)
              .forEach(words::add);
        });
    jdbc.sql("insert into catalog_word (word) select unnest(?) on conflict do nothing")
        .param(words.toArray(String[]::new))
        .update();
  }

  private static String fold(List<String> texts) {
    return String.join(" ", texts.stream().map(GermanFolding::fold).toList());
  }
}
