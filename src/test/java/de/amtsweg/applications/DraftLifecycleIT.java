package de.amtsweg.applications;

import static org.assertj.core.api.Assertions.assertThat;

import de.amtsweg.support.AmtswegIT;
import de.amtsweg.support.Browser;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Save and resume by e-mail link, the reminder before deletion, and the deletion of old drafts. */
class DraftLifecycleIT extends AmtswegIT {

  @Autowired JdbcClient jdbc;
  @Autowired DraftCleanup cleanup;
  @Autowired de.amtsweg.appstore.AppStore store;

  @Test
  void aDraftOnAnOlderVersionMovesToTheNewOneKeepsItsAnswersAndSaysSo() throws Exception {
    Browser browser = browser();
    AntragForms.choosePlace(browser, "160530000000");
    HttpResponse<String> first = AntragForms.start(browser, "meldebescheinigung");
    String base = first.uri().getPath().replaceAll("/schritt/.*$", "");
    UUID draftId = UUID.fromString(base.substring(base.lastIndexOf('/') + 1));
    String step = first.uri().getPath();
    jdbc.sql("update antrag_draft set answers = '{\"notiz\": \"bleibt\"}'::jsonb where id = ?")
        .param(draftId)
        .update();
    int before =
        jdbc.sql("select app_version from antrag_draft where id = ?")
            .param(draftId)
            .query(Integer.class)
            .single();

    String source =
        store.source(
            "meldebescheinigung", store.latest("meldebescheinigung").orElseThrow().version());
    int published =
        store
            .publish(
                source + "\n# Version für den Test der Umstellung " + UUID.randomUUID() + "\n",
                "test")
            .version();

    Document page = Browser.page(browser.get(step));
    assertThat(page.select("[role=status]").text())
        .contains("Das Antragsformular wurde inzwischen aktualisiert");
    assertThat(
            jdbc.sql("select app_version from antrag_draft where id = ?")
                .param(draftId)
                .query(Integer.class)
                .single())
        .isEqualTo(published)
        .isGreaterThan(before);
    assertThat(
            jdbc.sql("select answers->>'notiz' from antrag_draft where id = ?")
                .param(draftId)
                .query(String.class)
                .single())
        .isEqualTo("bleibt");
    assertThat(Browser.page(browser.get(step)).select("[role=status]").text())
        .as("told once")
        .isEmpty();
  }

  @Test
  void anAnonymousDraftIsResumedByLinkRemindedAndDeletedAfterItsRetention() {
    Browser browser = browser();
    AntragForms.choosePlace(browser, "160530000000");
    HttpResponse<String> anliegen = AntragForms.start(browser, "hundesteuer");
    String base = anliegen.uri().getPath().replace("/schritt/anliegen", "");
    UUID draftId = UUID.fromString(base.substring(base.lastIndexOf('/') + 1));
    HttpResponse<String> saved =
        AntragForms.fill(
            browser, anliegen, Map.of("anliegen", "abmeldung", "_action", "speichern"));
    assertThat(saved.headers().firstValue("Location").orElseThrow()).endsWith(base + "/speichern");

    String email = "entwurf-" + UUID.randomUUID() + "@example.org";
    Document savePage = Browser.page(browser.follow(saved));
    HttpResponse<String> wrong =
        browser.submit(base + "/speichern", Browser.csrf(savePage), Map.of("email", "kein-at"));
    assertThat(Browser.page(wrong).select("#error-summary a").attr("href"))
        .isEqualTo("#resume-email");
    HttpResponse<String> sent =
        browser.submit(base + "/speichern", Browser.csrf(savePage), Map.of("email", email));
    assertThat(sent.statusCode()).isEqualTo(302);
    assertThat(Browser.page(browser.follow(sent)).select("[role=status]").text())
        .contains("Wir haben Ihnen den Link geschickt.");
    assertThat(Browser.page(browser.get(base + "/pruefen")).text())
        .as("the notice is shown once, not again on the next page")
        .doesNotContain("Wir haben Ihnen den Link geschickt.");

    String link = newestLink(email, "/antrag/fortsetzen");
    Browser later = browser();
    HttpResponse<String> resumed = later.get(link);
    assertThat(resumed.headers().firstValue("Location").orElseThrow()).endsWith(base + "/pruefen");
    assertThat(Browser.page(later.follow(resumed)).text()).contains("Einen Hund abmelden");

    jdbc.sql("update antrag_draft set updated_at = now() - interval '24 days' where id = ?")
        .param(draftId)
        .update();
    assertThat(cleanup.remind()).isGreaterThanOrEqualTo(1);
    Document mails = Browser.page(browser().get("/demo/postfach-mails?an=" + email));
    assertThat(mails.select(".local-mail h2").eachText())
        .contains("Ihr begonnener Antrag wird bald gelöscht");
    assertThat(cleanup.remind()).as("one reminder per draft").isZero();

    jdbc.sql("update antrag_draft set updated_at = now() - interval '31 days' where id = ?")
        .param(draftId)
        .update();
    assertThat(cleanup.delete()).isGreaterThanOrEqualTo(1);
    assertThat(
            jdbc.sql("select count(*) from antrag_draft where id = ?")
                .param(draftId)
                .query(Integer.class)
                .single())
        .isZero();
    assertThat(Browser.page(browser().get(link)).select("h1").text())
        .isEqualTo("Dieser Link ist nicht mehr gültig");
    assertThat(later.get(base + "/pruefen").statusCode()).isEqualTo(404);
  }

  private String newestLink(String email, String path) {
    Document mailbox = Browser.page(browser().get("/demo/postfach-mails?an=" + email));
    Element link = mailbox.selectFirst(".local-mail a[href*=" + path + "?token=]");
    assertThat(link).as("mail with a link to " + path).isNotNull();
    URI uri = URI.create(link.attr("href"));
    return uri.getRawPath() + "?" + uri.getRawQuery();
  }
}
