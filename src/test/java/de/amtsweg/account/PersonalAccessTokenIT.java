package de.amtsweg.account;

import static org.assertj.core.api.Assertions.assertThat;

import de.amtsweg.support.AmtswegIT;
import de.amtsweg.support.Browser;
import java.net.http.HttpResponse;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Personal access tokens: created in the account, used by a program without a session, revoked. */
class PersonalAccessTokenIT extends AmtswegIT {

  @Autowired JdbcClient jdbc;
  private final Citizens citizens = new Citizens(this::browser);

  @Test
  void aProgramCallsTheApiWithTheTokenUntilItIsRevoked() {
    String email = citizens.confirmedAccount();
    Browser person = citizens.loggedIn(email, Citizens.PASSWORD);
    Document page = Browser.page(person.get("/konto/sicherheit/zugangsschluessel"));
    HttpResponse<String> created =
        person.submit(
            "/konto/sicherheit/zugangsschluessel",
            Browser.csrf(page),
            Map.of("name", "Haushaltsbuch", "days", "30"));
    Document shown = Browser.page(person.follow(created));
    String token = shown.select("#new-token").text();
    assertThat(token).startsWith("aw_pat_").hasSizeGreaterThan(40);
    assertThat(Browser.page(person.get("/konto/sicherheit/zugangsschluessel")).select("#new-token"))
        .as("shown once")
        .isEmpty();
    assertThat(
            jdbc.sql("select count(*) from personal_access_token where token_hash = ?")
                .param(token)
                .query(Integer.class)
                .single())
        .isZero();

    Browser program = browser();
    HttpResponse<String> me =
        program.get("/api/v1/me", "Authorization", "Bearer " + token, "Accept", "application/json");
    assertThat(me.statusCode()).isEqualTo(200);
    assertThat(me.body()).contains("\"email\":\"" + email + "\"");
    assertThat(program.cookieValue("AMTSWEG_SESSION")).as("no session for token calls").isNull();
    assertThat(program.get("/konto", "Authorization", "Bearer " + token).statusCode())
        .as("no page login")
        .isEqualTo(302);
    assertThat(Browser.page(person.get("/konto/sicherheit/zugangsschluessel")).text())
        .contains("Haushaltsbuch", "zuletzt benutzt");

    Document list = Browser.page(person.get("/konto/sicherheit/zugangsschluessel"));
    person.submit(
        list.select("form[action$=/widerrufen]").attr("action"), Browser.csrf(list), Map.of());

    HttpResponse<String> revoked =
        program.get("/api/v1/me", "Authorization", "Bearer " + token, "Accept", "application/json");
    assertThat(revoked.statusCode()).isEqualTo(401);
    assertThat(revoked.headers().firstValue("Content-Type").orElseThrow())
        .startsWith("application/problem+json");
  }

  @Test
  void unknownAndExpiredTokensAreRefused() {
    String email = citizens.confirmedAccount();
    Browser person = citizens.loggedIn(email, Citizens.PASSWORD);
    Document page = Browser.page(person.get("/konto/sicherheit/zugangsschluessel"));
    String token =
        Browser.page(
                person.follow(
                    person.submit(
                        "/konto/sicherheit/zugangsschluessel",
                        Browser.csrf(page),
                        Map.of("name", "Skript", "days", "90"))))
            .select("#new-token")
            .text();
    jdbc.sql(
            "update personal_access_token set expires_at = now() - interval '1 second'"
                + " where account_id = (select id from account where email = ?)")
        .param(email)
        .update();

    assertThat(browser().get("/api/v1/me", "Authorization", "Bearer " + token).statusCode())
        .isEqualTo(401);
    assertThat(browser().get("/api/v1/me", "Authorization", "Bearer aw_pat_erfunden").statusCode())
        .isEqualTo(401);
    assertThat(
            browser()
                .get("/api/v1/authorities?q=Gotha", "Authorization", "Bearer falsch")
                .statusCode())
        .as("a wrong token is refused even where no login is needed")
        .isEqualTo(401);
    Document refused =
        Browser.page(
            person.submit(
                "/konto/sicherheit/zugangsschluessel",
                Browser.csrf(page),
                Map.of("name", "", "days", "90")));
    assertThat(
            person
                .post(
                    "/konto/sicherheit/ueberall-abmelden",
                    Map.of(),
                    "Authorization",
                    "Bearer " + token)
                .statusCode())
        .as("a bearer header does not lift the CSRF protection of the pages")
        .isEqualTo(403);
    assertThat(person.get("/konto").statusCode()).isEqualTo(200);
    assertThat(refused.select("#error-summary a[href=#token-name]")).isNotEmpty();
  }
}
