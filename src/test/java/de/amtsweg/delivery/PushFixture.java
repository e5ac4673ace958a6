package de.amtsweg.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import de.amtsweg.applications.AntragManagement;
import de.amtsweg.fachverfahren.Hundesteuerregister;
import de.amtsweg.support.AmtswegIT;
import de.amtsweg.support.Browser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the push tests share: Stadt Jena's Hundesteuer on a webhook route to a running {@link
 * Hundesteuerregister}, submissions over the public API, and clean-up so that the pull route of the
 * demo is back after each test.
 */
abstract class PushFixture extends AmtswegIT {

  static final String JENA = "160530000000";
  static final String GOTHA = "160670029029";
  static final String APP = "hundesteuer";

  /** A Hundesteuer-Antrag of Erika Mustermann (as JSON for the public API). */
  static final String ANTRAG =
      """
      {"answers":{"anliegen":"anmeldung","vorname":"Erika","familienname":"Mustermann","geburtsdatum":"1984-08-12",
       "anschrift":{"street":"Fischmarkt","houseNumber":"1","postcode":"07743","city":"Jena"},
       "email":"erika@example.org",
       "hunde":[{"name":"Bello","rasse":"labrador","geschlecht":"ruede","wurfdatum":"2023-04-01",
                 "haltungsbeginn":"2024-06-01","listenhund":false}],"befreiungBeantragt":false},
       "declarations":["richtigkeit","aenderungen"]}
      """;

  @Autowired DeliveryRoutes routes;
  @Autowired DeliveryWorker worker;
  @Autowired Deliveries deliveries;
  @Autowired BackChannel backChannel;
  @Autowired AntragManagement antraege;
  @Autowired JdbcClient jdbc;
  final JsonMapper json = JsonMapper.builder().build();
  final List<Hundesteuerregister> registers = new ArrayList<>();
  final java.util.Map<String, String> receiptTokens = new java.util.HashMap<>();

  /** A register listening, with Jena's Hundesteuer routed to it (new secret). */
  Hundesteuerregister webhookRoute(com.nimbusds.jose.jwk.JWK keyPair) {
    return webhookRoute(keyPair.toPublicJWK().toJSONString()).usePrivateKey(keyPair);
  }

  Hundesteuerregister webhookRoute(String jwk) {
    try {
      Hundesteuerregister register =
          Hundesteuerregister.start(0, "not-yet", URI.create("http://localhost:" + port));
      registers.add(register);
      String secret =
          routes.configure(
              JENA,
              APP,
              new DeliveryRoutes.Change(
                  DeliveryChannel.WEBHOOK, register.endpoint().toString(), jwk, null, true));
      return register.useSecret(secret);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  Hundesteuerregister webhookRoute() {
    return webhookRoute((String) null);
  }

  @AfterEach
  void restoreDemoRoute() {
    registers.forEach(Hundesteuerregister::close);
    routes.set(JENA, APP, DeliveryChannel.PULL_API);
    routes.setAlertEmail(JENA, null);
    // Pushes this test left waiting must not reach a later test's receiver.
    jdbc.sql(
            "update delivery set next_attempt_at = now() + interval '30 days' where tenant_ars = ?"
                + " and channel = 'WEBHOOK' and state in ('QUEUED', 'FAILED')")
        .param(JENA)
        .update();
  }

  /** Submits a Hundesteuer-Antrag of Erika Mustermann anonymously; its reference number. */
  String submit(String ars) {
    String body = ANTRAG;
    HttpResponse<String> response =
        browser().postJson("/api/v1/tenants/" + ars + "/apps/" + APP + "/antraege", body);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    JsonNode submitted = json.readTree(response.body());
    String reference = submitted.path("reference").asString();
    receiptTokens.put(reference, submitted.path("receipt").asString().replaceAll(".*token=", ""));
    return reference;
  }

  Delivery delivery(String reference) {
    return deliveries.ofDocument(DocumentType.ANTRAG, antragId(reference)).orElseThrow();
  }

  UUID antragId(String reference) {
    return antraege.find(reference).orElseThrow().id();
  }

  /** The worker may try it again now (instead of waiting for the backoff). */
  void dueNow(Delivery delivery) {
    jdbc.sql("update delivery set next_attempt_at = now() where id = ?")
        .param(delivery.id())
        .update();
  }

  /** The applicant's timeline texts (with the receipt link's token an anonymous applicant has). */
  List<String> timeline(String reference) {
    JsonNode status =
        json.readTree(
            browser()
                .get("/api/v1/antraege/" + reference + "?token=" + receiptTokens.get(reference))
                .body());
    List<String> texts = new ArrayList<>();
    status.path("timeline").forEach(e -> texts.add(e.path("text").asString()));
    return texts;
  }

  /** The states a delivery went through, oldest first, as {@code FROM>TO}. */
  List<String> history(Delivery delivery) {
    return jdbc.sql(
            "select from_state || '>' || to_state from delivery_state_history where delivery_id = ?"
                + " order by id")
        .param(delivery.id())
        .query(String.class)
        .list();
  }

  /** Whether the Antrag is a case in the case inbox. */
  boolean caseInboxHas(String reference) {
    return jdbc.sql("select count(*) from casework_case where reference = ?")
            .param(reference)
            .query(Long.class)
            .single()
        == 1;
  }

  /** Mails in the local mailbox to this address, newest first: subject + body. */
  List<String> mailsTo(String address) {
    return jdbc.sql(
            "select subject || '\n' || body from outbound_mail where lower(recipient) = lower(?) order by created_at desc")
        .param(address)
        .query(String.class)
        .list();
  }

  Browser admin(String tenant) {
    Browser admin = browser();
    admin.signIn("verwaltung-" + tenant, DEMO_PASSWORD);
    return admin;
  }

  JsonNode read(String body) {
    return json.readTree(body);
  }
}
