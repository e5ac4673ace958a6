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
   * @param maxFailuresPerAccount failed logins for one e-mail address within {@code window} that
   *     lock it
   * @param maxFailuresPerAddress failed logins from one client address within {@code window} that
   *     lock it
   * @param window how far back failures count
   * @param lockout how long a lock lasts
   */
  public record Login(
      @DefaultValue("5") int maxFailuresPerAccount,
      @DefaultValue("20") int maxFailuresPerAddress,
      @DefaultValue("15m") Duration window,
      @DefaultValue("15m") Duration lockout) {}

  /**
   * @param confirmation lifetime of a link that confirms an e-mail address
   * @param passwordReset lifetime of a password reset link
   */
  public record Links(
      @DefaultValue("24h") Duration confirmation, @DefaultValue("1h") Duration passwordReset) {}
}
