package de.amtsweg.account;

import java.util.UUID;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;

/**
 * The logged-in sessions of an account, found through Spring Session's principal index (the
 * account's id is the principal name), wherever they were opened.
 */
@Component
public class AccountSessions {

  private final FindByIndexNameSessionRepository<? extends Session> sessions;

  AccountSessions(FindByIndexNameSessionRepository<? extends Session> sessions) {
    this.sessions = sessions;
  }

  /** Logs the account out everywhere. */
  public void endAll(UUID accountId) {
    endAllExcept(accountId, null);
  }

  /**
   * Logs the account out everywhere but in the session {@code keep} (the one making the change).
   */
  public void endAllExcept(UUID accountId, @org.jspecify.annotations.Nullable String keep) {
    for (String id : sessions.findByPrincipalName(accountId.toString()).keySet()) {
      if (!id.equals(keep)) {
        sessions.deleteById(id);
      }
    }
  }

  /** How many sessions the account has open. */
  public int count(UUID accountId) {
    return sessions.findByPrincipalName(accountId.toString()).size();
  }
}
