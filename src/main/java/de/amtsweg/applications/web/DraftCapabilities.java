package de.amtsweg.applications.web;

import de.amtsweg.platform.HmacSignature;
import de.amtsweg.platform.SecretBox;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The draft capability that every step page of a draft carries as a hidden field (ADR 0026): proof
 * that the page was shown to someone who could open the draft, so that answers sent after the
 * session ran out are kept instead of lost. {@code <issued>.<hmac>}: the Unix second it was issued
 * and an HMAC-SHA256 over draft id and that second, with a key derived from the installation's
 * secret (the same on every node). It names one draft, cannot be made without the key and expires
 * after {@link #VALIDITY}.
 */
@Component
class DraftCapabilities {

  /** The hidden field of the step form that carries it. */
  static final String PARAMETER = "_entwurf";

  /** How long a page may stay open and still have its answers kept: a page left overnight. */
  static final Duration VALIDITY = Duration.ofHours(24);

  private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

  private final String key;
  private final Clock clock;

  @Autowired
  DraftCapabilities(SecretBox secrets) {
    this(HexFormat.of().formatHex(secrets.derivedKey("draft-capability")), Clock.systemUTC());
  }

  DraftCapabilities(String key, Clock clock) {
    this.key = key;
    this.clock = clock;
  }

  /** A capability for the draft, valid from now. */
  String issue(UUID draftId) {
    long issued = clock.instant().getEpochSecond();
    return issued + "." + HmacSignature.hex(HmacSignature.sign(key, issued, bytes(draftId)));
  }

  /** Whether the capability was issued by this installation for this draft and is still valid. */
  boolean valid(UUID draftId, @Nullable String capability) {
    if (capability == null) {
      return false;
    }
    int dot = capability.indexOf('.');
    if (dot <= 0 || capability.length() > 100) {
      return false;
    }
    long issued;
    try {
      issued = Long.parseLong(capability.substring(0, dot));
    } catch (NumberFormatException e) {
      return false;
    }
    // Issued at most VALIDITY ago, and not later than now (a few minutes for the clocks of nodes).
    long now = clock.instant().getEpochSecond();
    if (issued > now + CLOCK_SKEW.toSeconds()) {
      return false;
    }
    return HmacSignature.verify(
            key,
            Long.toString(issued),
            HmacSignature.PREFIX + capability.substring(dot + 1),
            bytes(draftId),
            clock.instant(),
            VALIDITY)
        == null;
  }

  private static byte[] bytes(UUID draftId) {
    return ("draft:" + draftId).getBytes(StandardCharsets.UTF_8);
  }
}
