package de.amtsweg.account;

import static org.assertj.core.api.Assertions.assertThat;

import de.amtsweg.account.PostfachMessage.Kind;
import de.amtsweg.support.AmtswegIT;
import de.amtsweg.support.Browser;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** GET /api/v1/me and /api/v1/me/postfach with the session; 401 problem details without it. */
class MeApiIT extends AmtswegIT {

  @Autowired JdbcClient jdbc;
  @Autowired Postfach postfach;
  private final Citizens citizens = new Citizens(this::browser);

  @Test
  void withoutLoginTheApiAnswers401AsProblemDetails() {
    for (String path : List.of("/api/v1/me", "/api/v1/me/postfach")) {
      HttpResponse<String> response = browser().get(path, "Accept", "application/json");

      assertThat(response.statusCode()).isEqualTo(401);
      assertThat(response.headers().firstValue("Content-Type").orElseThrow())
          .startsWith("application/problem+json");
      assertThat(response.body()).contains("\"type\":\"urn:amtsweg:problem:unauthorized\"");
    }
  }

  @Test
  void meIsTheAccountWithItsProfileAndProvenance() {
    String email = citizens.confirmedAccount();
    Browser browser = citizens.loggedIn(email, Citizens.PASSWORD);
    Document form = Browser.page(browser.get("/konto/profil/person"));
    browser.submit(
        "/konto/profil/person",
        Browser.csrf(form),
        Map.of("givenNames", "Erika", "familyName", "Mustermann"));

    HttpResponse<String> me = browser.get("/api/v1/me", "Accept", "application/json");

    assertThat(me.statusCode()).isEqualTo(200);
    assertThat(me.body())
        .contains("\"email\":\"" + email + "\"", "\"emailConfirmed\":true")
        .contains("\"givenNames\":{\"value\":\"Erika\",\"source\":\"USER\",\"since\":\"")
        .contains("\"familyName\":{\"value\":\"Mustermann\"");
  }

  @Test
  void thePostfachIsPagedNewestFirst() {
    String email = citizens.confirmedAccount();
    UUID account =
        jdbc.sql("select id from account where email = ?").param(email).query(UUID.class).single();
    for (int i = 1; i <= 3; i++) {
      postfach.deliver(
          account, PostfachIT.message(Kind.INFO, "Nachricht " + i, "Text " + i, List.of()));
    }
    Browser browser = citizens.loggedIn(email, Citizens.PASSWORD);

    HttpResponse<String> first =
        browser.get("/api/v1/me/postfach?size=2", "Accept", "application/json");
    HttpResponse<String> second =
        browser.get("/api/v1/me/postfach?size=2&page=2", "Accept", "application/json");
    HttpResponse<String> tooBig =
        browser.get("/api/v1/me/postfach?size=1000", "Accept", "application/json");

    assertThat(first.body()).contains("\"total\":3", "\"unread\":3", "\"page\":1", "\"size\":2");
    assertThat(first.body().indexOf("Nachricht 3")).isLessThan(first.body().indexOf("Nachricht 2"));
    assertThat(first.body()).doesNotContain("Nachricht 1");
    assertThat(second.body()).contains("Nachricht 1").doesNotContain("Nachricht 2");
    assertThat(tooBig.statusCode()).isEqualTo(400);
    assertThat(tooBig.body()).contains("urn:amtsweg:problem:invalid-parameter");
  }

  @Test
  void staffHaveNoServicekontoApi() {
    Browser operator = browser();
    operator.signIn("betrieb", DEMO_PASSWORD);

    HttpResponse<String> me = operator.get("/api/v1/me", "Accept", "application/json");

    assertThat(me.statusCode()).isEqualTo(403);
    assertThat(me.headers().firstValue("Content-Type").orElseThrow())
        .startsWith("application/problem+json");
  }
}
