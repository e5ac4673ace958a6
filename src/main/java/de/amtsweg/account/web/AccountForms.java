package de.amtsweg.account.web;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** The small forms of the account pages. Passwords are never rendered back into a page. */
final class AccountForms {

  private AccountForms() {}

  /** E-mail address and password. */
  public static class Login {
    private @Nullable String email;
    private @Nullable String password;

    public @Nullable String getEmail() {
      return email;
    }

    public void setEmail(@Nullable String email) {
      this.email = email;
    }

    public @Nullable String getPassword() {
      return password;
    }

    public void setPassword(@Nullable String password) {
      this.password = password;
    }
  }

  /** A new account: address and password twice. */
  public static class Registration {
    @NotBlank(message = "{account.error.email.required}")
    @Email(message = "{account.error.email.format}")
    @Size(max = 254, message = "{account.error.email.too-long}")
    private @Nullable String email;

    @NotBlank(message = "{account.error.password.required}")
    private @Nullable String password;

    private @Nullable String passwordRepeat;

    public @Nullable String getEmail() {
      return email;
    }

    public void setEmail(@Nullable String email) {
      this.email = email;
    }

    public @Nullable String getPassword() {
      return password;
    }

    public void setPassword(@Nullable String password) {
      this.password = password;
    }

    public @Nullable String getPasswordRepeat() {
      return passwordRepeat;
    }

    public void setPasswordRepeat(@Nullable String passwordRepeat) {
      this.passwordRepeat = passwordRepeat;
    }
  }

  /** Only an e-mail address: resend a confirmation link, forgotten password. */
  public static class EmailOnly {
    @NotBlank(message = "{account.error.email.required}")
    @Email(message = "{account.error.email.format}")
    @Size(max = 254, message = "{account.error.email.too-long}")
    private @Nullable String email;

    public @Nullable String getEmail() {
      return email;
    }

    public void setEmail(@Nullable String email) {
      this.email = email;
    }
  }

  /** A new password through a reset link. */
  public static class NewPassword {
    private @Nullable String token;

    @NotBlank(message = "{account.error.password.required}")
    private @Nullable String password;

    private @Nullable String passwordRepeat;

    public @Nullable String getToken() {
      return token;
    }

    public void setToken(@Nullable String token) {
      this.token = token;
    }

    public @Nullable String getPassword() {
      return password;
    }

    public void setPassword(@Nullable String password) {
      this.password = password;
    }

    public @Nullable String getPasswordRepeat() {
      return passwordRepeat;
    }

    public void setPasswordRepeat(@Nullable String passwordRepeat) {
      this.passwordRepeat = passwordRepeat;
    }
  }

  /** Change the password while logged in. */
  public static class ChangePassword {
    @NotBlank(message = "{account.error.current-password.required}")
    private @Nullable String currentPassword;

    @NotBlank(message = "{account.error.password.required}")
    private @Nullable String newPassword;

    private @Nullable String newPasswordRepeat;

    public @Nullable String getCurrentPassword() {
      return currentPassword;
    }

    public void setCurrentPassword(@Nullable String currentPassword) {
      this.currentPassword = currentPassword;
    }

    public @Nullable String getNewPassword() {
      return newPassword;
    }

    public void setNewPassword(@Nullable String newPassword) {
      this.newPassword = newPassword;
    }

    public @Nullable String getNewPasswordRepeat() {
      return newPasswordRepeat;
    }

    public void setNewPasswordRepeat(@Nullable String newPasswordRepeat) {
      this.newPasswordRepeat = newPasswordRepeat;
    }
  }

  /** Change the e-mail address while logged in. */
  public static class ChangeEmail {
    @NotBlank(message = "{account.error.email.required}")
    @Email(message = "{account.error.email.format}")
    @Size(max = 254, message = "{account.error.email.too-long}")
    private @Nullable String newEmail;

    @NotBlank(message = "{account.error.current-password.required}")
    private @Nullable String emailPassword;

    public @Nullable String getNewEmail() {
      return newEmail;
    }

    public void setNewEmail(@Nullable String newEmail) {
      this.newEmail = newEmail;
    }

    public @Nullable String getEmailPassword() {
      return emailPassword;
    }

    public void setEmailPassword(@Nullable String emailPassword) {
      this.emailPassword = emailPassword;
    }
  }
}
