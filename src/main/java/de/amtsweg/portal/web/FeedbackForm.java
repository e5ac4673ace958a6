package de.amtsweg.portal.web;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** A report of a barrier: what, where, and optionally who and where to answer. */
public class FeedbackForm {

  @NotBlank(message = "{a11y.feedback.error.message.required}")
  @Size(max = 10_000, message = "{a11y.feedback.error.too-long}")
  private @Nullable String message;

  @Size(max = 500, message = "{a11y.feedback.error.too-long}")
  private @Nullable String page;

  @Size(max = 200, message = "{a11y.feedback.error.too-long}")
  private @Nullable String name;

  @Email(regexp = "^[^@\\s]+@[^@\\s]+\\.[^@\\s]{2,}$", message = "{a11y.feedback.error.email}")
  @Size(max = 254, message = "{a11y.feedback.error.too-long}")
  private @Nullable String email;

  public @Nullable String getMessage() {
    return message;
  }

  public void setMessage(@Nullable String message) {
    this.message = message;
  }

  public @Nullable String getPage() {
    return page;
  }

  public void setPage(@Nullable String page) {
    this.page = page;
  }

  public @Nullable String getName() {
    return name;
  }

  public void setName(@Nullable String name) {
    this.name = name;
  }

  public @Nullable String getEmail() {
    return email;
  }

  public void setEmail(@Nullable String email) {
    this.email = email;
  }
}
