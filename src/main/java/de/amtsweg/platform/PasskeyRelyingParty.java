package de.amtsweg.platform;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.io.Serializable;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.security.web.webauthn.api.AttestationConveyancePreference;
import org.springframework.security.web.webauthn.api.AuthenticatorSelectionCriteria;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.ImmutablePublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialCreationOptions;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialParameters;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialRpEntity;
import org.springframework.security.web.webauthn.api.ResidentKeyRequirement;
import org.springframework.security.web.webauthn.api.UserVerificationRequirement;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialUserEntityRepository;
import org.springframework.security.web.webauthn.management.UserCredentialRepository;
import org.springframework.security.web.webauthn.management.WebAuthnRelyingPartyOperations;
import org.springframework.security.web.webauthn.management.Webauthn4JRelyingPartyOperations;
import org.springframework.stereotype.Component;

/**
 * Amtsweg as a WebAuthn relying party (passkeys, ADR 0024): its id is the host of {@code
 * amtsweg.public-url}, the only origin it accepts that URL's origin. Staff and citizens each get
 * their own {@link #operations operations} over their own credential stores, so that a passkey of
 * one population is unknown to the other.
 *
 * <p>Every passkey is a discoverable credential with user verification required: a passkey alone is
 * a complete login (possession and PIN or biometrics), never one factor of two.
 */
@Component
public class PasskeyRelyingParty {

  private final PublicKeyCredentialRpEntity rp;
  private final URI publicUrl;
  private final Set<String> allowedOrigins = ConcurrentHashMap.newKeySet();
  private final Times times;

  PasskeyRelyingParty(PlatformProperties properties) {
    this.publicUrl = properties.publicUrl();
    this.times = Times.in(properties.timeZone());
    String host = publicUrl.getHost();
    if (host == null) {
      throw new IllegalStateException("amtsweg.public-url needs a host: " + publicUrl);
    }
    this.rp = PublicKeyCredentialRpEntity.builder().id(host).name("Amtsweg").build();
    allowedOrigins.add(origin(publicUrl.getScheme(), host, publicUrl.getPort()));
  }

  /**
   * On a developer's machine ({@code public-url} on localhost) the port the server really listens
   * on is accepted too: tests and {@code server.port} overrides need no second setting. A browser
   * on another machine cannot reach a localhost origin, and the relying party id stays the same.
   */
  @EventListener
  void serverStarted(WebServerInitializedEvent event) {
    if ("localhost".equals(rp.getId())) {
      allowedOrigins.add(origin("http", "localhost", event.getWebServer().getPort()));
    }
  }

  /** The relying party id (a host name), e.g. {@code amtsweg.example}. */
  public String rpId() {
    return rp.getId();
  }

  /** The origins the ceremonies accept: the public URL's, on localhost also the server's port. */
  Set<String> allowedOrigins() {
    return Set.copyOf(allowedOrigins);
  }

  /** WebAuthn ceremonies over one population's credential stores. */
  public WebAuthnRelyingPartyOperations operations(
      PublicKeyCredentialUserEntityRepository userEntities, UserCredentialRepository credentials) {
    Webauthn4JRelyingPartyOperations operations =
        new Webauthn4JRelyingPartyOperations(userEntities, credentials, rp, allowedOrigins);
    operations.setCustomizeCreationOptions(
        options -> options.authenticatorSelection(SELECTION).timeout(TIMEOUT));
    operations.setCustomizeRequestOptions(
        options -> options.userVerification(UserVerificationRequirement.REQUIRED));
    return operations;
  }

  private static final AuthenticatorSelectionCriteria SELECTION =
      AuthenticatorSelectionCriteria.builder()
          .userVerification(UserVerificationRequirement.REQUIRED)
          .residentKey(ResidentKeyRequirement.REQUIRED)
          .build();

  private static final Duration TIMEOUT = Duration.ofMinutes(5);

  /**
   * Keeps registration options in the session between the options request and the registration.
   * Spring Security's options are not serializable, and sessions are stored in PostgreSQL: the
   * session keeps what the check needs, and {@link #loadCreationOptions} rebuilds them.
   */
  public void saveCreationOptions(
      HttpServletRequest request,
      String attribute,
      @Nullable PublicKeyCredentialCreationOptions options) {
    if (options == null) {
      HttpSession session = request.getSession(false);
      if (session != null) {
        session.removeAttribute(attribute);
      }
      return;
    }
    request
        .getSession()
        .setAttribute(
            attribute,
            new StoredCreationOptions(
                options.getChallenge().getBytes(),
                options.getUser().getId().getBytes(),
                options.getUser().getName(),
                options.getUser().getDisplayName()));
  }

  /** The registration options saved in the session, or null. */
  public @Nullable PublicKeyCredentialCreationOptions loadCreationOptions(
      HttpServletRequest request, String attribute) {
    HttpSession session = request.getSession(false);
    if (session == null
        || !(session.getAttribute(attribute) instanceof StoredCreationOptions stored)) {
      return null;
    }
    return PublicKeyCredentialCreationOptions.builder()
        .rp(rp)
        .user(
            ImmutablePublicKeyCredentialUserEntity.builder()
                .id(new Bytes(stored.userId()))
                .name(stored.userName())
                .displayName(
                    stored.displayName() == null ? stored.userName() : stored.displayName())
                .build())
        .challenge(new Bytes(stored.challenge()))
        .pubKeyCredParams(
            PublicKeyCredentialParameters.EdDSA,
            PublicKeyCredentialParameters.ES256,
            PublicKeyCredentialParameters.RS256)
        .authenticatorSelection(SELECTION)
        .attestation(AttestationConveyancePreference.NONE)
        .timeout(TIMEOUT)
        .build();
  }

  /** A passkey as pages list it: its id (base64url), name, and when it was added and last used. */
  public record Listed(String id, String label, String created, String lastUsed) {}

  /** The passkeys for a page, newest first, times as {@link Times} shows them. */
  public java.util.List<Listed> listed(
      java.util.List<org.springframework.security.web.webauthn.api.CredentialRecord> records) {
    return records.stream()
        .sorted(
            java.util.Comparator.comparing(
                    org.springframework.security.web.webauthn.api.CredentialRecord::getCreated)
                .reversed())
        .map(
            record ->
                new Listed(
                    record.getCredentialId().toBase64UrlString(),
                    record.getLabel(),
                    times.dateTime(record.getCreated()),
                    times.dateTime(record.getLastUsed())))
        .toList();
  }

  private static String origin(String scheme, String host, int port) {
    String lower = scheme.toLowerCase(Locale.ROOT);
    boolean defaultPort =
        port == -1
            || ("https".equals(lower) && port == 443)
            || ("http".equals(lower) && port == 80);
    return lower + "://" + host + (defaultPort ? "" : ":" + port);
  }

  /** What a registration check needs of its options, serializable. */
  private record StoredCreationOptions(
      byte[] challenge, byte[] userId, String userName, @Nullable String displayName)
      implements Serializable {}
}
