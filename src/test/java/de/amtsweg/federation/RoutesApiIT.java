package de.amtsweg.federation;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.SignedJWT;
import de.amtsweg.support.AmtswegIT;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The routes answer in the FIT-Connect Routing API's shape, signed with a key the published JWKS
 * holds, and refuse malformed parameters with a problem.
 */
class RoutesApiIT extends AmtswegIT {

  private final JsonMapper json = JsonMapper.builder().build();

  @Test
  void hundesteuerInErfurtRoutesToErfurtWithASignatureThatVerifiesAgainstThePublishedKeys()
      throws Exception {
    HttpResponse<String> response =
        browser().get("/api/v1/routes?leikaKey=99102013000000&ars=160510000000");

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode result = json.readTree(response.body());
    assertThat(result.path("offset").asInt()).isZero();
    assertThat(result.path("count").asInt()).isEqualTo(result.path("routes").size()).isPositive();
    assertThat(result.path("totalCount").asInt()).isEqualTo(result.path("count").asInt());
    JsonNode route = result.path("routes").get(0);
    String destinationId = route.path("destinationId").asString();
    assertThat(destinationId).matches("[0-9a-f-]{36}");
    assertThat(route.path("destinationName").asString()).isEqualTo("Stadt Erfurt");
    assertThat(route.path("destinationParameters").path("submissionUrl").asString())
        .endsWith("/api/v1/tenants/160510000000/apps/hundesteuer/antraege");

    SignedJWT signature = SignedJWT.parse(route.path("destinationSignature").asString());
    JWKSet published = JWKSet.parse(browser().get("/api/v1/portalverbund/jwks").body());
    RSAKey key = published.getKeyByKeyId(signature.getHeader().getKeyID()).toRSAKey();
    assertThat(key.isPrivate()).isFalse();
    assertThat(signature.verify(new RSASSAVerifier(key))).isTrue();
    assertThat(signature.getJWTClaimsSet().getStringClaim("destinationId"))
        .isEqualTo(destinationId);
    assertThat(signature.getJWTClaimsSet().getIssueTime()).isNotNull();
    @SuppressWarnings("unchecked")
    Map<String, List<String>> service =
        (Map<String, List<String>>) signature.getJWTClaimsSet().getListClaim("services").get(0);
    assertThat(service.get("leistungIDs")).contains("urn:de:fim:leika:leistung:99102013000000");
    assertThat(service.get("gebietIDs"))
        .contains("urn:de:bund:destatis:bevoelkerungsstatistik:schluessel:rs:160510000000");

    JWSVerifier stranger =
        new RSASSAVerifier(new RSAKeyGenerator(2048).keyID(key.getKeyID()).generate());
    assertThat(signature.verify(stranger)).isFalse();
  }

  @Test
  void aPlaceWithoutTheAppHasNoRoute() {
    JsonNode result =
        json.readTree(
            browser().get("/api/v1/routes?leikaKey=99102013000000&ars=160000000000").body());

    assertThat(result.path("count").asInt()).isZero();
    assertThat(result.path("routes").size()).isZero();
  }

  @Test
  void malformedParametersAreProblemsNamingTheParameter() {
    HttpResponse<String> key = browser().get("/api/v1/routes?leikaKey=12345&ars=160510000000");
    HttpResponse<String> ars = browser().get("/api/v1/routes?leikaKey=99102013000000&ars=1605");

    assertThat(key.statusCode()).isEqualTo(400);
    assertThat(json.readTree(key.body()).path("detail").asString()).contains("leikaKey", "12345");
    assertThat(ars.statusCode()).isEqualTo(400);
    assertThat(json.readTree(ars.body()).path("detail").asString()).contains("ars", "1605");
  }
}
