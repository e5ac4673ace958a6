package de.amtsweg.platform.web;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.web.servlet.LocaleResolver;

/**
 * German first, English second: a language chosen with {@code ?lang=} is kept in a cookie;
 * otherwise the browser's Accept-Language decides between the supported languages; otherwise
 * German.
 */
class SupportedLocaleResolver implements LocaleResolver {

  static final Locale GERMAN = Locale.GERMAN;
  static final List<Locale> SUPPORTED = List.of(Locale.GERMAN, Locale.ENGLISH);
  static final String COOKIE = "amtsweg-lang";
  private static final int ONE_YEAR = 365 * 24 * 3600;
  private static final String CHOSEN_ATTRIBUTE =
      SupportedLocaleResolver.class.getName() + ".chosen";

  @Override
  public Locale resolveLocale(HttpServletRequest request) {
    if (request.getAttribute(CHOSEN_ATTRIBUTE) instanceof Locale chosenInThisRequest) {
      return chosenInThisRequest;
    }
    Cookie[] cookies = request.getCookies();
    if (cookies != null) {
      for (Cookie cookie : cookies) {
        if (COOKIE.equals(cookie.getName())) {
          Locale chosen = supported(cookie.getValue());
          if (chosen != null) {
            return chosen;
          }
        }
      }
    }
    return fromAcceptLanguage(request.getHeader(HttpHeaders.ACCEPT_LANGUAGE));
  }

  @Override
  public void setLocale(
      HttpServletRequest request, @Nullable HttpServletResponse response, @Nullable Locale locale) {
    Locale chosen = locale == null ? null : supported(locale.getLanguage());
    if (chosen == null || response == null) {
      return;
    }
    ResponseCookie cookie =
        ResponseCookie.from(COOKIE, chosen.getLanguage())
            .path("/")
            .maxAge(ONE_YEAR)
            .httpOnly(true)
            .sameSite("Lax")
            .secure(request.isSecure())
            .build();
    response.addHeader(HttpHeaders.SET_COOKIE, cookie.toString());
    // Let the rest of this request (the page being rendered) use the new language too.
    request.setAttribute(CHOSEN_ATTRIBUTE, chosen);
  }

  static Locale fromAcceptLanguage(@Nullable String header) {
    if (header == null || header.isBlank()) {
      return GERMAN;
    }
    try {
      Locale match = Locale.lookup(Locale.LanguageRange.parse(header), SUPPORTED);
      return match != null ? match : GERMAN;
    } catch (IllegalArgumentException malformedHeader) {
      return GERMAN;
    }
  }

  static @Nullable Locale supported(@Nullable String language) {
    if (language == null) {
      return null;
    }
    for (Locale locale : SUPPORTED) {
      if (locale.getLanguage().equalsIgnoreCase(language.trim())) {
        return locale;
      }
    }
    return null;
  }
}
