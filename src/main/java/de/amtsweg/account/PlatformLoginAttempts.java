package de.amtsweg.account;

import de.amtsweg.platform.LoginAttempts;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The throttle of the doors platform runs, on the citizen login's counters and limits: the staff
 * login (user names, with the client address counted together with citizen logins) and client
 * authentication at the token endpoint (client ids, with address counts of its own).
 */
@Component
class PlatformLoginAttempts implements LoginAttempts {

  private final LoginThrottle throttle;
  private final LoginAlerts alerts;

  PlatformLoginAttempts(LoginThrottle throttle, LoginAlerts alerts) {
    this.throttle = throttle;
    this.alerts = alerts;
  }

  @Override
  public Optional<Duration> refusedFor(Door door, String loginName, String clientAddress) {
    return throttle.refusedFor(attempt(door, loginName, clientAddress));
  }

  @Override
  public Optional<Duration> failed(Door door, String loginName, String clientAddress) {
    LoginThrottle.Failure failure = throttle.recordFailure(attempt(door, loginName, clientAddress));
    if (failure.alert()) {
      switch (door) {
        case STAFF -> alerts.staffUnderAttack(normalize(loginName));
        case API_CLIENT -> alerts.clientUnderAttack(loginName);
      }
    }
    return failure.lock();
  }

  @Override
  public void succeeded(Door door, String loginName, String clientAddress) {
    throttle.succeeded(attempt(door, loginName, clientAddress));
  }

  private LoginThrottle.Attempt attempt(Door door, String loginName, String clientAddress) {
    return switch (door) {
      case STAFF -> throttle.login(throttle.staffKey(normalize(loginName)), clientAddress);
      case API_CLIENT -> throttle.client(loginName, clientAddress);
    };
  }

  /** Staff user names are case-insensitive. */
  private static String normalize(String loginName) {
    return loginName.strip().toLowerCase(Locale.ROOT);
  }
}
