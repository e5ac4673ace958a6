package de.amtsweg.applications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.amtsweg.applications.AntragManagement.StatusTransitionException;
import de.amtsweg.appstore.AppStore;
import de.amtsweg.appstore.AppStore.OfferedApp;
import de.amtsweg.support.AmtswegIT;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The state gate of the Antrag with the database: every change leaves a history row, an illegal or
 * overtaken change is refused with 409 and leaves none, of two changes at once only one wins, and
 * the history goes with the Antrag.
 */
class AntragStatusIT extends AmtswegIT {

  private static final String GOTHA = "160670029029";

  @Autowired AntragManagement antraege;
  @Autowired AppStore store;
  @Autowired JdbcClient jdbc;

  @Test
  void aNewAntragStartsItsHistoryAndEveryChangeAddsARow() {
    Antrag antrag = submit();
    assertThat(history(antrag)).containsExactly("-> EINGEGANGEN (submitted)");

    antraege.changeStatus(antrag.id(), AntragStatus.IN_BEARBEITUNG);
    Antrag decided =
        antraege.changeStatus(
            antrag.id(), AntragStatus.IN_BEARBEITUNG, AntragStatus.BESCHIEDEN, "casework");

    assertThat(decided.status()).isEqualTo(AntragStatus.BESCHIEDEN);
    assertThat(history(antrag))
        .containsExactly(
            "-> EINGEGANGEN (submitted)",
            "EINGEGANGEN -> IN_BEARBEITUNG (authority)",
            "IN_BEARBEITUNG -> BESCHIEDEN (casework)");
  }

  @Test
  void anIllegalChangeIsRefusedWith409AndLeavesNoTrace() {
    Antrag antrag = submit();
    antraege.changeStatus(antrag.id(), AntragStatus.ABGESCHLOSSEN);

    assertThatThrownBy(() -> antraege.changeStatus(antrag.id(), AntragStatus.IN_BEARBEITUNG))
        .isInstanceOfSatisfying(
            StatusTransitionException.class,
            e -> {
              assertThat(e.status()).isEqualTo(HttpStatus.CONFLICT);
              assertThat(e.type()).isEqualTo("antrag-status-transition");
              assertThat(e.detailArguments()).containsExactly("ABGESCHLOSSEN", "IN_BEARBEITUNG");
            });
    assertThat(antraege.get(antrag.id()).status()).isEqualTo(AntragStatus.ABGESCHLOSSEN);
    assertThat(history(antrag))
        .hasSize(2)
        .last()
        .isEqualTo("EINGEGANGEN -> ABGESCHLOSSEN (authority)");
  }

  @Test
  void aChangeDecidedOnAStatusThatIsNoLongerCurrentIsRefused() {
    Antrag antrag = submit();
    // A caseworker opens the Antrag (EINGEGANGEN) while the Fachverfahren reports IN_BEARBEITUNG.
    antraege.changeStatus(antrag.id(), AntragStatus.IN_BEARBEITUNG);

    // RUECKFRAGE would be allowed from IN_BEARBEITUNG, but the caseworker decided on EINGEGANGEN.
    assertThatThrownBy(
            () ->
                antraege.changeStatus(
                    antrag.id(), AntragStatus.EINGEGANGEN, AntragStatus.RUECKFRAGE, "casework"))
        .isInstanceOfSatisfying(
            StatusTransitionException.class,
            e -> assertThat(e.detailArguments()).containsExactly("IN_BEARBEITUNG", "RUECKFRAGE"));
    assertThat(antraege.get(antrag.id()).status()).isEqualTo(AntragStatus.IN_BEARBEITUNG);
    assertThat(history(antrag)).hasSize(2);
  }

  @Test
  void ofTwoChangesAtTheSameTimeOnlyOneWins() throws Exception {
    Antrag antrag = submit();
    CyclicBarrier start = new CyclicBarrier(2);
    List<CompletableFuture<Boolean>> changes = new ArrayList<>();
    try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
      for (AntragStatus next : List.of(AntragStatus.BESCHIEDEN, AntragStatus.ABGESCHLOSSEN)) {
        changes.add(
            CompletableFuture.supplyAsync(
                () -> {
                  try {
                    start.await();
                    antraege.changeStatus(antrag.id(), AntragStatus.EINGEGANGEN, next, "test");
                    return true;
                  } catch (StatusTransitionException e) {
                    return false;
                  } catch (Exception e) {
                    throw new IllegalStateException(e);
                  }
                },
                pool));
      }
    }

    assertThat(changes.stream().map(CompletableFuture::join))
        .containsExactlyInAnyOrder(true, false);
    List<String> history = history(antrag);
    assertThat(history).hasSize(2);
    assertThat(history.getLast())
        .isEqualTo("EINGEGANGEN -> " + antraege.get(antrag.id()).status() + " (test)");
  }

  @Test
  void aReasonIsATechnicalWordNeverFreeText() {
    Antrag antrag = submit();

    assertThatThrownBy(
            () ->
                antraege.changeStatus(
                    antrag.id(),
                    AntragStatus.EINGEGANGEN,
                    AntragStatus.IN_BEARBEITUNG,
                    "Frau Mustermann hat angerufen"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(antraege.get(antrag.id()).status()).isEqualTo(AntragStatus.EINGEGANGEN);
    assertThat(history(antrag)).hasSize(1);
  }

  @Test
  void theHistoryIsDeletedWithTheAntrag() {
    Antrag antrag = submit();
    antraege.changeStatus(antrag.id(), AntragStatus.ABGESCHLOSSEN);

    assertThat(antraege.delete(antrag.id(), GOTHA)).isTrue();

    assertThat(history(antrag)).isEmpty();
  }

  /** A Hundesteuer-Anmeldung in Gotha (no fee), as the API would submit it. */
  private Antrag submit() {
    OfferedApp offered = store.offered(GOTHA, "hundesteuer").orElseThrow();
    return antraege
        .submit(
            new AntragManagement.Submission(
                "test:status:" + UUID.randomUUID(),
                offered.app(),
                offered.activation().parameters(),
                GOTHA,
                "Stadt Gotha",
                null,
                null,
                "max@example.org",
                Map.of(
                    "anliegen",
                    "anmeldung",
                    "vorname",
                    "Max",
                    "familienname",
                    "Beispiel",
                    "geburtsdatum",
                    "1984-08-12",
                    "anschrift",
                    Map.of(
                        "street",
                        "Hauptmarkt",
                        "houseNumber",
                        "1",
                        "postcode",
                        "99867",
                        "city",
                        "Gotha"),
                    "email",
                    "max@example.org",
                    "befreiungBeantragt",
                    false,
                    "hunde",
                    List.of(
                        Map.of(
                            "name",
                            "Luna",
                            "rasse",
                            "labrador",
                            "geschlecht",
                            "ruede",
                            "wurfdatum",
                            "2023-04-01",
                            "haltungsbeginn",
                            "2024-06-01",
                            "listenhund",
                            false))),
                List.of("richtigkeit", "aenderungen"),
                null,
                Locale.GERMAN))
        .antrag();
  }

  /** The Antrag's status history as "FROM -> TO (reason)", oldest first. */
  private List<String> history(Antrag antrag) {
    return jdbc.sql(
            """
            select coalesce(from_status || ' ', '') || '-> ' || to_status || ' (' || reason || ')'
            from antrag_status_history where antrag_id = ? order by id
            """)
        .param(antrag.id())
        .query(String.class)
        .list();
  }
}
