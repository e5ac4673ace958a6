package de.amtsweg.applications;

import static org.assertj.core.api.Assertions.assertThat;

import de.amtsweg.support.AmtswegIT;
import de.amtsweg.support.Browser;
import java.net.http.HttpResponse;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/**
 * The Hundesteuer app from the start page to the receipt, as a visitor without an account and
 * without JavaScript.
 */
class HundesteuerIT extends AmtswegIT {

  private static final String ERFURT = "160510000000";

  @Test
  void anonymousApplicantRegistersTwoDogsAndGetsAReceipt() {
    Browser browser = browser();
    AntragForms.choosePlace(browser, ERFURT);
    Document start = Browser.page(browser.get("/antrag/hundesteuer"));
    assertThat(start.select("dd").text()).contains("Stadt Erfurt");

    HttpResponse<String> anliegen = AntragForms.start(browser, "hundesteuer");
    assertThat(AntragForms.path(anliegen)).endsWith("/schritt/anliegen");
    String base = AntragForms.path(anliegen).replace("/schritt/anliegen", "");

    HttpResponse<String> halter =
        AntragForms.next(
            browser, AntragForms.fill(browser, anliegen, Map.of("anliegen", "anmeldung")));
    assertThat(AntragForms.path(halter)).endsWith("/schritt/halter");

    // A wrong e-mail address: the page comes back with the error linked to the field, nothing lost.
    Map<String, String> owner =
        new java.util.HashMap<>(
            Map.of(
                "vorname",
                "Erika",
                "familienname",
                "Mustermann",
                "geburtsdatum",
                "1984-08-12",
                "anschrift.street",
                "Fischmarkt",
                "anschrift.houseNumber",
                "1",
                "anschrift.postcode",
                "99084",
                "anschrift.city",
                "Erfurt",
                "email",
                "erika(at)example.org"));
    HttpResponse<String> wrong = AntragForms.fill(browser, halter, owner);
    assertThat(wrong.statusCode()).isEqualTo(200);
    Document errors = Browser.page(wrong);
    assertThat(errors.select("#error-summary a").attr("href")).isEqualTo("#f-email");
    assertThat(errors.select("#f-email").attr("aria-invalid")).isEqualTo("true");
    assertThat(errors.select("#f-vorname").val()).isEqualTo("Erika");
    assertThat(errors.title()).startsWith("Fehler:");

    owner.put("email", "erika@example.org");
    HttpResponse<String> hunde = AntragForms.next(browser, AntragForms.fill(browser, wrong, owner));
    assertThat(AntragForms.path(hunde)).endsWith("/schritt/hunde");

    Map<String, String> bello =
        Map.of(
            "hunde[0].name",
            "Bello",
            "hunde[0].rasse",
            "labrador",
            "hunde[0].geschlecht",
            "ruede",
            "hunde[0].wurfdatum",
            "2023-04-01",
            "hunde[0].haltungsbeginn",
            "2024-06-01",
            "hunde[0].listenhund",
            "false");
    // "Weiteren Hund hinzufügen" without JavaScript: a submit button that keeps what was typed.
    Map<String, String> add = new java.util.HashMap<>(bello);
    add.put("_action", "add:hunde");
    HttpResponse<String> two = AntragForms.next(browser, AntragForms.fill(browser, hunde, add));
    Document twoDogs = Browser.page(two);
    assertThat(twoDogs.select("input[name=hunde[0].name]").val()).isEqualTo("Bello");
    assertThat(twoDogs.select("input[name=hunde[1].name]")).hasSize(1);

    Map<String, String> both = new java.util.HashMap<>(bello);
    both.putAll(
        Map.of(
            "hunde[1].name",
            "Luna",
            "hunde[1].rasse",
            "beagle",
            "hunde[1].geschlecht",
            "huendin",
            "hunde[1].wurfdatum",
            "2022-01-01",
            "hunde[1].haltungsbeginn",
            "2024-06-01",
            "hunde[1].listenhund",
            "false"));
    HttpResponse<String> befreiung =
        AntragForms.next(browser, AntragForms.fill(browser, two, both));
    assertThat(AntragForms.path(befreiung)).endsWith("/schritt/befreiung");

    HttpResponse<String> check =
        AntragForms.next(
            browser, AntragForms.fill(browser, befreiung, Map.of("befreiungBeantragt", "false")));
    assertThat(AntragForms.path(check)).endsWith("/pruefen");
    Document summary = Browser.page(check);
    assertThat(summary.text()).contains("Labrador Retriever", "Luna", "12.08.1984", "246,00 €");

    // Submitting without the declarations is refused with the reason at the checkbox.
    HttpResponse<String> unconfirmed =
        browser.submit(base + "/absenden", Browser.csrf(summary), Map.of());
    assertThat(unconfirmed.statusCode()).isEqualTo(200);
    assertThat(Browser.page(unconfirmed).select("#error-summary a").eachAttr("href"))
        .contains("#f-declaration-richtigkeit", "#f-declaration-aenderungen");

    String csrf = Browser.csrf(Browser.page(unconfirmed));
    // One of two declarations confirmed is still refused.
    HttpResponse<String> half =
        browser.post(base + "/absenden", Map.of("_csrf", csrf, "erklaerung", "richtigkeit"));
    assertThat(half.statusCode()).isEqualTo(200);
    assertThat(Browser.page(half).select("#error-summary a").eachAttr("href"))
        .containsExactly("#f-declaration-aenderungen");
    HttpResponse<String> done =
        browser.post(
            base + "/absenden?erklaerung=aenderungen",
            Map.of("_csrf", csrf, "erklaerung", "richtigkeit"));
    assertThat(done.statusCode()).isEqualTo(302);
    String location =
        java.net.URI.create(done.headers().firstValue("Location").orElseThrow()).getPath();
    assertThat(location).matches("/antrag/eingang/HUND-\\d{4}-\\d{6}");

    Document confirmation = Browser.page(browser.follow(done));
    String reference = location.substring(location.lastIndexOf('/') + 1);
    assertThat(confirmation.select(".reference").text()).isEqualTo(reference);
    HttpResponse<byte[]> receipt =
        browser.download(confirmation.select("a[href*=eingangsbestaetigung]").attr("href"));
    assertThat(receipt.statusCode()).isEqualTo(200);
    assertThat(receipt.headers().firstValue("Content-Type")).hasValue("application/pdf");
    // PDF/A-3 with every answer for the reader and antrag.json/antrag.xml for programs.
    ReceiptCheck pdf = ReceiptCheck.of(receipt.body(), reference);
    assertThat(pdf.text())
        .contains(
            "Stadt Erfurt",
            "Erika",
            "Mustermann",
            "Fischmarkt",
            "Bello",
            "Labrador Retriever",
            "Luna",
            "246,00");
    assertThat(pdf.json()).contains("\"Bello\"", "\"labrador\"", "erika@example.org");
    assertThat(pdf.xml()).contains("Luna", "beagle");

    // The back button and a second click: the same Antrag, never a second one.
    HttpResponse<String> again =
        browser.post(
            base + "/absenden?erklaerung=aenderungen",
            Map.of("_csrf", csrf, "erklaerung", "richtigkeit"));
    assertThat(again.headers().firstValue("Location").orElseThrow()).endsWith(location);
    assertThat(browser.get(base + "/schritt/halter").headers().firstValue("Location").orElseThrow())
        .endsWith(location);

    // Another visitor cannot open the draft or the receipt.
    Browser stranger = browser();
    assertThat(stranger.get(base + "/pruefen").statusCode()).isEqualTo(404);
    assertThat(stranger.get(location).statusCode()).isEqualTo(404);
  }
}
