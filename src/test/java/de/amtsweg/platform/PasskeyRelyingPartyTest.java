package de.amtsweg.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.net.URI;
import java.util.Collections;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.server.WebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.ImmutablePublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialCreationOptions;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialRpEntity;
import org.springframework.security.web.webauthn.api.ResidentKeyRequirement;
import org.springframework.security.web.webauthn.api.UserVerificationRequirement;

class PasskeyRelyingPartyTest {

  @Test
  void theRelyingPartyIsThePublicHostAndItsOriginTheOnlyOneAccepted() {
    PasskeyRelyingParty party = party("https://service.thueringen.de");
    party.serverStarted(started(8080));
    assertThat(party.rpId()).isEqualTo("service.thueringen.de");
    assertThat(party.allowedOrigins()).containsExactly("https://service.thueringen.de");
  }

  @Test
  void aPortOtherThanTheSchemesDefaultIsPartOfTheOrigin() {
    assertThat(party("https://amtsweg.example:8443/").allowedOrigins())
        .containsExactly("https://amtsweg.example:8443");
    assertThat(party("https://amtsweg.example:443").allowedOrigins())
        .containsExactly("https://amtsweg.example");
  }

  @Test
  void onLocalhostThePortTheServerListensOnIsAcceptedToo() {
    PasskeyRelyingParty party = party("http://localhost:8080");
    party.serverStarted(started(43210));
    assertThat(party.rpId()).isEqualTo("localhost");
    assertThat(party.allowedOrigins())
        .containsExactlyInAnyOrder("http://localhost:8080", "http://localhost:43210");
  }

  @Test
  void registrationOptionsSurviveASerializedSessionWithUserVerificationRequired()
      throws IOException {
    PasskeyRelyingParty party = party("https://service.thueringen.de");
    MockHttpServletRequest request = new MockHttpServletRequest();
    Bytes challenge = Bytes.random();
    Bytes userId = Bytes.random();
    party.saveCreationOptions(
        request,
        "options",
        PublicKeyCredentialCreationOptions.builder()
            .rp(PublicKeyCredentialRpEntity.builder().id("service.thueringen.de").name("x").build())
            .user(
                ImmutablePublicKeyCredentialUserEntity.builder()
                    .id(userId)
                    .name("erika")
                    .displayName("Erika")
                    .build())
            .challenge(challenge)
            .build());
    try (ObjectOutputStream out = new ObjectOutputStream(new ByteArrayOutputStream())) {
      out.writeObject(request.getSession().getAttribute("options"));
    }

    PublicKeyCredentialCreationOptions loaded = party.loadCreationOptions(request, "options");

    assertThat(loaded).isNotNull();
    assertThat(loaded.getChallenge()).isEqualTo(challenge);
    assertThat(loaded.getUser().getId()).isEqualTo(userId);
    assertThat(loaded.getUser().getName()).isEqualTo("erika");
    assertThat(loaded.getRp().getId()).isEqualTo("service.thueringen.de");
    assertThat(loaded.getAuthenticatorSelection().getUserVerification())
        .isEqualTo(UserVerificationRequirement.REQUIRED);
    assertThat(loaded.getAuthenticatorSelection().getResidentKey())
        .isEqualTo(ResidentKeyRequirement.REQUIRED);

    party.saveCreationOptions(request, "options", null);
    assertThat(party.loadCreationOptions(request, "options")).isNull();
    assertThat(Collections.list(request.getSession().getAttributeNames())).isEmpty();
  }

  private static PasskeyRelyingParty party(String publicUrl) {
    return new PasskeyRelyingParty(
        new PlatformProperties(
            null, null, null, null, URI.create(publicUrl), null, null, null, null, null));
  }

  private static WebServerInitializedEvent started(int port) {
    WebServer server =
        new WebServer() {
          @Override
          public void start() {}

          @Override
          public void stop() {}

          @Override
          public int getPort() {
            return port;
          }
        };
    return new WebServerInitializedEvent(server) {
      @Override
      public WebServerApplicationContext getApplicationContext() {
        throw new UnsupportedOperationException();
      }
    };
  }
}
