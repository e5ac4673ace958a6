package de.amtsweg.account.web;

import java.time.ZoneId;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Times on the account pages are shown in German time, whatever zone the database answers in. */
@ControllerAdvice(basePackageClasses = AccountPagesAdvice.class)
class AccountPagesAdvice {

  static final ZoneId ZONE = ZoneId.of("Europe/Berlin");

  @ModelAttribute("zone")
  ZoneId zone() {
    return ZONE;
  }
}
