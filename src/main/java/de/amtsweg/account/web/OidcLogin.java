package de.amtsweg.account.web;

import de.amtsweg.account.AccountException;
import de.amtsweg.account.ExternalIdentities;
import de.amtsweg.account.SecondFactor;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.security.Principal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;

/**
 * Login and linking through an external OpenID Connect provider. Spring Security does the protocol
 * (authorization code flow with PKCE, ID token validation); this turns the verified identity into a
 * Servicekonto login (bean {@code citizenOidcLogin}, used by the security configuration), or
 * refuses it and forgets the provider's login. An account with a second factor is not logged in
 * yet: the provider's login counts as the first step, and the person enters the code at {@code
 * /konto/anmelden/code} as after a password.
 */
@Controller("citizenOidcLogin")
class OidcLogin implements AuthenticationSuccessHandler, AuthenticationFailureHandler {

  /** Session attribute: the logged-in account that asked to link a provider. */
  static final String LINK = OidcLogin.class.getName() + ".link";

  private final ExternalIdentities identities;
  private final CitizenSessions sessions;
  private final IdentityProviders providers;
  private final SecondFactor secondFactor;

  OidcLogin(
      ExternalIdentities identities,
      CitizenSessions sessions,
      IdentityProviders providers,
      SecondFactor secondFactor) {
    this.identities = identities;
    this.sessions = sessions;
    this.providers = providers;
    this.secondFactor = secondFactor;
  }

  /**
   * Links a provider to the logged-in account: remembers the account, then goes to the provider.
   */
  @PostMapping("/konto/sicherheit/verknuepfen/{provider}")
  String link(@PathVariable String provider, Principal principal, HttpServletRequest request) {
    if (!providers.exists(provider)) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND);
    }
    request.getSession().setAttribute(LINK, AccountController.accountId(principal));
    return "redirect:/oauth2/authorization/" + provider;
  }

  @Override
  public void onAuthenticationSuccess(
      HttpServletRequest request, HttpServletResponse response, Authentication authentication)
      throws IOException {
    HttpSession session = request.getSession(false);
    UUID linkTo = session != null && session.getAttribute(LINK) instanceof UUID id ? id : null;
    if (session != null) {
      session.removeAttribute(LINK);
    }
    if (!(authentication.getPrincipal() instanceof OidcUser user)) {
      refuse(request, response, "account-identity-failed");
      return;
    }
    try {
      UUID account = identities.login(claims(user), linkTo);
      if (linkTo == null && secondFactor.enabled(account)) {
        // The provider vouches for the first factor only: the account's own second factor follows.
        sessions.discard(request, response);
        response.sendRedirect(CitizenLoginController.awaitSecondFactor(request, account));
        return;
      }
      String target = sessions.establish(account, request, response);
      response.sendRedirect(linkTo != null ? "/konto/sicherheit?verknuepft" : target);
    } catch (AccountException e) {
      refuse(request, response, e.type());
    }
  }

  @Override
  public void onAuthenticationFailure(
      HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
      throws IOException {
    refuse(request, response, "account-identity-failed");
  }

  private void refuse(HttpServletRequest request, HttpServletResponse response, String problem)
      throws IOException {
    sessions.discard(request, response);
    response.sendRedirect("/konto/anmelden?anbieter=" + problem);
  }

  private static ExternalIdentities.Claims claims(OidcUser user) {
    return new ExternalIdentities.Claims(
        String.valueOf(user.getIssuer()),
        user.getSubject(),
        user.getEmail(),
        Boolean.TRUE.equals(user.getEmailVerified()),
        user.getGivenName(),
        user.getFamilyName(),
        date(user.getBirthdate()));
  }

  private static @Nullable LocalDate date(@Nullable String birthdate) {
    try {
      return birthdate == null ? null : LocalDate.parse(birthdate);
    } catch (DateTimeParseException notIso) {
      return null;
    }
  }
}
