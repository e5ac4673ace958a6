package de.amtsweg.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import tools.jackson.databind.json.JsonMapper;

/** A machine at {@code POST /oauth2/token}: the client credentials grant over real HTTP. */
public final class TokenEndpoint {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final int port;

  public TokenEndpoint(int port) {
    this.port = port;
  }

  /** Asks for a token with HTTP Basic client authentication. */
  public HttpResponse<String> token(String clientId, String secret, String scope) {
    String basic =
        Base64.getEncoder()
            .encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
    try {
      return HttpClient.newHttpClient()
          .send(
              HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/oauth2/token"))
                  .header("Authorization", "Basic " + basic)
                  .header("Content-Type", "application/x-www-form-urlencoded")
                  .POST(
                      HttpRequest.BodyPublishers.ofString(
                          "grant_type=client_credentials&scope=" + scope))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
    } catch (IOException | InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The access token the endpoint gives; fails the test if it gives none. */
  public String accessToken(String clientId, String secret, String scope) {
    HttpResponse<String> response = token(clientId, secret, scope);
    assertThat(response.statusCode())
        .as("token for " + clientId + ": " + response.body())
        .isEqualTo(200);
    return JSON.readTree(response.body()).path("access_token").asString();
  }
}
