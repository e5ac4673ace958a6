package de.amtsweg.account;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the Servicekonto ({@code amtsweg.account.*}).
 *
 * @param login throttling of failed logins
 * @param links lifetimes of the links sent by e-mail
 * @param secretKey the AES-256 key (Base64 of 32 bytes) that encrypts second-factor secrets in the
 *     database; required outside the demo profile, the same on every node
 */
@ConfigurationProperties("amtsweg.account")
public record AccountProperties(
    @DefaultValue Login login, @DefaultValue Links links, @Nullable String secretKey) {

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
