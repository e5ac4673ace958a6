package de.amtsweg.applications.web;

import de.amtsweg.applications.SubmissionLimits;
import de.amtsweg.platform.RateLimits;
import jakarta.servlet.http.HttpServletRequest;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * The limit on anonymous submissions per client address ({@code
 * amtsweg.limits.anonymous-submissions-per-address} within {@code
 * amtsweg.limits.anonymous-window}), for the API, the check page and the Warenkorb alike. Anonymous
 * means no login of any kind (no Servicekonto, no staff session) and no API token; everyone else is
 * accountable and not limited here.
 *
 * <p>A slot is taken before the submission, so that concurrent requests cannot pass the limit
 * together, and given back when no Antrag came of it (invalid answers, a repeated request): what
 * the limit guards against are Anträge and their e-mails, and a person who corrects a mistake must
 * not lose a submission by it.
 */
@Component
class AnonymousSubmissions {

  static final String BUCKET = "anonymous-submission";

  private final RateLimits rateLimits;
  private final SubmissionLimits limits;

  AnonymousSubmissions(RateLimits rateLimits, SubmissionLimits limits) {
    this.rateLimits = rateLimits;
    this.limits = limits;
  }

  /**
   * Whose submissions count together: an IPv4 address, or the /64 network of an IPv6 address (one
   * connection usually gets a whole /64, and could otherwise take a fresh address per request).
   */
  static String client(String remoteAddress) {
    if (remoteAddress.indexOf(':') < 0) {
      return remoteAddress;
    }
    try {
      // A literal with a colon is parsed, never looked up; IPv4-mapped forms come back as IPv4.
      InetAddress address = InetAddress.getByName(remoteAddress);
      if (address instanceof Inet6Address) {
        return HexFormat.of().formatHex(address.getAddress(), 0, 8) + "::/64";
      }
      return address.getHostAddress();
    } catch (UnknownHostException e) {
      return remoteAddress;
    }
  }

  /** Whether the caller is nobody: no login, no token. */
  static boolean anonymous(@Nullable Authentication authentication) {
    return authentication == null
        || authentication instanceof AnonymousAuthenticationToken
        || !authentication.isAuthenticated();
  }

  /**
   * Takes the slots for {@code count} anonymous submissions from the request's client address, all
   * or none.
   *
   * @return the slots taken; empty for a caller who is not anonymous
   * @throws SubmissionLimitException when the address has too few left
   */
  Slots admit(HttpServletRequest request, @Nullable Authentication authentication, int count) {
    List<RateLimits.Allowed> taken = new ArrayList<>();
    if (!anonymous(authentication) || count == 0) {
      return new Slots(taken);
    }
    for (int i = 0; i < count; i++) {
      RateLimits.Decision decision =
          rateLimits.take(
              BUCKET,
              client(request.getRemoteAddr()),
              limits.anonymousSubmissionsPerAddress(),
              limits.anonymousWindow());
      if (decision instanceof RateLimits.Refused refused) {
        taken.forEach(rateLimits::giveBack);
        throw new SubmissionLimitException(refused.retryAfter());
      }
      taken.add((RateLimits.Allowed) decision);
    }
    return new Slots(taken);
  }

  /** The slots one request took. */
  final class Slots {

    private final List<RateLimits.Allowed> taken;

    private Slots(List<RateLimits.Allowed> taken) {
      this.taken = taken;
    }

    /** Gives back all slots but {@code used}: only submissions that created an Antrag count. */
    void keep(int used) {
      while (taken.size() > Math.max(0, used)) {
        rateLimits.giveBack(taken.removeLast());
      }
    }
  }
}
