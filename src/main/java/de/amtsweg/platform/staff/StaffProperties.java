package de.amtsweg.platform.staff;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of staff accounts ({@code amtsweg.staff.*}).
 *
 * @param secondFactor the second factor of the staff login
 * @param invitationLifetime how long an invitation link works
 */
@ConfigurationProperties("amtsweg.staff")
public record StaffProperties(
    @DefaultValue SecondFactor secondFactor, @DefaultValue("7d") Duration invitationLifetime) {

  /**
   * @param required whether staff without a registered factor must register one before their login
   *     completes; the demo profile turns it off (its accounts are shared by everybody trying the
   *     demo, ADR 0023). Staff with a factor are always asked for it.
   */
  public record SecondFactor(@DefaultValue("true") boolean required) {}
}
