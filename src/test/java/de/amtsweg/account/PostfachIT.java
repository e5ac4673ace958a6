package de.amtsweg.account;

import static org.assertj.core.api.Assertions.assertThat;

import de.amtsweg.account.PostfachMessage.File;
import de.amtsweg.account.PostfachMessage.Kind;
import de.amtsweg.support.AmtswegIT;
import de.amtsweg.support.Browser;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The Postfach over real HTTP; the test delivers as an authority would, through the module API. */
class PostfachIT extends AmtswegIT {

  static final byte[] PDF =
      "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

  @Autowired JdbcClient jdbc;
  @Autowired Postfach postfach;
  @Autowired ConfigurableApplicationContext context;
  private final Citizens citizens = new Citizens(this::browser);

  @Test
  void messagesArriveNewestFirstUnreadAndTheMailSaysNothingOfTheirContent() {
    String email = citizens.confirmedAccount();
    UUID account = accountId(email);
    postfach.deliver(
        account,
        message(
            Kind.STATUS,
            "Ihr Antrag ist eingegangen",
            "Wir bearbeiten Ihren Antrag auf Hundesteuer.",
            List.of()));
    postfach.deliver(
        account,
        message(
            Kind.BESCHEID,
            "Bescheid über die Hundesteuer",
            "Anbei Ihr Bescheid.",
            List.of(new File("bescheid.pdf", "application/pdf", PDF))));
    Browser browser = citizens.loggedIn(email, Citizens.PASSWORD);

    Document list = Browser.page(browser.get("/konto/postfach"));

    assertThat(list.select(".postfach-item__subject").eachText())
        .containsExactly("Bescheid über die Hundesteuer", "Ihr Antrag ist eingegangen");
    assertThat(list.select(".postfach-item--unread")).hasSize(2);
    assertThat(list.text()).contains("2 ungelesene Nachrichten", "1 Anhang");
    String notice = String.join("\n", citizens.subjects(email));
    assertThat(notice).contains("Neue Nachricht in Ihrem Servicekonto");
    String mailbox = browser().get("/demo/postfach-mails?an=" + email).body();
    assertThat(mailbox).doesNotContain("Hundesteuer", "Bescheid über");
  }

  @Test
  void openingMarksReadAndThePdfDownloadsOnlyForItsOwner() {
    String email = citizens.confirmedAccount();
    UUID account = accountId(email);
    UUID id =
        postfach.deliver(
            account,
            message(
                Kind.BESCHEID,
                "Bescheid",
                "Anbei.",
                List.of(new File("../../etc/Bescheid \"2026\".pdf", "text/plain", PDF))));
    Browser browser = citizens.loggedIn(email, Citizens.PASSWORD);

    Document page = Browser.page(browser.get("/konto/postfach/" + id));
    String download = page.select("a[href*=/anhaenge/]").attr("href");
    HttpResponse<String> pdf = browser.get(download);

    assertThat(page.select("h1").text()).isEqualTo("Bescheid");
    assertThat(Browser.page(browser.get("/konto/postfach")).select(".postfach-item--unread"))
        .isEmpty();
    assertThat(pdf.statusCode()).isEqualTo(200);
    assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
    assertThat(pdf.headers().firstValue("Content-Disposition").orElseThrow())
        .contains("attachment", "Bescheid 2026.pdf")
        .doesNotContain("..");
    assertThat(pdf.body()).startsWith("%PDF-");

    Browser stranger = citizens.loggedIn(citizens.confirmedAccount(), Citizens.PASSWORD);
    assertThat(stranger.get("/konto/postfach/" + id).statusCode()).isEqualTo(404);
    assertThat(stranger.get(download).statusCode()).isEqualTo(404);
    assertThat(browser().get(download).statusCode()).isEqualTo(302);

    Document again = Browser.page(browser.get("/konto/postfach/" + id));
    browser.submit("/konto/postfach/" + id + "/ungelesen", Browser.csrf(again), Map.of());
    assertThat(Browser.page(browser.get("/konto/postfach")).select(".postfach-item--unread"))
        .hasSize(1);
  }

  @Test
  void searchFindsWordsInSubjectTextAndSender() {
    String email = citizens.confirmedAccount();
    UUID account = accountId(email);
    postfach.deliver(
        account,
        message(Kind.INFO, "Termin im Bürgerbüro", "Ihr Termin ist am Montag.", List.of()));
    postfach.deliver(
        account,
        message(
            Kind.STATUS,
            "Antrag eingegangen",
            "Ihre Anträge auf Wohngeld sind vollständig.",
            List.of()));
    Browser browser = citizens.loggedIn(email, Citizens.PASSWORD);

    assertThat(
            Browser.page(browser.get("/konto/postfach?q=Wohngeld"))
                .select(".postfach-item__subject")
                .eachText())
        .containsExactly("Antrag eingegangen");
    assertThat(
            Browser.page(browser.get("/konto/postfach?q=Antrag"))
                .select(".postfach-item__subject")
                .eachText())
        .as("German stemming: Anträge, Antrag")
        .containsExactly("Antrag eingegangen");
    assertThat(
            Browser.page(browser.get("/konto/postfach?q=Bürgerb"))
                .select(".postfach-item__subject")
                .eachText())
        .containsExactly("Termin im Bürgerbüro");
    assertThat(Browser.page(browser.get("/konto/postfach?q=Hundesteuer")).text())
        .contains("Keine Nachricht gefunden für „Hundesteuer“");
  }

  /**
   * Records the replies to one message. A class, not a lambda: its event type must be resolvable,
   * so that the event publication registry's multicaster hands it only these events.
   */
  record RepliesTo(UUID message, List<PostfachReplySent> received)
      implements ApplicationListener<PayloadApplicationEvent<PostfachReplySent>> {
    @Override
    public void onApplicationEvent(PayloadApplicationEvent<PostfachReplySent> event) {
      if (event.getPayload().inReplyTo().equals(message)) {
        received.add(event.getPayload());
      }
    }
  }

  @Test
  void aQuestionIsAnsweredWithAPdfAndTheAuthorityLearnsOfIt() {
    String email = citizens.confirmedAccount();
    UUID account = accountId(email);
    UUID id =
        postfach.deliver(
            account,
            message(
                Kind.QUESTION,
                "Rückfrage zu Ihrem Antrag",
                "Bitte senden Sie uns den Impfpass.",
                List.of()));
    Browser browser = citizens.loggedIn(email, Citizens.PASSWORD);
    Document page = Browser.page(browser.get("/konto/postfach/" + id));
    List<PostfachReplySent> received = new java.util.concurrent.CopyOnWriteArrayList<>();
    // Stands in for the authority's module that will listen to replies.
    context.addApplicationListener(new RepliesTo(id, received));

    Document notPdf =
        Browser.page(
            browser.upload(
                "/konto/postfach/" + id + "/antwort",
                Browser.csrf(page),
                Map.of("text", "Anbei der Impfpass."),
                "anhang",
                "impfpass.pdf",
                "application/pdf",
                "<html>".getBytes(StandardCharsets.UTF_8)));
    assertThat(notPdf.select("#error-summary a[href=#reply-file]").text())
        .as("a renamed file is judged by its bytes")
        .contains("„impfpass.pdf“ ist kein PDF, JPEG- oder PNG-Bild");
    assertThat(notPdf.select("#reply-text").text()).isEqualTo("Anbei der Impfpass.");

    HttpResponse<String> sent =
        browser.upload(
            "/konto/postfach/" + id + "/antwort",
            Browser.csrf(page),
            Map.of("text", "Anbei der Impfpass."),
            "anhang",
            "impfpass.pdf",
            "application/pdf",
            PDF);

    assertThat(sent.headers().firstValue("Location").orElseThrow())
        .endsWith("/konto/postfach/" + id + "?gesendet");
    Document thread = Browser.page(browser.follow(sent));
    assertThat(thread.select("[role=status]").text())
        .contains("Ihre Antwort wurde an die Behörde gesendet");
    assertThat(thread.select(".postfach-reply").text())
        .contains("Anbei der Impfpass.", "impfpass.pdf");
    assertThat(received)
        .singleElement()
        .satisfies(
            event -> {
              assertThat(event.inReplyTo()).isEqualTo(id);
              assertThat(event.authorityArs()).isEqualTo("160510000000");
            });
    Document empty =
        Browser.page(
            browser.submit(
                "/konto/postfach/" + id + "/antwort", Browser.csrf(page), Map.of("text", " ")));
    assertThat(empty.select("#error-summary a[href=#reply-text]").text())
        .isEqualTo("Schreiben Sie Ihre Antwort.");
  }

  static final byte[] JPEG = {
    (byte) 0xFF,
    (byte) 0xD8,
    (byte) 0xFF,
    (byte) 0xE0,
    0,
    0x10,
    'J',
    'F',
    'I',
    'F',
    0,
    1,
    1,
    0,
    0,
    1,
    0,
    1,
    0,
    0,
    (byte) 0xFF,
    (byte) 0xD9
  };

  static final byte[] PNG = {
    (byte) 0x89,
    'P',
    'N',
    'G',
    0x0D,
    0x0A,
    0x1A,
    0x0A,
    0,
    0,
    0,
    0x0D,
    'I',
    'H',
    'D',
    'R',
    0,
    0,
    0,
    1,
    0,
    0,
    0,
    1,
    8,
    2,
    0,
    0,
    0
  };

  /** The start of a photo an iPhone takes by default (ISO BMFF with the HEIC brand). */
  static final byte[] HEIC = {
    0, 0, 0, 0x18, 'f', 't', 'y', 'p', 'h', 'e', 'i', 'c', 0, 0, 0, 0, 'm', 'i', 'f', '1', 'h', 'e',
    'i', 'c'
  };

  @Test
  void aReplyCarriesPhotosAndPdfsAndRefusesHeicOversizeAndTooManyKeepingTheText() {
    String email = citizens.confirmedAccount();
    UUID id =
        postfach.deliver(
            accountId(email),
            message(
                Kind.QUESTION,
                "Rückfrage: Nachweise",
                "Bitte senden Sie Fotos Ihres Ausweises.",
                List.of()));
    Browser browser = citizens.loggedIn(email, Citizens.PASSWORD);
    Document page = Browser.page(browser.get("/konto/postfach/" + id));
    String reply = "/konto/postfach/" + id + "/antwort";
    Map<String, String> text = Map.of("text", "Hier die Fotos, vorne und hinten.");
    assertThat(page.select("#reply-file").attr("accept")).contains("image/jpeg", "image/png");
    assertThat(page.select("#reply-file").hasAttr("multiple")).isTrue();
    assertThat(page.select("#reply-file-hint").text()).contains("JPEG", "PNG", "PDF", "10 MB");

    Document heic =
        Browser.page(
            browser.upload(
                reply,
                Browser.csrf(page),
                text,
                List.of(new Browser.FilePart("anhang", "IMG_0815.HEIC", "image/heic", HEIC))));
    assertThat(heic.select("#error-summary a[href=#reply-file]").text())
        .contains("IMG_0815.HEIC", "HEIC", "Maximale Kompatibilität", "Bildschirmfoto", "PDF");
    assertThat(heic.select("#reply-text").text()).isEqualTo("Hier die Fotos, vorne und hinten.");
    assertThat(heic.select("#reply-file").attr("aria-invalid")).isEqualTo("true");
    assertThat(heic.select("#reply-file").attr("aria-describedby").split(" "))
        .contains("reply-file-error", "reply-file-hint");
    assertThat(heic.select("#reply-file-error").text()).contains("HEIC");

    byte[] huge = java.util.Arrays.copyOf(JPEG, Postfach.MAX_ATTACHMENT_BYTES + 1);
    Document oversize =
        Browser.page(
            browser.upload(
                reply,
                Browser.csrf(page),
                text,
                List.of(new Browser.FilePart("anhang", "scan.jpg", "image/jpeg", huge))));
    assertThat(oversize.select("#reply-file-error").text())
        .contains("„scan.jpg“ ist größer als 10 MB");
    assertThat(oversize.select("#reply-text").text())
        .isEqualTo("Hier die Fotos, vorne und hinten.");

    List<Browser.FilePart> six =
        java.util.stream.IntStream.range(0, 6)
            .mapToObj(i -> new Browser.FilePart("anhang", "foto" + i + ".png", "image/png", PNG))
            .toList();
    assertThat(
            Browser.page(browser.upload(reply, Browser.csrf(page), text, six))
                .select("#reply-file-error")
                .text())
        .contains("höchstens 5 Dateien");
    assertThat(postfach.replies(accountId(email), id)).isEmpty();

    HttpResponse<String> sent =
        browser.upload(
            reply,
            Browser.csrf(page),
            text,
            List.of(
                new Browser.FilePart("anhang", "vorne.jpeg", "image/jpeg", JPEG),
                new Browser.FilePart("anhang", "hinten", "application/octet-stream", PNG),
                new Browser.FilePart("anhang", "meldebescheinigung.pdf", "application/pdf", PDF)));
    assertThat(sent.statusCode()).isEqualTo(302);
    Document thread = Browser.page(browser.follow(sent));
    assertThat(thread.select(".postfach-reply a[href*=/anhaenge/]").eachText())
        .containsExactlyInAnyOrder(
            "hinten.png herunterladen (PNG-Bild, 1 KB)",
            "meldebescheinigung.pdf herunterladen (PDF, 1 KB)",
            "vorne.jpeg herunterladen (JPEG-Bild, 1 KB)");
    String photo = thread.select(".postfach-reply a:contains(vorne.jpeg)").attr("href");
    HttpResponse<String> download = browser.get(photo);
    assertThat(download.headers().firstValue("Content-Type")).hasValue("image/jpeg");
    assertThat(download.headers().firstValue("Content-Disposition").orElseThrow())
        .startsWith("attachment");
  }

  static Postfach.NewMessage message(Kind kind, String subject, String body, List<File> files) {
    return new Postfach.NewMessage(
        kind, "160510000000", "Stadt Erfurt", "HS-2026-0815", subject, body, files);
  }

  private UUID accountId(String email) {
    return jdbc.sql("select id from account where email = ?")
        .param(email)
        .query(UUID.class)
        .single();
  }
}
