package de.amtsweg.tenancy.web;

import de.amtsweg.tenancy.AccessibilityStatement;
import de.amtsweg.tenancy.AccessibilityStatement.Conformity;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import org.jspecify.annotations.Nullable;

/** The tenant admin's form of the accessibility statement. Dates as people write them. */
public class StatementForm {

  private static final DateTimeFormatter GERMAN =
      DateTimeFormatter.ofPattern("d.M.uuuu").withResolverStyle(ResolverStyle.STRICT);
  private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("dd.MM.yyyy");

  @NotNull(message = "{a11y.admin.error.conformity}")
  private @Nullable Conformity conformity;

  @NotBlank(message = "{a11y.admin.error.date.required}")
  private @Nullable String preparedOn;

  @NotBlank(message = "{a11y.admin.error.date.required}")
  private @Nullable String reviewedOn;

  @Size(max = 10_000, message = "{a11y.admin.error.too-long}")
  private @Nullable String knownBarriers;

  private int version = -1;

  /** The form filled with the statement as it is. */
  static StatementForm of(AccessibilityStatement statement) {
    StatementForm form = new StatementForm();
    form.conformity = statement.conformity();
    form.preparedOn = statement.preparedOn().format(SHOWN);
    form.reviewedOn = statement.reviewedOn().format(SHOWN);
    form.knownBarriers = String.join("\n\n", statement.knownBarriers());
    form.version = statement.version();
    return form;
  }

  /** {@code 7.12.2026}, {@code 07.12.2026} or {@code 2026-12-07}; null if it is none of them. */
  static @Nullable LocalDate date(@Nullable String text) {
    if (text == null) {
      return null;
    }
    String value = text.strip();
    try {
      return value.contains("-") ? LocalDate.parse(value) : LocalDate.parse(value, GERMAN);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  public @Nullable Conformity getConformity() {
    return conformity;
  }

  public void setConformity(@Nullable Conformity conformity) {
    this.conformity = conformity;
  }

  public @Nullable String getPreparedOn() {
    return preparedOn;
  }

  public void setPreparedOn(@Nullable String preparedOn) {
    this.preparedOn = preparedOn;
  }

  public @Nullable String getReviewedOn() {
    return reviewedOn;
  }

  public void setReviewedOn(@Nullable String reviewedOn) {
    this.reviewedOn = reviewedOn;
  }

  public @Nullable String getKnownBarriers() {
    return knownBarriers;
  }

  public void setKnownBarriers(@Nullable String knownBarriers) {
    this.knownBarriers = knownBarriers;
  }

  public int getVersion() {
    return version;
  }

  public void setVersion(int version) {
    this.version = version;
  }
}
