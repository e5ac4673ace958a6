package de.amtsweg.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import de.amtsweg.applications.AntragManagement;
import de.amtsweg.appstore.AppStore;
import de.amtsweg.support.AmtswegIT;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The delivery record is written in the submitting transaction: a submission that rolls back leaves
 * no delivery behind, and every Antrag that exists has exactly one. The OpenAPI description
 * documents the pull API for vendors of Fachverfahren.
 */
class DeliveryOutboxIT extends AmtswegIT {

  @Autowired AntragManagement antraege;
  @Autowired Deliveries deliveries;
  @Autowired AppStore store;
  @Autowired JdbcClient jdbc;
  @Autowired PlatformTransactionManager transactions;

  @Test
  void aSubmissionThatRollsBackLeavesNoDeliveryAndEveryAntragHasOne() {
    AppStore.OfferedApp app = store.offered(DeliveryApiIT.ERFURT, "hundesteuer").orElseThrow();
    AntragManagement.Submission submission =
        new AntragManagement.Submission(
            "outbox-test:" + UUID.randomUUID(),
            app.app(),
            app.activation().parameters(),
            DeliveryApiIT.ERFURT,
            "Stadt Erfurt",
            null,
            null,
            "erika@example.org",
            Map.of(
                "anliegen",
                "anmeldung",
                "vorname",
                "Erika",
                "familienname",
                "Mustermann",
                "geburtsdatum",
                "1984-08-12",
                "anschrift",
                Map.of(
                    "street",
                    "Fischmarkt",
                    "houseNumber",
                    "1",
                    "postcode",
                    "99084",
                    "city",
                    "Erfurt"),
                "email",
                "erika@example.org",
                "befreiungBeantragt",
                false,
                "hunde",
                List.of(
                    Map.of(
                        "name",
                        "Bello",
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
            Locale.GERMAN);
    AtomicReference<String> reference = new AtomicReference<>();

    new TransactionTemplate(transactions)
        .executeWithoutResult(
            tx -> {
              AntragManagement.Submitted submitted = antraege.submit(submission);
              reference.set(submitted.antrag().reference());
              assertThat(deliveries.ofDocument(DocumentType.ANTRAG, submitted.antrag().id()))
                  .as("written by the listener, in this transaction")
                  .hasValueSatisfying(d -> assertThat(d.state()).isEqualTo(DeliveryState.QUEUED));
              tx.setRollbackOnly();
            });

    assertThat(antraege.find(reference.get())).isEmpty();
    assertThat(
            jdbc.sql("select count(*) from delivery where reference = ?")
                .param(reference.get())
                .query(Long.class)
                .single())
        .isZero();

    AntragManagement.Submitted committed = antraege.submit(submission);
    assertThat(deliveries.ofDocument(DocumentType.ANTRAG, committed.antrag().id())).isPresent();
    assertThat(
            jdbc.sql(
                    "select count(*) from antrag a where (select count(*) from delivery d where d.document_id = a.id and d.document_type = 'ANTRAG') <> 1")
                .query(Long.class)
                .single())
        .as("Anträge without exactly one delivery")
        .isZero();
  }

  @Test
  void theOpenApiDescriptionDocumentsThePullApi() {
    String openApi = browser().get("/api/openapi").body();
    assertThat(openApi)
        .contains(
            "/api/v1/delivery/submissions/{id}/acknowledgement",
            "/api/v1/delivery/submissions/{id}/status",
            "/api/v1/delivery/submissions/{id}/attachments/{attachmentId}",
            "Zustellung an Fachverfahren",
            "idempotencyKey");
  }
}
