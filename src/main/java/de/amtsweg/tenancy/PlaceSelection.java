package de.amtsweg.tenancy;

import de.amtsweg.platform.ProblemException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/** Remembers the place a visitor chose for the rest of the visit (in the HTTP session). */
@Component
public class PlaceSelection {

  private static final String SESSION_ATTRIBUTE = PlaceSelection.class.getName();

  private final Authorities authorities;

  PlaceSelection(Authorities authorities) {
    this.authorities = authorities;
  }

  /** The place chosen in this visit, if any; never creates a session. */
  public Optional<ChosenPlace> current(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    if (session == null) {
      return Optional.empty();
    }
    return session.getAttribute(SESSION_ATTRIBUTE) instanceof ChosenPlace place
        ? Optional.of(place)
        : Optional.empty();
  }

  /**
   * Remembers the Gemeinde with this ARS.
   *
   * @throws MalformedArsException, AuthorityNotFoundException, NotAMunicipalityException
   */
  public ChosenPlace choose(HttpServletRequest request, String ars) {
    Authority authority = authorities.get(ars);
    if (!authority.type().isMunicipality()) {
      throw new NotAMunicipalityException(authority.ars());
    }
    ChosenPlace place = new ChosenPlace(authority.ars(), authority.displayName());
    request.getSession(true).setAttribute(SESSION_ATTRIBUTE, place);
    return place;
  }

  /** Forgets the chosen place. */
  public void forget(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    if (session != null) {
      session.removeAttribute(SESSION_ATTRIBUTE);
    }
  }

  /** Only Gemeinden and Städte can be chosen as a place to live. */
  public static class NotAMunicipalityException extends ProblemException {
    NotAMunicipalityException(String ars) {
      super(HttpStatus.BAD_REQUEST, "not-a-municipality", ars);
    }
  }
}
