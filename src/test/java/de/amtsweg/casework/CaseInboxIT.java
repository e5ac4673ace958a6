package de.amtsweg.casework;

import static de.amtsweg.support.Browser.csrf;
import static de.amtsweg.support.Browser.page;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import de.amtsweg.account.AccountManagement;
import de.amtsweg.account.Postfach;
import de.amtsweg.account.PostfachMessage;
import de.amtsweg.applications.AntragManagement;
import de.amtsweg.applications.AntragStatus;
import de.amtsweg.appstore.AppStore;
import de.amtsweg.support.AmtswegIT;
import de.amtsweg.support.Browser;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The case inbox over real HTTP: filters, assignment, status, notes, questions and replies,
 * Bescheide, exports, the audit log, tenant isolation and CSRF.
 */
class CaseInboxIT extends AmtswegIT {

  static final String INBOX = "/verwaltung/vorgaenge";

  @Autowired AntragManagement antraege;
  @Autowired AppStore store;
  @Autowired AccountManagement accounts;
  @Autowired Postfach postfach;
  @Autowired JdbcClient jdbc;

  CaseFixtures fixtures;
  CaseFixtures.Citizen citizen;

  @BeforeEach
  void fixtures() {
    fixtures = new CaseFixtures(antraege, store, accounts, jdbc);
    citizen = fixtures.citizen();
  }

  Browser staff(String username) {
    Browser browser = browser();
    assertThat(browser.signIn(username, DEMO_PASSWORD).statusCode()).isEqualTo(302);
    return browser;
  }

  /** The applicant, logged in to their Servicekonto. */
  Browser applicant() {
    Browser browser = browser();
    assertThat(browser.logIn(citizen.email(), CaseFixtures.PASSWORD).statusCode()).isEqualTo(302);
    return browser;
  }

  static String path(String reference) {
    return INBOX + "/" + reference;
  }

  /** Posts a form of the case page with the page's CSRF token. */
  static HttpResponse<String> act(
      Browser browser, String reference, String action, Map<String, String> fields) {
    String token = csrf(page(browser.get(path(reference))));
    return browser.submit(path(reference) + "/" + action, token, fields);
  }

  static List<String> references(Document inbox) {
    return inbox.select("#cases a.reference").eachText();
  }

  @Test
  void theInboxListsTheTenantsCasesNewestFirstAndFilters() {
    String first = fixtures.from(citizen, CaseFixtures.GOTHA, "Anton");
    String second = fixtures.anonymous(CaseFixtures.GOTHA, "max@example.org", "Berta");
    String elsewhere = fixtures.from(citizen, CaseFixtures.OHRDRUF, "Carla");
    Browser gotha = staff("sachbearbeitung-gotha");

    Document inbox = page(gotha.get(INBOX));
    assertThat(inbox.title()).startsWith("Vorgänge");
    assertThat(inbox.select("header a[href='/verwaltung/vorgaenge']"))
        .as("staff link in the layout")
        .isNotEmpty();
    List<String> listed = references(inbox);
    assertThat(listed).contains(first, second).doesNotContain(elsewhere);
    assertThat(listed.indexOf(second)).as("newest first").isLessThan(listed.indexOf(first));
    assertThat(inbox.selectFirst("#case-" + second + " .case-status").text())
        .isEqualTo("Eingegangen");

    assertThat(
            act(gotha, first, "zuweisen", Map.of("zugewiesen", "sachbearbeitung-gotha"))
                .statusCode())
        .isEqualTo(302);
    assertThat(references(page(gotha.get(INBOX + "?zugewiesen=me"))))
        .contains(first)
        .doesNotContain(second);
    assertThat(references(page(gotha.get(INBOX + "?zugewiesen=none"))))
        .contains(second)
        .doesNotContain(first);
    assertThat(references(page(gotha.get(INBOX + "?zugewiesen=sachbearbeitung-gotha"))))
        .contains(first);
    assertThat(
            page(gotha.get(INBOX + "?zugewiesen=me"))
                .selectFirst("#case-" + first + " .case-assignee")
                .text())
        .isEqualTo("Sachbearbeitung gotha (Demo)");

    act(gotha, second, "status", Map.of("status", "IN_BEARBEITUNG"));
    assertThat(references(page(gotha.get(INBOX + "?status=IN_BEARBEITUNG"))))
        .contains(second)
        .doesNotContain(first);
    assertThat(references(page(gotha.get(INBOX + "?app=hundesteuer&status=EINGEGANGEN"))))
        .contains(first);
    assertThat(references(page(gotha.get(INBOX + "?app=kita-anmeldung"))))
        .doesNotContain(first, second);

    String today = LocalDate.now(java.time.ZoneId.of("Europe/Berlin")).toString();
    String tomorrow = LocalDate.now(java.time.ZoneId.of("Europe/Berlin")).plusDays(1).toString();
    assertThat(references(page(gotha.get(INBOX + "?von=" + today + "&bis=" + today))))
        .contains(first, second);
    Document none = page(gotha.get(INBOX + "?von=" + tomorrow));
    assertThat(references(none)).isEmpty();
    assertThat(none.selectFirst("#case-count").text()).isEqualTo("Keine Vorgänge");

    Document invalid = page(gotha.get(INBOX + "?von=gestern"));
    assertThat(invalid.selectFirst("#error-summary a[href='#von']").text()).contains("Datum");
    assertThat(invalid.selectFirst("#von").attr("aria-invalid")).isEqualTo("true");
    assertThat(invalid.selectFirst("#von").attr("aria-describedby")).isEqualTo("von-error");
    assertThat(invalid.selectFirst("#von-error").text()).contains("Datum");
    assertThat(invalid.selectFirst("#bis").hasAttr("aria-invalid")).isFalse();
    Document backwards = page(gotha.get(INBOX + "?von=" + tomorrow + "&bis=" + today));
    assertThat(backwards.selectFirst("#error-summary a[href='#bis']").text()).contains("nicht vor");
  }

  @Test
  void theInboxPagesThroughManyCases() {
    for (int i = 0; i < 26; i++) {
      fixtures.anonymous(CaseFixtures.OHRDRUF, "viele@example.org", "Hund " + i);
    }
    Browser ohrdruf = staff("sachbearbeitung-ohrdruf");
    Document first = page(ohrdruf.get(INBOX));
    assertThat(first.select("#cases tbody tr")).hasSize(25);
    String next = first.selectFirst("a[rel=next]").attr("href");
    Document second = page(ohrdruf.get(next));
    assertThat(second.select("#cases tbody tr")).isNotEmpty();
    assertThat(references(second)).doesNotContainAnyElementsOf(references(first));
    assertThat(second.selectFirst("a[rel=prev]")).isNotNull();
  }

  @Test
  void openingACaseShowsEverythingAndAcknowledgesReceiptOnTheCitizensTimeline() {
    String reference = fixtures.from(citizen, CaseFixtures.GOTHA, "Dora");
    Browser gotha = staff("sachbearbeitung-gotha");
    Document list = page(gotha.get(INBOX));
    assertThat(list.selectFirst("#case-" + reference + " .new-case"))
        .as("not opened yet")
        .isNotNull();

    Document opened = page(gotha.get(path(reference)));
    assertThat(opened.selectFirst("h1").text()).contains("Hundesteuer", reference);
    assertThat(opened.select(".case-answers").text()).contains("Dora", "Mustermann", "12.08.1984");
    assertThat(opened.selectFirst("#contact-email").text()).isEqualTo(citizen.email());
    assertThat(opened.select("#case-timeline li").eachText())
        .anySatisfy(e -> assertThat(e).contains("Antrag eingegangen"))
        .anySatisfy(e -> assertThat(e).contains("An die Behörde übermittelt"))
        .anySatisfy(e -> assertThat(e).contains("Bei der Behörde eingegangen"));
    assertThat(page(gotha.get(INBOX)).selectFirst("#case-" + reference + " .new-case")).isNull();

    gotha.get(path(reference));
    Document mine = page(applicant().get("/konto/antraege/" + reference));
    assertThat(mine.select(".timeline li").eachText())
        .filteredOn(e -> e.contains("Bei der Behörde eingegangen"))
        .as("acknowledged once, however often it is opened")
        .hasSize(1);
  }

  @Test
  void statusChangesFollowTheTransitionTableAndReachTheCitizensTimeline() {
    String reference = fixtures.from(citizen, CaseFixtures.GOTHA, "Emil");
    Browser gotha = staff("sachbearbeitung-gotha");
    assertThat(act(gotha, reference, "status", Map.of("status", "IN_BEARBEITUNG")).statusCode())
        .isEqualTo(302);
    Document opened = page(gotha.get(path(reference)));
    assertThat(opened.selectFirst("#case-status").text()).isEqualTo("In Bearbeitung");
    assertThat(opened.selectFirst("#case-notice").text()).contains("Status ist geändert");
    assertThat(opened.select("#change-status option").eachAttr("value"))
        .containsExactly("BESCHIEDEN", "ABGESCHLOSSEN");

    HttpResponse<String> rueckfrage =
        act(gotha, reference, "status", Map.of("status", "RUECKFRAGE"));
    assertThat(page(rueckfrage).selectFirst("#error-summary a[href='#status']").text())
        .contains("Rückfrage stellen");

    Document mine = page(applicant().get("/konto/antraege/" + reference));
    assertThat(mine.select(".timeline li").eachText())
        .anySatisfy(
            e ->
                assertThat(e)
                    .matches(
                        "\\d\\d\\.\\d\\d\\.\\d{4} \\d\\d:\\d\\d: Die Behörde bearbeitet Ihren Antrag"));

    act(gotha, reference, "status", Map.of("status", "ABGESCHLOSSEN"));
    assertThat(page(gotha.get(path(reference))).select("#change-status"))
        .as("nothing follows ABGESCHLOSSEN")
        .isEmpty();
    assertThat(antraege.find(reference).orElseThrow().status())
        .isEqualTo(AntragStatus.ABGESCHLOSSEN);
    assertThat(
            jdbc.sql(
                    "select h.from_status || '>' || h.to_status || ' ' || h.changed_by"
                        + " from casework_status_history h join casework_case c using (antrag_id)"
                        + " where c.reference = ? order by h.id")
                .param(reference)
                .query(String.class)
                .list())
        .as("every change of the case's status, by whom, written by its gate")
        .containsExactly(
            "EINGEGANGEN>IN_BEARBEITUNG sachbearbeitung-gotha",
            "IN_BEARBEITUNG>ABGESCHLOSSEN sachbearbeitung-gotha");
  }

  @Test
  void notesAreInternalAndValidated() {
    String reference = fixtures.from(citizen, CaseFixtures.GOTHA, "Fritz");
    Browser gotha = staff("sachbearbeitung-gotha");
    HttpResponse<String> empty = act(gotha, reference, "notizen", Map.of("notiz", "  "));
    assertThat(page(empty).selectFirst("#error-summary a[href='#notiz']").text())
        .isEqualTo("Bitte schreiben Sie die Notiz.");
    assertThat(page(empty).selectFirst("#notiz").attr("aria-invalid")).isEqualTo("true");
    assertThat(page(empty).selectFirst("#notiz").attr("aria-describedby")).isEqualTo("notiz-error");
    assertThat(page(empty).selectFirst("#notiz-error").text())
        .isEqualTo("Bitte schreiben Sie die Notiz.");

    act(gotha, reference, "notizen", Map.of("notiz", "Impfpass telefonisch angefragt."));
    Document opened = page(gotha.get(path(reference)));
    assertThat(opened.select(".case-note").text())
        .contains("Impfpass telefonisch angefragt.", "Sachbearbeitung gotha");
    assertThat(applicant().get("/konto/antraege/" + reference).body()).doesNotContain("Impfpass");
  }

  @Test
  void anAuthorityThatChargesAfterTheBescheidSetsTheFeeAndTheApplicantIsAskedToPayIt() {
    String reference = fixtures.from(citizen, CaseFixtures.OHRDRUF, "Bruno");
    Browser ohrdruf = staff("sachbearbeitung-ohrdruf");
    HttpResponse<String> wrong = act(ohrdruf, reference, "gebuehr", Map.of("betrag", "zwölf Euro"));
    assertThat(page(wrong).selectFirst("#error-summary a[href='#betrag']").text())
        .isEqualTo("Geben Sie den Betrag in Euro an, zum Beispiel 96,00.");

    act(ohrdruf, reference, "gebuehr", Map.of("betrag", "96,5"));
    Document opened = page(ohrdruf.get(path(reference)));
    assertThat(opened.selectFirst("#fee-state").text())
        .startsWith("Gebühr 96,50 €, Zahlung: offen, Kassenzeichen: ");
    assertThat(opened.selectFirst("#set-fee")).as("the fee is set once").isNull();
    assertThat(opened.select("#case-timeline li").eachText())
        .as("the timeline names the amount, never an empty placeholder")
        .anySatisfy(e -> assertThat(e).contains("Gebühr zu bezahlen: 96,50 €"))
        .allSatisfy(e -> assertThat(e).doesNotContain("()", "{0}"));
    Document followed = page(applicant().get("/konto/antraege/" + reference));
    assertThat(followed.select(".timeline").text()).contains("Gebühr zu bezahlen: 96,50");
    // The payment request is a technical step: under "Details", not in the progress.
    assertThat(followed.select(".timeline-details").text())
        .contains("Zahlung angefordert (Kassenzeichen ");

    String gotha = fixtures.from(citizen, CaseFixtures.GOTHA, "Fiete");
    Browser gothaStaff = staff("sachbearbeitung-gotha");
    assertThat(page(gothaStaff.get(path(gotha))).selectFirst("#set-fee"))
        .as("Gotha charges no fee after the Bescheid")
        .isNull();
    HttpResponse<String> refused = act(gothaStaff, gotha, "gebuehr", Map.of("betrag", "10"));
    assertThat(page(refused).selectFirst("#error-summary").text())
        .contains("kann keine Gebühr festgesetzt werden");
  }

  @Test
  void aQuestionGoesToThePostfachAndTheReplyComesBackToTheCase() {
    String reference = fixtures.from(citizen, CaseFixtures.GOTHA, "Gustav");
    Browser gotha = staff("sachbearbeitung-gotha");
    HttpResponse<String> empty = act(gotha, reference, "rueckfrage", Map.of("frage", ""));
    assertThat(page(empty).selectFirst("#error-summary a[href='#frage']").text())
        .isEqualTo("Bitte schreiben Sie Ihre Frage.");
    assertThat(page(empty).selectFirst("#frage").attr("aria-invalid")).isEqualTo("true");
    assertThat(page(empty).selectFirst("#frage").attr("aria-describedby").split(" "))
        .containsExactly("frage-hint", "frage-error");

    act(
        gotha,
        reference,
        "rueckfrage",
        Map.of("frage", "Bitte senden Sie uns den Impfnachweis von Gustav."));
    assertThat(page(gotha.get(path(reference))).selectFirst("#case-status").text())
        .isEqualTo("Rückfrage der Behörde");
    PostfachMessage question =
        postfach.list(citizen.id(), reference, 0, 50).messages().stream()
            .filter(m -> m.kind() == PostfachMessage.Kind.QUESTION)
            .findFirst()
            .orElseThrow();
    assertThat(question.body()).isEqualTo("Bitte senden Sie uns den Impfnachweis von Gustav.");
    assertThat(question.subject()).isEqualTo("Rückfrage zu Ihrem Antrag " + reference);

    Browser browser = applicant();
    Document mine = page(browser.get("/konto/antraege/" + reference));
    assertThat(mine.select(".timeline li a[href='/konto/postfach/" + question.id() + "']"))
        .as("link to the question")
        .isNotEmpty();
    String token = csrf(page(browser.get("/konto/postfach/" + question.id())));
    HttpResponse<String> replied =
        browser.upload(
            "/konto/postfach/" + question.id() + "/antwort",
            token,
            Map.of("text", "Anbei der Impfnachweis."),
            "anhang",
            "impfnachweis.pdf",
            "application/pdf",
            CaseFixtures.PDF);
    assertThat(replied.statusCode()).isEqualTo(302);

    // The reply reaches its case after it is committed, in a listener of its own.
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () ->
                assertThat(page(gotha.get(path(reference))).select(".case-question").text())
                    .contains(
                        "Bitte senden Sie uns den Impfnachweis von Gustav.",
                        "Anbei der Impfnachweis."));
    Document opened = page(gotha.get(path(reference)));
    String download = opened.selectFirst(".case-reply a[href*='/antworten/']").attr("href");
    HttpResponse<byte[]> file = gotha.download(download);
    assertThat(file.statusCode()).isEqualTo(200);
    assertThat(new String(file.body(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
    assertThat(page(browser.get("/konto/antraege/" + reference)).select(".timeline li").eachText())
        .anySatisfy(e -> assertThat(e).contains("Sie haben auf die Rückfrage geantwortet"));
  }

  @Test
  void withoutAServicekontoTheCasePageExplainsAndShowsTheAddress() {
    String reference = fixtures.anonymous(CaseFixtures.GOTHA, "ohne.konto@example.org", "Hasso");
    Browser gotha = staff("sachbearbeitung-gotha");
    Document opened = page(gotha.get(path(reference)));
    assertThat(opened.select("#ask")).isEmpty();
    assertThat(opened.selectFirst("#no-postfach").text())
        .contains("ohne Servicekonto", "ohne.konto@example.org");
    HttpResponse<String> refused = act(gotha, reference, "rueckfrage", Map.of("frage", "Frage?"));
    assertThat(refused.statusCode()).isEqualTo(409);
    assertThat(page(gotha.get(path(reference))).selectFirst("#case-status").text())
        .isEqualTo("Eingegangen");
  }

  @Test
  void aBescheidFromTheTemplateIsPreviewedAndSentToThePostfach() {
    String reference = fixtures.from(citizen, CaseFixtures.GOTHA, "Ida");
    Browser gotha = staff("sachbearbeitung-gotha");
    Document draft = page(gotha.get(path(reference) + "/bescheid"));
    String text = draft.selectFirst("textarea#text").text();
    assertThat(text)
        .contains("Stadt Gotha", "Aktenzeichen: " + reference, "Erika Mustermann", "Hundesteuer")
        .doesNotContain("{{");
    String token = csrf(draft);

    HttpResponse<String> previewed =
        gotha.submit(
            path(reference) + "/bescheid",
            token,
            Map.of("text", text + "\n\nZusatz.", "aktion", "vorschau"));
    assertThat(page(previewed).select("#bescheid-preview").text()).contains("Zusatz.");
    assertThat(antraege.find(reference).orElseThrow().status()).isEqualTo(AntragStatus.EINGEGANGEN);

    HttpResponse<String> emptied =
        gotha.submit(path(reference) + "/bescheid", token, Map.of("text", " ", "aktion", "senden"));
    assertThat(page(emptied).selectFirst("#error-summary a[href='#text']")).isNotNull();

    HttpResponse<String> sent =
        gotha.submit(
            path(reference) + "/bescheid", token, Map.of("text", text, "aktion", "senden"));
    assertThat(sent.statusCode()).isEqualTo(302);
    Document opened = page(gotha.get(path(reference)));
    assertThat(opened.selectFirst("#case-status").text()).isEqualTo("Beschieden");
    assertThat(opened.selectFirst("#case-notice").text()).contains("Postfach");
    HttpResponse<byte[]> kept = gotha.download(opened.selectFirst("#bescheide a").attr("href"));
    assertThat(new String(kept.body(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
    assertThat(opened.select("#create-bescheid")).as("decided once").isEmpty();

    PostfachMessage bescheid =
        postfach.list(citizen.id(), reference, 0, 50).messages().stream()
            .filter(m -> m.kind() == PostfachMessage.Kind.BESCHEID)
            .findFirst()
            .orElseThrow();
    assertThat(bescheid.subject()).isEqualTo("Bescheid zu Ihrem Antrag " + reference);
    assertThat(bescheid.attachments())
        .singleElement()
        .satisfies(a -> assertThat(a.fileName()).isEqualTo("Bescheid-" + reference + ".pdf"));
    PostfachMessage.File pdf =
        postfach.attachment(citizen.id(), bescheid.id(), bescheid.attachments().getFirst().id());
    assertThat(new String(pdf.content(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");

    Document mine = page(applicant().get("/konto/antraege/" + reference));
    assertThat(mine.select(".timeline li a[href='/konto/postfach/" + bescheid.id() + "']"))
        .isNotEmpty();
    assertThat(mine.select(".timeline li").eachText())
        .anySatisfy(e -> assertThat(e).contains("Die Behörde hat entschieden (Bescheid)"));
  }

  /** A real one-page PDF, as a scanner or a Fachverfahren writes it. */
  static byte[] onePagePdf() throws IOException {
    try (PDDocument document = new PDDocument()) {
      document.addPage(new PDPage(PDRectangle.A4));
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      document.save(out);
      return out.toByteArray();
    }
  }

  /** A small real photo (PNG). */
  static byte[] photo() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(new BufferedImage(40, 20, BufferedImage.TYPE_INT_RGB), "png", out);
    return out.toByteArray();
  }

  @Test
  void theCertificateAttachedToTheBescheidReachesThePostfachWithIt() throws IOException {
    String reference = fixtures.from(citizen, CaseFixtures.GOTHA, "Kalle");
    Browser gotha = staff("sachbearbeitung-gotha");
    Document draft = page(gotha.get(path(reference) + "/bescheid"));
    String text = draft.selectFirst("textarea#text").text();
    String form = path(reference) + "/bescheid";
    Map<String, String> anlage = Map.of("text", text + "\n\nMit Anlage.", "aktion", "anlage");

    Document renamed =
        page(
            gotha.upload(
                form,
                csrf(draft),
                anlage,
                List.of(
                    new Browser.FilePart(
                        "anlagen", "urkunde.pdf", "application/pdf", "<html>".getBytes()))));
    assertThat(renamed.selectFirst("#error-summary a[href='#anlagen']").text())
        .contains("„urkunde.pdf“ ist kein PDF");
    assertThat(renamed.selectFirst("#anlagen").attr("aria-invalid")).isEqualTo("true");
    assertThat(renamed.selectFirst("#anlagen").attr("aria-describedby")).contains("anlagen-error");
    assertThat(renamed.selectFirst("textarea#text").text()).contains("Mit Anlage.");

    Document oversize =
        page(
            gotha.upload(
                form,
                csrf(draft),
                anlage,
                List.of(
                    new Browser.FilePart(
                        "anlagen",
                        "riesig.pdf",
                        "application/pdf",
                        java.util.Arrays.copyOf(
                            onePagePdf(), Postfach.MAX_ATTACHMENT_BYTES + 10)))));
    assertThat(oversize.selectFirst("#anlagen-error").text()).contains("größer als 10 MB");
    assertThat(oversize.selectFirst("textarea#text").text()).contains("Mit Anlage.");

    Document attached =
        page(
            gotha.upload(
                form,
                csrf(draft),
                anlage,
                List.of(
                    new Browser.FilePart(
                        "anlagen", "Meldebescheinigung", "application/pdf", onePagePdf()),
                    new Browser.FilePart("anlagen", "lageplan.png", "image/png", photo()))));
    assertThat(attached.select("#error-summary")).isEmpty();
    assertThat(attached.selectFirst("textarea#text").text()).contains("Mit Anlage.");
    assertThat(attached.select("#bescheid-attachment-list li").eachText())
        .hasSize(2)
        .anySatisfy(a -> assertThat(a).contains("Meldebescheinigung.pdf (PDF,"))
        .anySatisfy(a -> assertThat(a).contains("lageplan.png (PNG-Bild,"));

    HttpResponse<String> sent =
        gotha.upload(
            form,
            csrf(attached),
            Map.of("text", text, "aktion", "senden"),
            List.of(new Browser.FilePart("anlagen", "", "application/octet-stream", new byte[0])));
    assertThat(sent.statusCode()).isEqualTo(302);
    Document opened = page(gotha.get(path(reference)));
    assertThat(opened.selectFirst("#bescheide").text()).contains("mit 2 Anlagen");
    assertThat(opened.select("#bescheide .postal-print"))
        .as("the applicant has a Postfach and chose no post")
        .isEmpty();
    PostfachMessage bescheid =
        postfach.list(citizen.id(), reference, 0, 50).messages().stream()
            .filter(m -> m.kind() == PostfachMessage.Kind.BESCHEID)
            .findFirst()
            .orElseThrow();
    assertThat(bescheid.attachments())
        .extracting(PostfachMessage.Attachment::fileName, PostfachMessage.Attachment::contentType)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple(
                "Bescheid-" + reference + ".pdf", "application/pdf"),
            org.assertj.core.groups.Tuple.tuple("Meldebescheinigung.pdf", "application/pdf"),
            org.assertj.core.groups.Tuple.tuple("lageplan.png", "image/png"));
    Document inPostfach = page(applicant().get("/konto/postfach/" + bescheid.id()));
    assertThat(inPostfach.select("a[href*=/anhaenge/]").eachText())
        .anySatisfy(a -> assertThat(a).startsWith("lageplan.png herunterladen (PNG-Bild"));
  }

  @Test
  void withoutAPostfachTheBescheidAndItsAttachmentsAreOfferedAsOnePrintForThePost()
      throws IOException {
    String reference = fixtures.anonymous(CaseFixtures.GOTHA, "brief@example.org", "Lotte");
    Browser gotha = staff("sachbearbeitung-gotha");
    Document draft = page(gotha.get(path(reference) + "/bescheid"));
    String text = draft.selectFirst("textarea#text").text();
    HttpResponse<String> sent =
        gotha.upload(
            path(reference) + "/bescheid",
            csrf(draft),
            Map.of("text", text, "aktion", "senden"),
            List.of(
                new Browser.FilePart("anlagen", "plan.pdf", "application/pdf", onePagePdf()),
                new Browser.FilePart("anlagen", "foto.png", "image/png", photo())));
    assertThat(sent.statusCode()).isEqualTo(302);
    Document opened = page(gotha.get(path(reference)));
    assertThat(opened.select("#next-steps li").eachText())
        .anySatisfy(s -> assertThat(s).contains("per Post senden"));
    HttpResponse<byte[]> print =
        gotha.download(opened.selectFirst("#bescheide a.postal-print").attr("href"));
    assertThat(print.statusCode()).isEqualTo(200);
    byte[] bescheidOnly = gotha.download(opened.selectFirst("#bescheide a").attr("href")).body();
    try (PDDocument whole = Loader.loadPDF(print.body());
        PDDocument alone = Loader.loadPDF(bescheidOnly)) {
      assertThat(whole.getNumberOfPages())
          .as("the Bescheid, the one-page plan and a page for the photo")
          .isEqualTo(alone.getNumberOfPages() + 2);
    }
  }

  @Test
  void exportsAndDownloadsAreWrittenToTheAuditLogWhichOnlyAdminsRead() {
    String reference = fixtures.from(citizen, CaseFixtures.GOTHA, "Jule");
    Browser gotha = staff("sachbearbeitung-gotha");
    gotha.get(path(reference));
    HttpResponse<byte[]> pdf = gotha.download(path(reference) + "/export.pdf");
    assertThat(new String(pdf.body(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
    assertThat(pdf.headers().firstValue("Content-Disposition").orElseThrow())
        .contains("attachment", reference);
    String json =
        new String(gotha.download(path(reference) + "/export.json").body(), StandardCharsets.UTF_8);
    assertThat(json).contains("\"reference\":\"" + reference + "\"", "\"Jule\"", "\"hundesteuer\"");
    String xml =
        new String(gotha.download(path(reference) + "/export.xml").body(), StandardCharsets.UTF_8);
    assertThat(xml).contains("urn:amtsweg:antrag:1", "Jule");
    HttpResponse<byte[]> receipt = gotha.download(path(reference) + "/eingangsbestaetigung.pdf");
    assertThat(receipt.statusCode()).isEqualTo(200);
    assertThat(gotha.download(path(reference) + "/export.doc").statusCode()).isEqualTo(404);

    assertThat(gotha.get("/verwaltung/protokoll").statusCode())
        .as("caseworkers do not read the log")
        .isEqualTo(403);
    Browser admin = staff("verwaltung-gotha");
    Document log = page(admin.get("/verwaltung/protokoll?aktenzeichen=" + reference));
    assertThat(log.select(".audit-entry .audit-reference").eachText()).containsOnly(reference);
    assertThat(log.select(".audit-entry .audit-action").eachText())
        .contains(
            "Vorgang angesehen",
            "als PDF exportiert",
            "als JSON exportiert",
            "als XML exportiert",
            "Eingangsbestätigung heruntergeladen");
    assertThat(log.select(".audit-entry .audit-actor").eachText())
        .containsOnly("sachbearbeitung-gotha");
    assertThat(log.text()).doesNotContain("Jule", "Mustermann");
    assertThat(
            page(admin.get(
                    "/verwaltung/protokoll?aktenzeichen="
                        + reference
                        + "&benutzer=verwaltung-gotha"))
                .select(".audit-entry"))
        .isEmpty();
    String tomorrow = LocalDate.now(java.time.ZoneId.of("Europe/Berlin")).plusDays(1).toString();
    assertThat(
            page(admin.get("/verwaltung/protokoll?aktenzeichen=" + reference + "&von=" + tomorrow))
                .select(".audit-entry"))
        .isEmpty();
  }

  @Test
  void caseworkersOfAnotherTenantFindNothingAndLeaveNoTrace() {
    String reference = fixtures.from(citizen, CaseFixtures.GOTHA, "Kalle");
    Browser ohrdruf = staff("sachbearbeitung-ohrdruf");
    assertThat(ohrdruf.get(path(reference)).statusCode()).isEqualTo(404);
    assertThat(ohrdruf.download(path(reference) + "/export.json").statusCode()).isEqualTo(404);
    assertThat(ohrdruf.download(path(reference) + "/eingangsbestaetigung.pdf").statusCode())
        .isEqualTo(404);
    assertThat(ohrdruf.get(path(reference) + "/bescheid").statusCode()).isEqualTo(404);
    String token = csrf(page(ohrdruf.get(INBOX)));
    assertThat(
            ohrdruf
                .submit(path(reference) + "/status", token, Map.of("status", "ABGESCHLOSSEN"))
                .statusCode())
        .isEqualTo(404);
    assertThat(
            ohrdruf
                .submit(
                    path(reference) + "/zuweisen",
                    token,
                    Map.of("zugewiesen", "sachbearbeitung-ohrdruf"))
                .statusCode())
        .isEqualTo(404);
    assertThat(
            jdbc.sql("select count(*) from casework_audit where reference = ?")
                .param(reference)
                .query(Long.class)
                .single())
        .isZero();
    assertThat(antraege.find(reference).orElseThrow().status()).isEqualTo(AntragStatus.EINGEGANGEN);

    Browser gotha = staff("sachbearbeitung-gotha");
    HttpResponse<String> foreign =
        act(gotha, reference, "zuweisen", Map.of("zugewiesen", "sachbearbeitung-ohrdruf"));
    assertThat(foreign.statusCode()).as("only colleagues of the same tenant").isEqualTo(422);
    assertThat(browser().get(path(reference)).statusCode())
        .as("visitors are sent to the login")
        .isEqualTo(302);
  }

  @Test
  void everyActionNeedsTheCsrfToken() {
    String reference = fixtures.from(citizen, CaseFixtures.GOTHA, "Lotte");
    Browser gotha = staff("sachbearbeitung-gotha");
    assertThat(
            gotha
                .post(path(reference) + "/status", Map.of("status", "IN_BEARBEITUNG"))
                .statusCode())
        .isEqualTo(403);
    assertThat(gotha.post(path(reference) + "/notizen", Map.of("notiz", "x")).statusCode())
        .isEqualTo(403);
    assertThat(gotha.post(path(reference) + "/rueckfrage", Map.of("frage", "x")).statusCode())
        .isEqualTo(403);
    assertThat(
            gotha
                .post(path(reference) + "/bescheid", Map.of("text", "x", "aktion", "senden"))
                .statusCode())
        .isEqualTo(403);
    assertThat(gotha.post(path(reference) + "/zuweisen", Map.of("zugewiesen", "")).statusCode())
        .isEqualTo(403);
    assertThat(antraege.find(reference).orElseThrow().status()).isEqualTo(AntragStatus.EINGEGANGEN);
  }

  @Test
  void adminsKeepTemplatesAndClosedCasesAreDeletedAfterTheirRetention() {
    Browser caseworker = staff("sachbearbeitung-ohrdruf");
    assertThat(caseworker.get("/verwaltung/vorgaenge/vorlagen").statusCode()).isEqualTo(403);
    Browser admin = staff("verwaltung-ohrdruf");
    Document list = page(admin.get("/verwaltung/vorgaenge/vorlagen"));
    assertThat(list.selectFirst("#settings-hundesteuer").text()).contains("Hundesteuer");
    Document form = page(admin.get("/verwaltung/vorgaenge/vorlagen/hundesteuer"));
    assertThat(form.select("#placeholders code").eachText())
        .contains("{{aktenzeichen}}", "{{antwort.vorname}}");
    HttpResponse<String> invalid =
        admin.submit(
            "/verwaltung/vorgaenge/vorlagen/hundesteuer",
            csrf(form),
            Map.of(
                "subject",
                "Bescheid {{aktenzeichen}}",
                "body",
                "Hallo {{gibtsnicht}}",
                "retentionDays",
                "0"));
    Document errors = page(invalid);
    assertThat(errors.select("#error-summary li").eachText())
        .anySatisfy(e -> assertThat(e).contains("{{gibtsnicht}}"))
        .anySatisfy(e -> assertThat(e).contains("1 bis 3650"));
    HttpResponse<String> saved =
        admin.submit(
            "/verwaltung/vorgaenge/vorlagen/hundesteuer",
            csrf(form),
            Map.of(
                "subject",
                "Ihr Hundesteuerbescheid {{aktenzeichen}}",
                "body",
                "Bescheid für {{antwort.vorname}} {{antwort.familienname}} ({{aktenzeichen}}).",
                "retentionDays",
                "30"));
    assertThat(saved.statusCode()).isEqualTo(302);
    assertThat(
            page(admin.get("/verwaltung/vorgaenge/vorlagen"))
                .selectFirst("#settings-hundesteuer")
                .text())
        .contains("eigene Vorlage", "30 Tage");

    String closed = fixtures.from(citizen, CaseFixtures.OHRDRUF, "Moritz");
    String open = fixtures.from(citizen, CaseFixtures.OHRDRUF, "Nala");
    assertThat(page(caseworker.get(path(closed) + "/bescheid")).selectFirst("textarea#text").text())
        .isEqualTo("Bescheid für Erika Mustermann (" + closed + ").");
    act(caseworker, closed, "status", Map.of("status", "ABGESCHLOSSEN"));

    assertThat(retention.purge(java.time.OffsetDateTime.now().plusDays(29)))
        .as("within 30 days")
        .isZero();
    assertThat(retention.purge(java.time.OffsetDateTime.now().plusDays(31))).isEqualTo(1);

    assertThat(antraege.find(closed)).as("the Antrag with its answers is gone").isEmpty();
    assertThat(
            jdbc.sql(
                    "select count(*) from antrag_attachment a where not exists (select 1 from antrag where id = a.antrag_id)"
                        + " and a.antrag_id is not null")
                .query(Long.class)
                .single())
        .isZero();
    assertThat(caseworker.get(path(closed)).statusCode()).isEqualTo(404);
    assertThat(antraege.find(open)).isPresent();
    assertThat(caseworker.get(path(open)).statusCode()).isEqualTo(200);
    Document log = page(admin.get("/verwaltung/protokoll?aktenzeichen=" + closed));
    assertThat(log.select(".audit-entry").first().text())
        .contains(
            "System (Aufbewahrung)",
            "gelöscht",
            "Aufbewahrungsfrist von 30 Tagen nach Abschluss am");
    assertThat(log.text()).doesNotContain("Moritz");
  }

  @Autowired Retention retention;
}
