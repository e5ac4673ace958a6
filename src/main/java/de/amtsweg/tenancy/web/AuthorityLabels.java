package de.amtsweg.tenancy.web;

import de.amtsweg.tenancy.Authorities;
import de.amtsweg.tenancy.Authority;
import de.amtsweg.tenancy.AuthorityType;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** Labels that tell authorities of the same name apart, for the place chooser and the picker. */
@Component
class AuthorityLabels {

  private final Authorities authorities;
  private final MessageSource messages;

  AuthorityLabels(Authorities authorities, MessageSource messages) {
    this.authorities = authorities;
    this.messages = messages;
  }

  /** "Ohrdruf (Stadt, Landkreis Gotha)": enough to tell places of the same name apart. */
  String label(Authority place, Locale locale) {
    String type = messages.getMessage(place.type().messageKey(), null, locale);
    String kreis =
        authorities.ancestors(place.ars()).stream()
            .filter(a -> a.type() == AuthorityType.LANDKREIS)
            .map(Authority::displayName)
            .findFirst()
            .orElse(null);
    return kreis == null
        ? messages.getMessage("place.option", new Object[] {place.name(), type}, locale)
        : messages.getMessage(
            "place.option.kreis", new Object[] {place.name(), type, kreis}, locale);
  }
}
