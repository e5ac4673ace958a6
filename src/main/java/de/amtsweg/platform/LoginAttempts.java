package de.amtsweg.platform;

import java.time.Duration;
import java.util.Optional;

/**
 * Counts failed logins so that guessing passwords does not pay: the staff login asks it before
 * checking a password and tells it the outcome. Implemented by the module that keeps the counts
 * ({@code account}), shared by all nodes.
 */
public interface LoginAttempts {

  /** How long this login name or this client address is still locked, if it is. */
  Optional<Duration> lockedFor(String loginName, String clientAddress);

  /** Counts a failure; returns the lock it caused, if it caused one. */
  Optional<Duration> failed(String loginName, String clientAddress);

  /** A successful login clears the count of the login name. */
  void succeeded(String loginName);
}
