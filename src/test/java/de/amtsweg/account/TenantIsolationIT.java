package de.amtsweg.account;

import static org.assertj.core.api.Assertions.assertThat;

import de.amtsweg.account.PostfachMessage.File;
import de.amtsweg.account.PostfachMessage.Kind;
import de.amtsweg.support.AmtswegIT;
import de.amtsweg.support.Browser;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Staff of one tenant see their tenant's data only: a caseworker of Erfurt never sees Jena's. */
class TenantIsolationIT extends AmtswegIT {

  @Autowired JdbcClient jdbc;
  @Autowired Postfach postfach;
  private final Citizens citizens = new Citizens(this::browser);

  @Test
  void aCaseworkerSeesRepliesToTheirOwnTenantOnlyAndNothingOfAnother() {
    String email = citizens.confirmedAccount();
    UUID account =
        jdbc.sql("select id from account where email = ?").param(email).query(UUID.class).single();
    String marker = UUID.randomUUID().toString().substring(0, 8);
    UUID fromErfurt =
        postfach.deliver(
            account,
            new Postfach.NewMessage(
                Kind.QUESTION,
                "160510000000",
                "Stadt Erfurt",
                "ERF-" + marker,
                "Rückfrage Erfurt",
                "Bitte Nachweis.",
                List.of()));
    UUID fromJena =
        postfach.deliver(
            account,
            new Postfach.NewMessage(
                Kind.QUESTION,
                "160530000000",
                "Stadt Jena",
                "JEN-" + marker,
                "Rückfrage Jena",
                "Bitte Nachweis.",
                List.of()));
    UUID toErfurt = postfach.reply(account, fromErfurt, "Antwort an Erfurt " + marker, List.of());
    UUID toJena =
        postfach.reply(
            account,
            fromJena,
            "Antwort an Jena " + marker,
            List.of(new File("jena.pdf", "application/pdf", PostfachIT.PDF)));
    String jenaAttachment =
        postfach.replyTo("160530000000", toJena).attachments().getFirst().id().toString();

    Browser erfurt = staff("sachbearbeitung-erfurt");
    Browser jena = staff("sachbearbeitung-jena");

    Document erfurtList = Browser.page(erfurt.get("/verwaltung/postfach-antworten"));
    assertThat(erfurtList.text()).contains("ERF-" + marker).doesNotContain("JEN-" + marker);
    assertThat(Browser.page(erfurt.get("/verwaltung/postfach-antworten/" + toErfurt)).text())
        .contains("Antwort an Erfurt " + marker);
    HttpResponse<String> foreign = erfurt.get("/verwaltung/postfach-antworten/" + toJena);
    assertThat(foreign.statusCode()).isEqualTo(404);
    assertThat(foreign.body()).doesNotContain(marker);
    HttpResponse<String> foreignFile =
        erfurt.get("/verwaltung/postfach-antworten/" + toJena + "/anhaenge/" + jenaAttachment);
    assertThat(foreignFile.statusCode()).isEqualTo(404);
    assertThat(foreignFile.body()).doesNotContain("%PDF");

    assertThat(Browser.page(jena.get("/verwaltung/postfach-antworten")).text())
        .contains("JEN-" + marker)
        .doesNotContain("ERF-" + marker);
    assertThat(
            jena.get("/verwaltung/postfach-antworten/" + toJena + "/anhaenge/" + jenaAttachment)
                .body())
        .startsWith("%PDF");
    assertThat(Browser.page(staff("verwaltung-jena").get("/verwaltung/postfach-antworten")).text())
        .contains("JEN-" + marker);
  }

  @Test
  void tenantStaffLandInTheirAreaAndAreKeptOutOfOthers() {
    Browser caseworker = browser();
    HttpResponse<String> login = caseworker.signIn("sachbearbeitung-gotha", DEMO_PASSWORD);

    assertThat(login.headers().firstValue("Location").orElseThrow()).endsWith("/verwaltung");
    assertThat(Browser.page(caseworker.get("/verwaltung/postfach-antworten")).text())
        .contains("Stadt Gotha");
    assertThat(Browser.page(caseworker.get("/")).select("nav a[href=/verwaltung]").text())
        .isEqualTo("Verwaltung");
    assertThat(caseworker.get("/admin/mandanten").statusCode()).isEqualTo(403);
    assertThat(caseworker.get("/konto").statusCode()).isEqualTo(403);
    Browser citizen = citizens.loggedIn(citizens.confirmedAccount(), Citizens.PASSWORD);
    assertThat(citizen.get("/verwaltung/postfach-antworten").statusCode()).isEqualTo(403);
    assertThat(
            browser()
                .get("/verwaltung/postfach-antworten")
                .headers()
                .firstValue("Location")
                .orElseThrow())
        .endsWith("/anmelden");
    Browser operator = staff("betrieb");
    assertThat(operator.get("/verwaltung/postfach-antworten").statusCode()).isEqualTo(403);
  }

  private Browser staff(String username) {
    Browser browser = browser();
    assertThat(browser.signIn(username, DEMO_PASSWORD).statusCode()).as(username).isEqualTo(302);
    return browser;
  }
}
