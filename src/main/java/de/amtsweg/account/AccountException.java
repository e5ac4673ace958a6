package de.amtsweg.account;

import de.amtsweg.platform.ProblemException;
import org.springframework.http.HttpStatus;

/** Why an account operation was refused; {@link #type()} names the reason. */
public class AccountException extends ProblemException {

  /** The link is unknown, used or expired. */
  public static final String INVALID_LINK = "account-link-invalid";

  /** The current password given to confirm a change is wrong. */
  public static final String WRONG_PASSWORD = "account-wrong-password";

  /** Another account uses this e-mail address. */
  public static final String EMAIL_TAKEN = "account-email-taken";

  /** The new password is too easy to guess. */
  public static final String WEAK_PASSWORD = "account-password-weak";

  /** The code from the authenticator app (or the recovery code) is wrong. */
  public static final String WRONG_CODE = "account-code-wrong";

  /** The second factor is already on. */
  public static final String SECOND_FACTOR_ACTIVE = "account-second-factor-active";

  /** The external identity is linked to another account. */
  public static final String IDENTITY_TAKEN = "account-identity-taken";

  /** A new identity's e-mail address belongs to an account: log in with the password and link. */
  public static final String IDENTITY_EMAIL_EXISTS = "account-identity-email-exists";

  /** The identity provider gave no verified e-mail address for a new account. */
  public static final String IDENTITY_WITHOUT_EMAIL = "account-identity-without-email";

  /** Too many wrong passwords: the account is locked for a while. */
  public static final String LOCKED = "account-locked";

  AccountException(HttpStatus status, String type, Object... arguments) {
    super(status, type, arguments);
  }
}
