package de.amtsweg.applications;

import static org.assertj.core.api.Assertions.assertThat;

import de.amtsweg.support.AmtswegIT;
import de.amtsweg.support.Browser;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/**
 * The Gewerbe-Anmeldung from the start page to the receipt with a Servicekonto: a GbR of two
 * partners takes over a shop, with the person's data from the account and the fee on the check
 * page.
 */
class GewerbeAnmeldungAppIT extends AmtswegIT {

  private static final String GOTHA = "160670029029";

  @Test
  void partnersRegisterTheShopTheyTookOver() {
    Browser erika = AntragForms.loggedIn(browser(), "erika.mustermann@example.org", DEMO_PASSWORD);
    HttpResponse<String> unternehmen =
        AntragForms.startWithConsent(erika, GOTHA, "gewerbe-anmeldung", "uebernehmen");
    assertThat(AntragForms.path(unternehmen)).endsWith("/schritt/unternehmen");

    HttpResponse<String> person =
        AntragForms.next(
            erika,
            AntragForms.fill(
                erika,
                unternehmen,
                Map.of("rechtsform", "gbr", "betriebsname", "Mustermann & Partner Fahrräder GbR")));
    assertThat(AntragForms.path(person)).endsWith("/schritt/person");
    Document prefilled = Browser.page(person);
    assertThat(prefilled.select("input[name=geburtsort]").val()).isEqualTo("Berlin");
    assertThat(prefilled.select("input[name=anschrift.street]").val()).isEqualTo("Heidestraße");

    HttpResponse<String> gesellschaft =
        AntragForms.next(
            erika,
            AntragForms.fill(
                erika,
                person,
                Map.of(
                    "geschlecht", "weiblich", "geburtsland", "DE", "staatsangehoerigkeit", "DE")));
    assertThat(AntragForms.path(gesellschaft))
        .as("no residence title for Germans")
        .endsWith("/schritt/gesellschaft");

    HttpResponse<String> partner =
        AntragForms.next(
            erika,
            AntragForms.fill(
                erika,
                gesellschaft,
                Map.of("zahlGesellschafter", "2", "_action", "add:weiterePersonen")));
    assertThat(Browser.page(partner).select("input[name=weiterePersonen[0].familienname]"))
        .hasSize(1);
    HttpResponse<String> betrieb =
        AntragForms.next(
            erika,
            AntragForms.fill(
                erika,
                partner,
                Map.of(
                    "weiterePersonen[0].familienname",
                    "Schmidt",
                    "weiterePersonen[0].vornamen",
                    "Karl",
                    "weiterePersonen[0].geschlecht",
                    "maennlich",
                    "weiterePersonen[0].geburtsdatum",
                    "15.01.1962",
                    "weiterePersonen[0].geburtsort",
                    "Gotha",
                    "weiterePersonen[0].staatsangehoerigkeit",
                    "DE",
                    "weiterePersonen[0].anschrift.street",
                    "Hauptmarkt",
                    "weiterePersonen[0].anschrift.houseNumber",
                    "3",
                    "weiterePersonen[0].anschrift.postcode",
                    "99867",
                    "weiterePersonen[0].anschrift.city",
                    "Gotha")));
    assertThat(AntragForms.path(betrieb)).endsWith("/schritt/betrieb");

    HttpResponse<String> taetigkeit =
        AntragForms.next(
            erika,
            AntragForms.fill(
                erika,
                betrieb,
                Map.of(
                    "niederlassung",
                    "hauptniederlassung",
                    "betriebsanschrift.street",
                    "Marktstraße",
                    "betriebsanschrift.houseNumber",
                    "5",
                    "betriebsanschrift.postcode",
                    "99867",
                    "betriebsanschrift.city",
                    "Gotha")));
    assertThat(AntragForms.path(taetigkeit)).endsWith("/schritt/taetigkeit");

    // Each problem is told in the words of its question, in the summary and at the question.
    HttpResponse<String> wrongTaetigkeit =
        AntragForms.fill(
            erika,
            taetigkeit,
            Map.of("taetigkeit", "Bau", "beginn", "bald", "vollzeit", "2,5", "teilzeit", "-1"));
    Map<String, String> problems =
        Map.of(
            "#f-taetigkeit",
            "Beschreiben Sie die angemeldete Tätigkeit genauer, mit mindestens 5 Zeichen",
            "#f-betriebsart",
            "Wählen Sie mindestens eine Art des Betriebes aus, zum Beispiel Handwerk oder Handel",
            "#f-reisegewerbe",
            "Wählen Sie aus, ob Sie die Tätigkeit auch als Reisegewerbe ausüben",
            "#f-automatenaufstellung",
            "Wählen Sie aus, ob Sie Automaten aufstellen",
            "#f-nebenerwerb",
            "Wählen Sie aus, ob Sie die Tätigkeit im Nebenerwerb betreiben",
            "#f-beginn",
            "Geben Sie den Beginn der Tätigkeit als Datum an, zum Beispiel 15.01.2027",
            "#f-vollzeit",
            "Geben Sie die Zahl der Beschäftigten in Vollzeit als ganze Zahl an",
            "#f-teilzeit",
            "Die Zahl der Beschäftigten in Teilzeit darf nicht negativ sein");
    assertThat(AntragForms.errors(wrongTaetigkeit)).containsExactlyInAnyOrderEntriesOf(problems);
    problems.forEach(
        (target, message) ->
            assertThat(AntragForms.fieldError(wrongTaetigkeit, target.substring(1)))
                .as("at %s", target)
                .isEqualTo(message));

    HttpResponse<String> anlass =
        AntragForms.next(
            erika,
            AntragForms.fill(
                erika,
                wrongTaetigkeit,
                List.of(
                    Map.entry(
                        "taetigkeit",
                        "Einzelhandel mit Fahrrädern und Zubehör, Reparatur von Fahrrädern"),
                    Map.entry("betriebsart", "handel"),
                    Map.entry("betriebsart", "sonstiges"),
                    Map.entry("reisegewerbe", "false"),
                    Map.entry("automatenaufstellung", "false"),
                    Map.entry("nebenerwerb", "false"),
                    Map.entry("beginn", today().plusMonths(1).toString()),
                    Map.entry("vollzeit", "2"),
                    Map.entry("teilzeit", "1"))));
    assertThat(AntragForms.path(anlass)).endsWith("/schritt/anlass");

    // A takeover asks how and from whom, on the same page.
    // The questions appear before they are required: no error for a question never seen.
    HttpResponse<String> shown = AntragForms.fill(erika, anlass, Map.of("grund", "uebernahme"));
    assertThat(Browser.page(shown).select("[name=uebernahmeArt]")).isNotEmpty();
    assertThat(AntragForms.errors(shown)).doesNotContainKey("#f-uebernahmeArt");
    HttpResponse<String> takeover = AntragForms.fill(erika, shown, Map.of());
    assertThat(AntragForms.errors(takeover))
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "#f-uebernahmeArt",
                "Wählen Sie aus, ob Sie den Betrieb durch Erbfolge, Kauf oder Pacht übernehmen",
                "#f-fruehererName",
                "Geben Sie den Namen der früheren Gewerbetreibenden oder den früheren Firmennamen an"));
    assertThat(AntragForms.fieldError(takeover, "f-fruehererName"))
        .isEqualTo(
            "Geben Sie den Namen der früheren Gewerbetreibenden oder den früheren Firmennamen an");
    HttpResponse<String> erlaubnisse =
        AntragForms.next(
            erika,
            AntragForms.fill(
                erika,
                takeover,
                Map.of("uebernahmeArt", "kauf", "fruehererName", "Fahrrad Schmidt e. K.")));
    assertThat(AntragForms.path(erlaubnisse)).endsWith("/schritt/erlaubnisse");

    HttpResponse<String> check =
        AntragForms.next(
            erika,
            AntragForms.fill(
                erika,
                erlaubnisse,
                Map.of("erlaubnisErforderlich", "false", "handwerksrolle", "false")));
    assertThat(AntragForms.path(check)).endsWith("/pruefen");
    Document summary = Browser.page(check);
    assertThat(summary.text())
        .contains(
            "Gesellschaft bürgerlichen Rechts (GbR)",
            "Mustermann & Partner Fahrräder GbR",
            "Erika",
            "Berlin",
            "Schmidt",
            "Marktstraße",
            "Handel",
            "Fahrrad Schmidt e. K.");
    assertThat(summary.select("dt:contains(Gebühr) + dd").text()).isEqualTo("26,00 €");

    HttpResponse<String> submitted =
        AntragForms.submit(erika, check, "richtigkeit", "keineErlaubnis", "datenuebermittlung");
    String reference = AntragForms.reference(submitted, "GEWA");
    ReceiptCheck receipt = ReceiptCheck.of(AntragForms.receipt(erika, submitted), reference);
    assertThat(receipt.text())
        .contains(
            "Mustermann & Partner Fahrräder GbR",
            "Karl",
            "Marktstraße",
            "Fahrrad Schmidt",
            "26,00");
    assertThat(receipt.json()).contains("\"gbr\"", "handel", "kauf");
    assertThat(receipt.xml()).contains("Schmidt", "Gotha");
  }
}
