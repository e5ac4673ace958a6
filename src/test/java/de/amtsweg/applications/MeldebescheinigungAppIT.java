package de.amtsweg.applications;

import static org.assertj.core.api.Assertions.assertThat;

import de.amtsweg.support.AmtswegIT;
import de.amtsweg.support.Browser;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/**
 * The Meldebescheinigung app from the start page to the receipt, as a visitor without an account
 * and without JavaScript: an extended certificate for the applicant and two people of the
 * household, one of them with a power of attorney, with the fee on the check page.
 */
class MeldebescheinigungAppIT extends AmtswegIT {

  private static final String JENA = "160530000000";
  static final byte[] PDF =
      "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

  @Test
  void anonymousApplicantGetsAnExtendedCertificateForHerHousehold() {
    Browser browser = browser();
    AntragForms.choosePlace(browser, JENA);
    assertThat(Browser.page(browser.get("/antrag/meldebescheinigung")).select("dd").text())
        .contains("Stadt Jena");

    HttpResponse<String> bescheinigung = AntragForms.start(browser, "meldebescheinigung");
    assertThat(AntragForms.path(bescheinigung)).endsWith("/schritt/bescheinigung");
    assertThat(Browser.page(bescheinigung).select("input[name=zusatzangaben]"))
        .as("only for the extended one")
        .isEmpty();

    // Choosing the extended certificate adds a question to this page: it is shown before going on.
    Map<String, String> choice =
        Map.of("art", "erweitert", "anzahl", "2", "fuerWen", "selbstUndHaushalt");
    HttpResponse<String> more = AntragForms.fill(browser, bescheinigung, choice);
    assertThat(more.statusCode()).isEqualTo(200);
    Document morePage = Browser.page(more);
    assertThat(morePage.select("input[name=zusatzangaben]")).hasSize(8);
    assertThat(morePage.select("[role=status]").text()).contains("weitere Fragen");
    assertThat(morePage.select("input[name=art][value=erweitert]").hasAttr("checked")).isTrue();
    assertThat(morePage.select("#error-summary")).isEmpty();

    HttpResponse<String> antragsteller =
        AntragForms.next(
            browser,
            AntragForms.fill(
                browser,
                more,
                List.of(
                    Map.entry("zusatzangaben", "geburt"),
                    Map.entry("zusatzangaben", "familienstand"))));
    assertThat(AntragForms.path(antragsteller)).endsWith("/schritt/antragsteller");

    HttpResponse<String> personen =
        AntragForms.next(
            browser,
            AntragForms.fill(
                browser,
                antragsteller,
                Map.of(
                    "vorname",
                    "Jonas",
                    "familienname",
                    "Beispielmann",
                    "geburtsdatum",
                    "12.03.1980",
                    "anschrift.street",
                    "Löbdergraben",
                    "anschrift.houseNumber",
                    "12",
                    "anschrift.postcode",
                    "07743",
                    "anschrift.city",
                    "Jena",
                    "email",
                    "jonas.beispielmann@example.org",
                    "telefon",
                    "03641 490")));
    assertThat(AntragForms.path(personen)).endsWith("/schritt/personen");

    // The first person is a child (no power of attorney needed); "Weitere Person hinzufügen"
    // without JavaScript.
    Map<String, String> lina =
        Map.of(
            "personen[0].vorname",
            "Lina",
            "personen[0].familienname",
            "Beispielmann",
            "personen[0].geburtsdatum",
            today().minusYears(8).toString(),
            "personen[0].beziehung",
            "kind");
    Map<String, String> add = new HashMap<>(lina);
    add.put("_action", "add:personen");
    HttpResponse<String> two = AntragForms.next(browser, AntragForms.fill(browser, personen, add));
    Document twoPeople = Browser.page(two);
    assertThat(twoPeople.select("input[name=personen[0].vorname]").val()).isEqualTo("Lina");
    assertThat(twoPeople.select("input[name=personen[1].vorname]")).hasSize(1);
    assertThat(twoPeople.select("input[type=file][name=personen[1].vollmacht]")).hasSize(1);

    // The adult spouse needs a power of attorney: uploaded with the page.
    HttpResponse<String> zweck =
        AntragForms.next(
            browser,
            AntragForms.upload(
                browser,
                two,
                Map.of(
                    "personen[1].vorname",
                    "Tom",
                    "personen[1].familienname",
                    "Beispielmann",
                    "personen[1].geburtsdatum",
                    "1982-05-05",
                    "personen[1].beziehung",
                    "ehegatte"),
                "personen[1].vollmacht",
                "vollmacht.pdf",
                PDF));
    assertThat(AntragForms.path(zweck)).endsWith("/schritt/zweck");

    // "Sonstiger Zweck" asks for the body it is for: first the question, not an error for it.
    HttpResponse<String> stelle = AntragForms.fill(browser, zweck, Map.of("zweck", "sonstiges"));
    assertThat(AntragForms.errors(stelle)).isEmpty();
    assertThat(Browser.page(stelle).select("#f-zweckStelle")).hasSize(1);
    assertThat(AntragForms.errors(AntragForms.fill(browser, stelle, Map.of())))
        .containsEntry(
            "#f-zweckStelle",
            "Geben Sie an, für welche Stelle oder welches Verfahren Sie die Bescheinigung brauchen");
    HttpResponse<String> zustellung =
        AntragForms.next(
            browser,
            AntragForms.fill(
                browser, stelle, Map.of("zweckStelle", "Wohnungsgenossenschaft Jena")));
    assertThat(AntragForms.path(zustellung)).endsWith("/schritt/zustellung");

    HttpResponse<String> check =
        AntragForms.next(
            browser, AntragForms.fill(browser, zustellung, Map.of("zustellung", "post")));
    assertThat(AntragForms.path(check)).endsWith("/pruefen");
    Document summary = Browser.page(check);
    assertThat(summary.text())
        .contains(
            "Erweiterte Meldebescheinigung",
            "Familienstand",
            "Jonas",
            "12.03.1980",
            "Löbdergraben",
            "Lina",
            "Tom",
            "vollmacht.pdf",
            "Wohnungsgenossenschaft Jena");
    // Three people, two copies each, 12 € per extended certificate, no postage in the demo.
    assertThat(summary.select("dt:contains(Gebühr) + dd").text()).isEqualTo("72,00 €");
    assertThat(summary.text()).contains("72,00 €");

    HttpResponse<String> submitted =
        AntragForms.submit(browser, check, "richtigkeit", "berechtigung", "gebuehr");
    String reference = AntragForms.reference(submitted, "MELD");
    ReceiptCheck receipt = ReceiptCheck.of(AntragForms.receipt(browser, submitted), reference);
    assertThat(receipt.text())
        .contains(
            "Stadt Jena",
            "Erweiterte Meldebescheinigung",
            "Jonas",
            "Beispielmann",
            "Löbdergraben",
            "Lina",
            "Tom",
            "vollmacht.pdf",
            "72,00");
    assertThat(receipt.json())
        .contains("\"art\"", "erweitert", "familienstand", "Wohnungsgenossenschaft Jena");
    assertThat(receipt.xml()).contains("Beispielmann", "ehegatte");
  }
}
