package de.amtsweg.platform;

import java.util.Optional;

/**
 * Which passwords people may choose. Implemented by the module that owns the policy ({@code
 * account.PasswordPolicy}), so that staff passwords (set when accepting an invitation) are checked
 * by the same rules as citizens' without {@code platform} depending on {@code account}.
 */
public interface PasswordRules {

  /**
   * @param password the chosen password
   * @param email the person's e-mail address, whose parts must not make up the password
   * @return the message key of the reason the password is refused, or empty if it is accepted
   */
  Optional<String> problem(String password, String email);
}
