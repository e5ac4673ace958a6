package de.amtsweg.account;

import static org.assertj.core.api.Assertions.assertThat;

import de.amtsweg.support.AmtswegIT;
import de.amtsweg.support.Browser;
import java.net.http.HttpResponse;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/** Unternehmenskonten with admins and members. */
class OrganisationIT extends AmtswegIT {

  private final Citizens citizens = new Citizens(this::browser);

  @Test
  void anAdminCreatesTheOrganisationAndManagesItsPeople() {
    String adminEmail = citizens.confirmedAccount();
    String memberEmail = citizens.confirmedAccount();
    Browser admin = citizens.loggedIn(adminEmail, Citizens.PASSWORD);
    Browser member = citizens.loggedIn(memberEmail, Citizens.PASSWORD);

    String path = create(admin, "Tischlerei Holzwurm");
    Document page = Browser.page(admin.get(path));
    assertThat(page.select("h1").text()).isEqualTo("Tischlerei Holzwurm");
    assertThat(page.text())
        .contains("GmbH", "Amtsgericht Erfurt HRB 1234", "Ihre Rolle: Administration");

    HttpResponse<String> unknown =
        admin.submit(
            path + "/mitglieder",
            Browser.csrf(page),
            Map.of("email", Citizens.newEmail(), "role", "MEMBER"));
    assertThat(Browser.page(admin.follow(unknown)).select("#error-summary").text())
        .contains("kein Servicekonto");
    HttpResponse<String> added =
        admin.submit(
            path + "/mitglieder",
            Browser.csrf(page),
            Map.of("email", memberEmail, "role", "MEMBER"));
    assertThat(added.headers().firstValue("Location").orElseThrow()).endsWith("?hinzugefuegt");

    Document asMember = Browser.page(member.get(path));
    assertThat(asMember.text()).contains("Ihre Rolle: Mitglied", adminEmail);
    assertThat(asMember.select("form[action$=/rolle]")).isEmpty();
    assertThat(member.get(path + "/bearbeiten").statusCode()).isEqualTo(200);
    HttpResponse<String> forbidden =
        member.submit(
            path + "/mitglieder",
            Browser.csrf(asMember),
            Map.of("email", adminEmail, "role", "ADMIN"));
    assertThat(forbidden.statusCode()).isEqualTo(403);
    assertThat(Browser.page(member.get("/konto/organisationen")).text())
        .contains("Tischlerei Holzwurm");
  }

  @Test
  void anOrganisationKeepsAnAdminAndIsInvisibleToOutsiders() {
    String adminEmail = citizens.confirmedAccount();
    Browser admin = citizens.loggedIn(adminEmail, Citizens.PASSWORD);
    String path = create(admin, "Verein der Freunde");
    Document page = Browser.page(admin.get(path));
    String self = page.select("form[action$=/entfernen]").attr("action");

    HttpResponse<String> leave = admin.submit(self, Browser.csrf(page), Map.of());

    assertThat(Browser.page(admin.follow(leave)).select("#error-summary").text())
        .contains("mindestens eine Administratorin");
    Browser outsider = citizens.loggedIn(citizens.confirmedAccount(), Citizens.PASSWORD);
    assertThat(outsider.get(path).statusCode()).isEqualTo(404);
    assertThat(outsider.get(path + "/bearbeiten").statusCode()).isEqualTo(404);
  }

  @Test
  void invalidDetailsAreExplainedFieldByField() {
    Browser admin = citizens.loggedIn(citizens.confirmedAccount(), Citizens.PASSWORD);
    Document form = Browser.page(admin.get("/konto/organisationen/neu"));

    Document refused =
        Browser.page(
            admin.submit(
                "/konto/organisationen",
                Browser.csrf(form),
                Map.of("name", "", "legalForm", "KOMMANDITE", "postcode", "123", "version", "0")));

    assertThat(refused.select("#error-summary a").eachAttr("href"))
        .containsExactly("#name", "#legalForm", "#postcode");
  }

  /** Creates a business account through its form; returns the path of its page. */
  static String create(Browser browser, String name) {
    Document form = Browser.page(browser.get("/konto/organisationen/neu"));
    HttpResponse<String> created =
        browser.submit(
            "/konto/organisationen",
            Browser.csrf(form),
            Map.of(
                "name",
                name,
                "legalForm",
                "GMBH",
                "registerNumber",
                "Amtsgericht Erfurt HRB 1234",
                "street",
                "Anger",
                "houseNumber",
                "1",
                "postcode",
                "99084",
                "city",
                "Erfurt",
                "version",
                "0"));
    assertThat(created.statusCode()).isEqualTo(302);
    String location = created.headers().firstValue("Location").orElseThrow();
    return location.substring(location.indexOf("/konto/"), location.indexOf('?'));
  }
}
