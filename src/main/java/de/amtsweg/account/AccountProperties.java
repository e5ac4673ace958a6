package de.amtsweg.account;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the Servicekonto ({@code amtsweg.account.*}). The older setting {@code
 * amtsweg.account.secret-key} is read by {@code platform.SecretBox}: it is the key {@code account}
 * of its key ring.
 *
 * @param login throttling of failed logins
 * @param links lifetimes of the links sent by e-mail
 */
@ConfigurationProperties("amtsweg.account")
public record AccountProperties(@DefaultValue Login login, @DefaultValue Links links) {

  /**
   * Throttling of failed logins (Servicekonto, staff, and API clients at the token endpoint).
   *
   * @param maxFailuresPerAccountAndAddress failed logins for one account from one client address
   *     within {@code window} that lock this account from this address (only)
   * @param maxFailuresPerAddress failed logins from one client address within {@code window}, for
   *     any accounts, that lock the address
   * @param slowDownAfter failed logins for one account from all addresses, without a pause of
   *     {@code window}, after which the account counts as under attack: its owner is told once, and
   *     addresses it never logged in from wait between attempts (1 second, doubled after each
   *     further failure, at most {@code maxDelay})
   * @param maxDelay the longest wait of an address the account is unknown at
   * @param window how far back failures count
   * @param lockout how long a lock lasts
   * @param knownAddressRetention how long an address the account logged in from counts as known
   */
  public record Login(
      @DefaultValue("5") int maxFailuresPerAccountAndAddress,
      @DefaultValue("20") int maxFailuresPerAddress,
      @DefaultValue("10") int slowDownAfter,
      @DefaultValue("5m") Duration maxDelay,
      @DefaultValue("15m") Duration window,
      @DefaultValue("15m") Duration lockout,
      @DefaultValue("90d") Duration knownAddressRetention) {}

  /**
   * @param confirmation lifetime of a link that confirms an e-mail address
   * @param passwordReset lifetime of a password reset link
   */
  public record Links(
      @DefaultValue("24h") Duration confirmation, @DefaultValue("1h") Duration passwordReset) {}
}
