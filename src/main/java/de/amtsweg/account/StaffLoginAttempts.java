package de.amtsweg.account;

import de.amtsweg.platform.LoginAttempts;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The staff login's throttle: the same counters and limits as the citizen login, with keys of their
 * own for staff user names (the client address is counted together with citizen logins).
 */
@Component
class StaffLoginAttempts implements LoginAttempts {

  private final LoginThrottle throttle;

  StaffLoginAttempts(LoginThrottle throttle) {
    this.throttle = throttle;
  }

  static String staffKey(String loginName) {
    return "staff:" + LoginThrottle.sha256(loginName.strip().toLowerCase(Locale.ROOT));
  }

  @Override
  public Optional<Duration> lockedFor(String loginName, String clientAddress) {
    return throttle.lockedFor(
        List.of(staffKey(loginName), LoginThrottle.addressKey(clientAddress)));
  }

  @Override
  public Optional<Duration> failed(String loginName, String clientAddress) {
    return throttle.recordFailure(staffKey(loginName), LoginThrottle.addressKey(clientAddress));
  }

  @Override
  public void succeeded(String loginName) {
    throttle.clear(staffKey(loginName));
  }
}
