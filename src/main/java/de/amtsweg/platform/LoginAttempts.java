package de.amtsweg.platform;

import java.time.Duration;
import java.util.Optional;

/**
 * Counts failed logins at the doors platform runs, so that guessing passwords or client secrets
 * does not pay and nobody can lock an owner out: the door asks it before checking a secret and
 * tells it the outcome. A lock holds one login name at one client address; a name that fails from
 * many addresses slows down only addresses it never logged in from, and its owner is told.
 * Implemented by the module that keeps the counts ({@code account}), shared by all nodes.
 */
public interface LoginAttempts {

  /** Where someone authenticates. Each door has its own names; address counts are per door. */
  enum Door {
    /** The staff login form {@code /anmelden} (address counts shared with the citizen login). */
    STAFF,
    /** Client authentication of API clients at the OAuth 2.0 token endpoint. */
    API_CLIENT
  }

  /**
   * How long this name must still wait at this client address, if it must; the secret is then not
   * checked.
   */
  Optional<Duration> refusedFor(Door door, String loginName, String clientAddress);

  /** Counts a failure; returns how long this name must now wait at this address, if it must. */
  Optional<Duration> failed(Door door, String loginName, String clientAddress);

  /**
   * A successful login: lifts the lock of this name at this address, and remembers the address as
   * one the name logs in from.
   */
  void succeeded(Door door, String loginName, String clientAddress);
}
