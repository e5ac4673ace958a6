package de.amtsweg.account;

import static org.assertj.core.api.Assertions.assertThat;

import de.amtsweg.support.AmtswegIT;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import tools.jackson.databind.json.JsonMapper;

/** The edges of the OAuth 2.0 authorization server beside the token endpoint itself. */
@ExtendWith(OutputCaptureExtension.class)
class AuthorizationServerIT extends AmtswegIT {

  private final JsonMapper json = JsonMapper.builder().build();

  @Test
  void theAuthorizationEndpointRefusesCleanlyAsNoClientMayUseIt(CapturedOutput output) {
    HttpResponse<String> get =
        browser().get("/oauth2/authorize?response_type=code&client_id=fachverfahren-jena");
    HttpResponse<String> post =
        browser()
            .post(
                "/oauth2/authorize",
                Map.of("response_type", "code", "client_id", "fachverfahren-jena"));

    for (HttpResponse<String> response : java.util.List.of(get, post)) {
      assertThat(response.statusCode()).isEqualTo(400);
      assertThat(response.headers().firstValue("Content-Type"))
          .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
      assertThat(json.readTree(response.body()).path("error").asString())
          .isEqualTo("unsupported_response_type");
      assertThat(response.headers().firstValue("Set-Cookie")).as("no session").isEmpty();
    }
    assertThat(output.getAll())
        .doesNotContain(" ERROR ", "NoSuchElementException", "Request to /oauth2/authorize failed");
  }

  @Test
  void theKeySetAndTheTokenEndpointCarryTheSecurityHeaders() {
    HttpResponse<String> keys = browser().get("/oauth2/jwks");
    HttpResponse<String> token =
        new TokenEndpoint(port).token("fachverfahren-erfurt", DEMO_PASSWORD, "antraege.lesen");

    for (HttpResponse<String> response : java.util.List.of(keys, token)) {
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.headers().firstValue("Content-Security-Policy"))
          .hasValueSatisfying(
              csp -> assertThat(csp).contains("default-src 'self'", "frame-ancestors 'none'"));
      assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
      assertThat(response.headers().firstValue("Referrer-Policy")).hasValue("same-origin");
      assertThat(response.headers().firstValue("X-Frame-Options")).hasValue("DENY");
      assertThat(response.headers().firstValue("Permissions-Policy"))
          .hasValue("camera=(), microphone=(), geolocation=()");
    }
    assertThat(json.readTree(keys.body()).path("keys")).isNotEmpty();
  }
}
