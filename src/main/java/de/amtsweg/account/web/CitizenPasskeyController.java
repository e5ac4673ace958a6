package de.amtsweg.account.web;

import de.amtsweg.account.CitizenPasskeys;
import de.amtsweg.platform.PasskeyRelyingParty;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.security.Principal;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.webauthn.api.AuthenticatorAssertionResponse;
import org.springframework.security.web.webauthn.api.PublicKeyCredential;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialCreationOptions;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialRequestOptions;
import org.springframework.security.web.webauthn.jackson.WebauthnJacksonModule;
import org.springframework.security.web.webauthn.management.RelyingPartyPublicKey;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Passkeys of a Servicekonto: the list and removal at {@code /konto/sicherheit/passkeys} (no
 * JavaScript needed), adding one and signing in with one at {@code /konto/anmelden} (JavaScript,
 * {@code passkeys.js}, as WebAuthn is a browser API). The JSON is Spring Security's WebAuthn JSON,
 * the same as the staff's endpoints speak.
 */
@Controller
class CitizenPasskeyController {

  private static final String REQUEST_OPTIONS =
      CitizenPasskeyController.class.getName() + ".requestOptions";
  private static final String CREATION_OPTIONS =
      CitizenPasskeyController.class.getName() + ".creationOptions";
  private static final int LABEL_LENGTH = 100;

  private final CitizenPasskeys passkeys;
  private final PasskeyRelyingParty relyingParty;
  private final CitizenSessions sessions;
  private final JsonMapper json =
      JsonMapper.builder().addModule(new WebauthnJacksonModule()).build();

  CitizenPasskeyController(
      CitizenPasskeys passkeys, PasskeyRelyingParty relyingParty, CitizenSessions sessions) {
    this.passkeys = passkeys;
    this.relyingParty = relyingParty;
    this.sessions = sessions;
  }

  @GetMapping("/konto/sicherheit/passkeys")
  String page(Principal principal, Model model) {
    model.addAttribute("passkeys", passkeys.list(UUID.fromString(principal.getName())));
    return "account/passkeys";
  }

  @PostMapping("/konto/sicherheit/passkeys/entfernen")
  String remove(Principal principal, @RequestParam(defaultValue = "") String id) {
    boolean removed = passkeys.remove(UUID.fromString(principal.getName()), id);
    return "redirect:/konto/sicherheit/passkeys" + (removed ? "?entfernt" : "");
  }

  @PostMapping(
      value = "/konto/sicherheit/passkeys/optionen",
      produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<String> creationOptions(Principal principal, HttpServletRequest request) {
    PublicKeyCredentialCreationOptions options =
        passkeys.creationOptions(UUID.fromString(principal.getName()));
    relyingParty.saveCreationOptions(request, CREATION_OPTIONS, options);
    return ResponseEntity.ok(json.writeValueAsString(options));
  }

  @PostMapping(
      value = "/konto/sicherheit/passkeys/registrieren",
      produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<String> register(
      Principal principal, @RequestBody String body, HttpServletRequest request) {
    PublicKeyCredentialCreationOptions options =
        relyingParty.loadCreationOptions(request, CREATION_OPTIONS);
    relyingParty.saveCreationOptions(request, CREATION_OPTIONS, null);
    try {
      JsonNode publicKey = json.readTree(body).get("publicKey");
      String label = publicKey == null ? "" : publicKey.path("label").asString("").strip();
      if (options == null || label.isEmpty() || label.length() > LABEL_LENGTH) {
        return answer(HttpStatus.BAD_REQUEST, Map.of("success", false));
      }
      passkeys.register(
          UUID.fromString(principal.getName()),
          options,
          json.treeToValue(publicKey, RelyingPartyPublicKey.class));
      return answer(HttpStatus.OK, Map.of("success", true));
    } catch (RuntimeException refused) {
      return answer(HttpStatus.BAD_REQUEST, Map.of("success", false));
    }
  }

  @PostMapping(
      value = "/konto/anmelden/passkey/optionen",
      produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<String> requestOptions(HttpServletRequest request) {
    PublicKeyCredentialRequestOptions options = passkeys.requestOptions();
    request.getSession().setAttribute(REQUEST_OPTIONS, options);
    return ResponseEntity.ok(json.writeValueAsString(options));
  }

  @PostMapping(value = "/konto/anmelden/passkey", produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<String> logIn(
      @RequestBody String body, HttpServletRequest request, HttpServletResponse response) {
    HttpSession session = request.getSession(false);
    if (session == null
        || !(session.getAttribute(REQUEST_OPTIONS)
            instanceof PublicKeyCredentialRequestOptions options)) {
      return answer(HttpStatus.UNAUTHORIZED, Map.of("authenticated", false));
    }
    // A challenge is good for one answer.
    session.removeAttribute(REQUEST_OPTIONS);
    Optional<UUID> account;
    try {
      PublicKeyCredential<AuthenticatorAssertionResponse> credential =
          json.readValue(
              body,
              json.getTypeFactory()
                  .constructParametricType(
                      PublicKeyCredential.class, AuthenticatorAssertionResponse.class));
      account = passkeys.authenticate(options, credential);
    } catch (RuntimeException unreadable) {
      account = Optional.empty();
    }
    if (account.isEmpty()) {
      return answer(HttpStatus.UNAUTHORIZED, Map.of("authenticated", false));
    }
    String target = sessions.establish(account.get(), request, response);
    return answer(HttpStatus.OK, Map.of("authenticated", true, "redirectUrl", target));
  }

  private ResponseEntity<String> answer(HttpStatus status, Map<String, Object> body) {
    return ResponseEntity.status(status)
        .contentType(MediaType.APPLICATION_JSON)
        .body(json.writeValueAsString(body));
  }
}
