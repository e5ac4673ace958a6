package de.amtsweg.account.web;

import de.amtsweg.platform.Roles;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.UUID;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.authentication.session.SessionAuthenticationStrategy;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponents;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Turns a checked identity into a citizen login, however it was checked (password, second factor,
 * identity provider): a new session and CSRF token, the account's id as principal name, stored
 * where Spring Security looks for it (ADR 0006).
 */
@Component
class CitizenSessions {

  private final SessionAuthenticationStrategy sessionStrategy;
  private final SecurityContextRepository contextRepository;
  private final RequestCache requestCache = new HttpSessionRequestCache();
  private final SecurityContextHolderStrategy contextHolder =
      SecurityContextHolder.getContextHolderStrategy();

  CitizenSessions(
      SessionAuthenticationStrategy sessionStrategy, SecurityContextRepository contextRepository) {
    this.sessionStrategy = sessionStrategy;
    this.contextRepository = contextRepository;
  }

  /** Logs the account in and returns where to go: the account page asked for, or the overview. */
  String establish(UUID accountId, HttpServletRequest request, HttpServletResponse response) {
    String target = savedTarget(request, response);
    Authentication authentication =
        UsernamePasswordAuthenticationToken.authenticated(
            accountId.toString(),
            null,
            AuthorityUtils.createAuthorityList(Roles.CITIZEN_AUTHORITY));
    sessionStrategy.onAuthentication(authentication, request, response);
    SecurityContext context = contextHolder.createEmptyContext();
    context.setAuthentication(authentication);
    contextHolder.setContext(context);
    contextRepository.saveContext(context, request, response);
    return target;
  }

  /** Forgets any login of this request and its session (a refused identity-provider login). */
  void discard(HttpServletRequest request, HttpServletResponse response) {
    contextHolder.clearContext();
    contextRepository.saveContext(contextHolder.createEmptyContext(), request, response);
  }

  /**
   * The account page (or the step page of an account's draft, after the session ran out) that sent
   * the visitor to the login, as a local path; never another site.
   */
  private String savedTarget(HttpServletRequest request, HttpServletResponse response) {
    SavedRequest saved = requestCache.getRequest(request, response);
    requestCache.removeRequest(request, response);
    if (saved == null || !"GET".equals(saved.getMethod())) {
      return "/konto";
    }
    UriComponents url =
        UriComponentsBuilder.fromUriString(saved.getRedirectUrl())
            .replaceQueryParam("continue")
            .build();
    String path = url.getPath();
    if (path == null
        || !(path.equals("/konto") || path.startsWith("/konto/") || path.startsWith("/antrag/"))
        || path.startsWith("//")) {
      return "/konto";
    }
    return url.getQuery() == null ? path : path + "?" + url.getQuery();
  }
}
