package de.amtsweg.applications;

import static org.assertj.core.api.Assertions.assertThat;

import de.amtsweg.support.AmtswegIT;
import de.amtsweg.support.Browser;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/**
 * The Kita app from the start page to the receipt with a Servicekonto: the login it asks for, the
 * prefill consent, two parents (one at another address), two preferred centres, a sibling, and the
 * Antrag in the account afterwards.
 */
class KitaAnmeldungAppIT extends AmtswegIT {

  private static final String ERFURT = "160510000000";
  private static final String ERIKA = "erika.mustermann@example.org";

  @Test
  void parentRegistersHerChildWithTheServicekonto() {
    Browser visitor = browser();
    AntragForms.choosePlace(visitor, ERFURT);
    Document start = Browser.page(visitor.get("/antrag/kita-anmeldung"));
    HttpResponse<String> login =
        visitor.submit("/antrag/kita-anmeldung", Browser.csrf(start), Map.of());
    assertThat(login.headers().firstValue("Location").orElseThrow())
        .contains("/konto/anmelden?weiter=/antrag/kita-anmeldung");

    Browser erika = browser();
    assertThat(erika.logIn(ERIKA, DEMO_PASSWORD).statusCode()).isEqualTo(302);
    AntragForms.choosePlace(erika, ERFURT);
    HttpResponse<String> consent = AntragForms.start(erika, "kita-anmeldung");
    assertThat(AntragForms.path(consent)).endsWith("/daten");
    Document offers = Browser.page(consent);
    assertThat(offers.select("dl").text()).contains("Heidestraße 17, 99084 Erfurt", ERIKA);
    String base = AntragForms.path(consent).replace("/daten", "");
    HttpResponse<String> kind =
        erika.follow(
            erika.submit(base + "/daten", Browser.csrf(offers), Map.of("decision", "uebernehmen")));
    assertThat(AntragForms.path(kind)).endsWith("/schritt/kind");
    assertThat(Browser.page(kind).select("input[name=kindAnschrift.street]").val())
        .isEqualTo("Heidestraße");

    LocalDate born = today().minusMonths(18);
    HttpResponse<String> eltern =
        AntragForms.next(
            erika,
            AntragForms.fill(
                erika,
                kind,
                Map.of(
                    "kindVorname",
                    "Mia",
                    "kindFamilienname",
                    "Mustermann",
                    "kindGeburtsdatum",
                    born.toString(),
                    "kindGeschlecht",
                    "weiblich",
                    "familiensprache",
                    "Deutsch")));
    assertThat(AntragForms.path(eltern)).endsWith("/schritt/eltern");

    Map<String, String> mother =
        new HashMap<>(
            Map.of(
                "sorgeberechtigte[0].vorname",
                "Erika",
                "sorgeberechtigte[0].familienname",
                "Mustermann",
                "sorgeberechtigte[0].beziehung",
                "mutter",
                "sorgeberechtigte[0].taetigkeit",
                "erwerbstaetig",
                "sorgeberechtigte[0].abweichendeAnschrift",
                "false",
                "alleinerziehend",
                "false"));
    mother.put("_action", "add:sorgeberechtigte");
    HttpResponse<String> parents = AntragForms.next(erika, AntragForms.fill(erika, eltern, mother));
    assertThat(Browser.page(parents).select("input[name=sorgeberechtigte[1].vorname]")).hasSize(1);
    assertThat(Browser.page(parents).select("input[name=sorgeberechtigte[1].anschrift.street]"))
        .isEmpty();

    // The father lives elsewhere: his address is asked for on the same page.
    HttpResponse<String> address =
        AntragForms.fill(
            erika,
            parents,
            Map.of(
                "sorgeberechtigte[1].vorname",
                "Max",
                "sorgeberechtigte[1].familienname",
                "Mustermann",
                "sorgeberechtigte[1].beziehung",
                "vater",
                "sorgeberechtigte[1].taetigkeit",
                "ausbildung",
                "sorgeberechtigte[1].abweichendeAnschrift",
                "true"));
    assertThat(address.statusCode()).isEqualTo(200);
    assertThat(Browser.page(address).select("input[name=sorgeberechtigte[1].anschrift.street]"))
        .hasSize(1);
    assertThat(AntragForms.errors(address))
        .doesNotContainKey("#f-sorgeberechtigte-1-anschrift-street");
    assertThat(AntragForms.errors(AntragForms.fill(erika, address, Map.of())))
        .containsEntry(
            "#f-sorgeberechtigte-1-anschrift-street",
            "Geben Sie die Straße der oder des Sorgeberechtigten an");
    HttpResponse<String> betreuung =
        AntragForms.next(
            erika,
            AntragForms.fill(
                erika,
                address,
                Map.of(
                    "sorgeberechtigte[1].anschrift.street",
                    "Anger",
                    "sorgeberechtigte[1].anschrift.houseNumber",
                    "10",
                    "sorgeberechtigte[1].anschrift.postcode",
                    "99084",
                    "sorgeberechtigte[1].anschrift.city",
                    "Erfurt")));
    assertThat(AntragForms.path(betreuung)).endsWith("/schritt/betreuung");

    String beginn = today().plusMonths(6).toString();
    HttpResponse<String> twoCentres =
        AntragForms.next(
            erika,
            AntragForms.fill(
                erika,
                betreuung,
                Map.of(
                    "betreuungsbeginn",
                    beginn,
                    "betreuungsumfang",
                    "bis8",
                    "wunscheinrichtungen[0].einrichtung",
                    "Kita Sonnenschein",
                    "_action",
                    "add:wunscheinrichtungen")));
    HttpResponse<String> siblings =
        AntragForms.fill(
            erika,
            twoCentres,
            Map.of("wunscheinrichtungen[1].einrichtung", "Kita Regenbogen", "geschwister", "true"));
    // The siblings' questions appear first; left empty, they are reported.
    assertThat(Browser.page(siblings).select("[name^=geschwisterKinder]")).isNotEmpty();
    assertThat(AntragForms.errors(siblings)).doesNotContainKey("#f-geschwisterKinder");
    assertThat(AntragForms.errors(AntragForms.fill(erika, siblings, Map.of())))
        .containsEntry(
            "#f-geschwisterKinder-0-name",
            "Geben Sie den Vor- und Familiennamen des Geschwisterkindes an")
        .containsEntry(
            "#f-geschwisterKinder-0-einrichtung",
            "Geben Sie die Einrichtung des Geschwisterkindes an");
    HttpResponse<String> besonderes =
        AntragForms.next(
            erika,
            AntragForms.fill(
                erika,
                siblings,
                Map.of(
                    "geschwisterKinder[0].name",
                    "Paul Mustermann",
                    "geschwisterKinder[0].einrichtung",
                    "Kita Sonnenschein")));
    assertThat(AntragForms.path(besonderes)).endsWith("/schritt/besonderes");

    HttpResponse<String> kontakt =
        AntragForms.next(
            erika,
            AntragForms.fill(
                erika, besonderes, Map.of("besondereBeduerfnisse", "Mia verträgt keine Laktose.")));
    assertThat(AntragForms.path(kontakt)).endsWith("/schritt/kontakt");
    assertThat(Browser.page(kontakt).select("input[name=email]").val()).isEqualTo(ERIKA);

    HttpResponse<String> check =
        AntragForms.next(erika, AntragForms.fill(erika, kontakt, Map.of()));
    assertThat(AntragForms.path(check)).endsWith("/pruefen");
    Document summary = Browser.page(check);
    assertThat(summary.text())
        .contains(
            "Stadt Erfurt",
            "Mia",
            born.format(DateTimeFormatter.ofPattern("dd.MM.yyyy")),
            "Heidestraße",
            "Anger",
            "Kita Sonnenschein",
            "Kita Regenbogen",
            "Paul Mustermann",
            "bis zu 8 Stunden täglich");

    HttpResponse<String> submitted =
        AntragForms.submit(erika, check, "richtigkeit", "sorgerecht", "weitergabe", "aenderungen");
    String reference = AntragForms.reference(submitted, "KITA");
    ReceiptCheck receipt = ReceiptCheck.of(AntragForms.receipt(erika, submitted), reference);
    assertThat(receipt.text())
        .contains("Stadt Erfurt", "Mia", "Kita Regenbogen", "Paul Mustermann", "Laktose");
    assertThat(receipt.json()).contains("Kita Regenbogen", "bis8");
    assertThat(receipt.xml()).contains("Mustermann");

    assertThat(Browser.page(erika.get("/konto/antraege")).text()).contains(reference);
  }
}
