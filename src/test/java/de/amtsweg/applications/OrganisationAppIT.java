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

/**
 * An app for organisations cannot be used by a person who belongs to none, on the page or over the
 * API.
 */
class OrganisationAppIT extends AmtswegIT {

  private static final String PASSWORD = "Ein-langes-Passwort-für-Tests-2026";

  private Browser newPerson() {
    Browser browser = browser();
    String email = "ohne-organisation-" + UUID.randomUUID() + "@example.org";
    Document form = Browser.page(browser.get("/konto/registrieren"));
    assertThat(
            browser
                .submit(
                    "/konto/registrieren",
                    Browser.csrf(form),
                    Map.of("email", email, "password", PASSWORD, "passwordRepeat", PASSWORD))
                .statusCode())
        .isEqualTo(302);
    Element link =
        Browser.page(browser().get("/demo/postfach-mails?an=" + email))
            .selectFirst(".local-mail a[href*=/konto/bestaetigen?token=]");
    URI uri = URI.create(link.attr("href"));
    Document confirm = Browser.page(browser.get(uri.getRawPath() + "?" + uri.getRawQuery()));
    browser.submit(
        "/konto/bestaetigen",
        Browser.csrf(confirm),
        Map.of("token", confirm.selectFirst("input[name=token]").attr("value")));
    assertThat(browser.logIn(email, PASSWORD).statusCode()).isEqualTo(302);
    return browser;
  }

  @Test
  void aPersonWithoutAnOrganisationIsToldWhatToDoAndTheApiRefuses() {
    Browser person = newPerson();
    AntragForms.choosePlace(person, "160510000000");
    Document start = Browser.page(person.get("/antrag/foerderung-egovernment"));
    HttpResponse<String> refused =
        person.submit("/antrag/foerderung-egovernment", Browser.csrf(start), Map.of());
    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(Browser.page(refused).text()).contains("Diesen Antrag stellt eine Organisation");

    String example =
        browser()
            .accept("application/json")
            .get("/api/v1/apps/foerderung-egovernment/example")
            .body();
    HttpResponse<String> api =
        person.postJson(
            "/api/v1/tenants/160000000000/apps/foerderung-egovernment/antraege",
            example,
            "Accept",
            "application/json");
    assertThat(api.statusCode()).isEqualTo(403);
    assertThat(api.body()).contains("urn:amtsweg:problem:organisation-required");
  }
}
