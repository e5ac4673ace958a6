package de.amtsweg.applications.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * "Sitzung abgelaufen": where {@link ExpiredSessionRecovery} sends an applicant whose session ran
 * out, with what was kept and the way back in (flash attributes). Without them (a reload, a
 * bookmark) it explains the ways back in general terms.
 */
@Controller
class SessionExpiredController {

  @GetMapping(ExpiredSessionRecovery.EXPIRED_PAGE)
  String expired() {
    return "applications/session-expired";
  }
}
