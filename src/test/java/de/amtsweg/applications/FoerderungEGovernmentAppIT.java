package de.amtsweg.applications;

import static org.assertj.core.api.Assertions.assertThat;

import de.amtsweg.support.AmtswegIT;
import de.amtsweg.support.Browser;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/**
 * The E-Government funding app from the start page to the receipt: Erika applies for her
 * municipality (an organisation of her Servicekonto) to the Land, with a cooperation, an OZG
 * service, two expense items that add up, and the cost estimate as a PDF.
 */
class FoerderungEGovernmentAppIT extends AmtswegIT {

  private static final String OHRDRUF = "160675050053";
  private static final String ERIKA = "erika.mustermann@example.org";

  @Test
  void municipalityAppliesForFundingOfItsProject() {
    Browser erika = browser();
    assertThat(erika.logIn(ERIKA, DEMO_PASSWORD).statusCode()).isEqualTo(302);
    AntragForms.choosePlace(erika, OHRDRUF);
    assertThat(Browser.page(erika.get("/antrag/foerderung-egovernment")).select("dd").text())
        .contains("Thüringen");

    // Which organisation? Erika works for a company and a municipality: she picks the municipality.
    HttpResponse<String> consent = AntragForms.start(erika, "foerderung-egovernment");
    assertThat(AntragForms.path(consent)).endsWith("/daten");
    Element ohrdruf =
        Browser.page(consent)
            .selectFirst("input[name=organisation] + label:contains(Stadt Ohrdruf (Demo))");
    assertThat(ohrdruf).as("organisation choice").isNotNull();
    String organisation = ohrdruf.previousElementSibling().attr("value");
    String base = AntragForms.path(consent).replace("/daten", "");
    Document offers = Browser.page(erika.get(base + "/daten?organisation=" + organisation));
    assertThat(offers.select("dl").text())
        .contains("Stadt Ohrdruf (Demo)", "Marktplatz 1, 99885 Ohrdruf");
    HttpResponse<String> antragsteller =
        erika.follow(
            erika.submit(
                base + "/daten",
                Browser.csrf(offers),
                Map.of("decision", "uebernehmen", "organisation", organisation)));
    assertThat(AntragForms.path(antragsteller)).endsWith("/schritt/antragsteller");
    Document prefilled = Browser.page(antragsteller);
    assertThat(prefilled.select("input[name=kommune]").val()).isEqualTo("Stadt Ohrdruf (Demo)");
    assertThat(prefilled.select("input[name=anschrift.city]").val()).isEqualTo("Ohrdruf");

    // A cooperation asks for the partners on the same page.
    HttpResponse<String> partners =
        AntragForms.fill(
            erika,
            antragsteller,
            Map.of(
                "kommuneArt",
                "stadt",
                "ars",
                OHRDRUF,
                "ansprechperson",
                "Erika Mustermann",
                "funktion",
                "Digitalisierungsbeauftragte",
                "kontoinhaber",
                "Stadtkasse Ohrdruf",
                "iban",
                "DE89 3704 0044 0532 0130 00",
                "kooperation",
                "true"));
    // The follow-up question appears before it is required.
    assertThat(Browser.page(partners).select("[name=kooperationspartner]")).isNotEmpty();
    assertThat(AntragForms.errors(partners)).doesNotContainKey("#f-kooperationspartner");
    assertThat(AntragForms.errors(AntragForms.fill(erika, partners, Map.of())))
        .containsEntry(
            "#f-kooperationspartner",
            "Geben Sie an, welche Kommunen beteiligt sind und welche Rolle sie haben");
    HttpResponse<String> vorhaben =
        AntragForms.next(
            erika,
            AntragForms.fill(
                erika,
                partners,
                Map.of(
                    "kooperationspartner",
                    "Die Gemeinde Emleben nutzt die Schnittstelle nach; Ohrdruf führt das Vorhaben federführend durch.")));
    assertThat(AntragForms.path(vorhaben)).endsWith("/schritt/vorhaben");

    // Each problem is told in the words of its question, in the summary and at the question.
    HttpResponse<String> wrongProject =
        AntragForms.fill(erika, vorhaben, Map.of("titel", "Akte", "ziele", "Weniger Papier."));
    Map<String, String> projectProblems =
        Map.of(
            "#f-titel", "Der Titel des Vorhabens muss mindestens 5 Zeichen lang sein",
            "#f-foerdergegenstand", "Wählen Sie aus, was gefördert werden soll",
            "#f-beschreibung", "Beschreiben Sie das Vorhaben",
            "#f-ziele",
                "Beschreiben Sie Ziele und Nutzen ausführlicher, mit mindestens 50 Zeichen");
    assertThat(AntragForms.errors(wrongProject))
        .containsExactlyInAnyOrderEntriesOf(projectProblems);
    projectProblems.forEach(
        (target, message) ->
            assertThat(AntragForms.fieldError(wrongProject, target.substring(1)))
                .as("at %s", target)
                .isEqualTo(message));

    Map<String, String> project =
        new HashMap<>(
            Map.of(
                "titel", "Anbindung der E-Akte an die Online-Anträge",
                "foerdergegenstand", "schnittstellen",
                "beschreibung",
                    "Online eingehende Anträge werden heute ausgedruckt und wieder eingescannt. Das Vorhaben"
                        + " schafft eine Schnittstelle (FIT-Connect), über die Anträge samt Anlagen direkt in die E-Akte gehen.",
                "ziele",
                    "Medienbruchfreie Bearbeitung aller Online-Anträge; etwa 15 Minuten weniger je Antrag.",
                "_action", "add:ozgLeistungen"));
    HttpResponse<String> ozg =
        AntragForms.next(erika, AntragForms.fill(erika, wrongProject, project));
    assertThat(Browser.page(ozg).select("input[name=ozgLeistungen[0].ozgId]")).hasSize(1);
    HttpResponse<String> zeitplan =
        AntragForms.next(
            erika,
            AntragForms.fill(
                erika,
                ozg,
                Map.of(
                    "ozgLeistungen[0].ozgId",
                    "10559",
                    "ozgLeistungen[0].bezeichnung",
                    "Meldebescheinigung und -registerauskunft")));
    assertThat(AntragForms.path(zeitplan)).endsWith("/schritt/zeitplan");

    HttpResponse<String> kosten =
        AntragForms.next(
            erika,
            AntragForms.fill(
                erika,
                zeitplan,
                Map.of(
                    "beginn",
                    today().plusMonths(3).toString(),
                    "ende",
                    today().plusMonths(15).toString(),
                    "vorzeitigerBeginn",
                    "false")));
    assertThat(AntragForms.path(kosten)).endsWith("/schritt/kosten");

    HttpResponse<String> wrongCosts =
        AntragForms.fill(
            erika,
            kosten,
            Map.of(
                "kostenpositionen[0].bezeichnung", "Schnittstelle E-Akte – FIT-Connect",
                "kostenpositionen[0].kostenart", "dienstleistung",
                "kostenpositionen[0].betrag", "viel",
                "kostenpositionen[0].haushaltsjahr", "2050"));
    Map<String, String> costProblems =
        Map.of(
            "#f-kostenpositionen-0-betrag",
            "Geben Sie den Betrag der Ausgabe in Euro an, zum Beispiel 8000 oder 8000,50",
            "#f-kostenpositionen-0-haushaltsjahr",
            "Das Haushaltsjahr muss 2040 oder früher sein",
            "#f-eigenanteil",
            "Geben Sie den Eigenanteil der Kommune in Euro an, oder 0",
            "#f-drittmittel",
            "Geben Sie die Mittel Dritter in Euro an, oder 0",
            "#f-beantragt",
            "Geben Sie die beantragte Zuwendung in Euro an");
    assertThat(AntragForms.errors(wrongCosts)).containsExactlyInAnyOrderEntriesOf(costProblems);
    costProblems.forEach(
        (target, message) ->
            assertThat(AntragForms.fieldError(wrongCosts, target.substring(1)))
                .as("at %s", target)
                .isEqualTo(message));

    HttpResponse<String> twoItems =
        AntragForms.next(
            erika,
            AntragForms.fill(
                erika,
                wrongCosts,
                Map.of(
                    "kostenpositionen[0].bezeichnung",
                    "Schnittstelle E-Akte – FIT-Connect",
                    "kostenpositionen[0].kostenart",
                    "dienstleistung",
                    "kostenpositionen[0].betrag",
                    "42.000,00",
                    "kostenpositionen[0].haushaltsjahr",
                    "2027",
                    "_action",
                    "add:kostenpositionen")));
    HttpResponse<String> anlagen =
        AntragForms.next(
            erika,
            AntragForms.fill(
                erika,
                twoItems,
                Map.of(
                    "kostenpositionen[1].bezeichnung",
                    "Schulung der Sachbearbeitung",
                    "kostenpositionen[1].kostenart",
                    "schulung",
                    "kostenpositionen[1].betrag",
                    "8000",
                    "kostenpositionen[1].haushaltsjahr",
                    "2027",
                    "eigenanteil",
                    "10000",
                    "drittmittel",
                    "0",
                    "beantragt",
                    "40.000")));
    assertThat(AntragForms.path(anlagen)).endsWith("/schritt/anlagen");

    HttpResponse<String> check =
        AntragForms.next(
            erika,
            AntragForms.upload(
                erika,
                anlagen,
                Map.of(),
                "kostennachweis",
                "kostenschaetzung.pdf",
                MeldebescheinigungAppIT.PDF));
    assertThat(AntragForms.path(check)).endsWith("/pruefen");
    Document summary = Browser.page(check);
    assertThat(summary.text())
        .contains(
            "Thüringen",
            "Stadt Ohrdruf (Demo)",
            "Anbindung der E-Akte",
            "10559",
            "Schulung der Sachbearbeitung",
            "kostenschaetzung.pdf",
            "DE89");
    assertThat(summary.select("dt:contains(Zuwendungsfähige Gesamtausgaben) + dd").text())
        .isEqualTo("50.000,00 €");
    assertThat(summary.select("dt:contains(Höchstmögliche Zuwendung) + dd").text())
        .isEqualTo("40.000,00 €");

    HttpResponse<String> submitted =
        AntragForms.submit(
            erika, check, "nichtBegonnen", "keineDoppelfoerderung", "finanzierung", "vertretung");
    String reference = AntragForms.reference(submitted, "EGOV");
    ReceiptCheck receipt = ReceiptCheck.of(AntragForms.receipt(erika, submitted), reference);
    assertThat(receipt.text())
        .contains(
            "Stadt Ohrdruf (Demo)",
            "Anbindung der E-Akte",
            "Emleben",
            "Schulung der Sachbearbeitung",
            "kostenschaetzung.pdf",
            "50.000,00");
    assertThat(receipt.json()).contains("DE89370400440532013000", "schnittstellen", "10559");
    assertThat(receipt.xml()).contains("Stadtkasse Ohrdruf");
  }
}
