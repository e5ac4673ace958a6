package de.amtsweg.tenancy;

import de.amtsweg.platform.Mailer;
import de.amtsweg.platform.OutgoingMail;
import de.amtsweg.platform.PlatformProperties;
import de.amtsweg.tenancy.AccessibilityStatement.Conformity;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each tenant's Erklärung zur Barrierefreiheit and its feedback mechanism (BITV 2.0 § 7,
 * ThürBarrWebG): the statement its admins keep, and the reports of barriers people send, which are
 * stored for the tenant and mailed to its accessibility contact.
 */
@Service
public class AccessibilityStatements {

  /** The day of the platform's own self-assessment, shown until a tenant makes its own. */
  public static final LocalDate PLATFORM_ASSESSMENT = LocalDate.of(2026, 12, 7);

  /** Longest text of known barriers and of a report. */
  public static final int MAX_TEXT = 10_000;

  private final JdbcClient jdbc;
  private final Mailer mailer;
  private final MessageSource messages;
  private final String publicUrl;

  AccessibilityStatements(
      JdbcClient jdbc, Mailer mailer, MessageSource messages, PlatformProperties platform) {
    this.jdbc = jdbc;
    this.mailer = mailer;
    this.messages = messages;
    this.publicUrl = platform.publicUrl().toString().replaceAll("/+$", "");
  }

  /** The tenant's statement, or the platform's self-assessment while it has none of its own. */
  public AccessibilityStatement of(Tenant tenant) {
    return jdbc.sql(
            """
            select conformity, prepared_on, reviewed_on, known_barriers, version
            from accessibility_statement where tenant_id = ?
            """)
        .param(tenant.id())
        .query(
            (rs, row) ->
                new AccessibilityStatement(
                    Conformity.valueOf(rs.getString("conformity")),
                    rs.getObject("prepared_on", LocalDate.class),
                    rs.getObject("reviewed_on", LocalDate.class),
                    barriers(rs.getString("known_barriers")),
                    true,
                    rs.getInt("version")))
        .optional()
        .orElseGet(AccessibilityStatements::platformAssessment);
  }

  /**
   * The platform's own statement: partly conformant, as assessed on {@link #PLATFORM_ASSESSMENT}.
   */
  public static AccessibilityStatement platformAssessment() {
    return new AccessibilityStatement(
        Conformity.PARTIAL, PLATFORM_ASSESSMENT, PLATFORM_ASSESSMENT, List.of(), false, -1);
  }

  /**
   * Saves the tenant's own statement.
   *
   * @param knownBarriers one barrier per paragraph (separated by a blank line)
   * @param expectedVersion the version the admin edited ({@code -1} for the first save)
   * @throws IllegalArgumentException on dates in the future, a review before the statement, or a
   *     text longer than {@link #MAX_TEXT}
   * @throws TenantException {@link TenantException#EDITED_CONCURRENTLY} when someone saved since
   */
  @Transactional
  public AccessibilityStatement save(
      Tenant tenant,
      Conformity conformity,
      LocalDate preparedOn,
      LocalDate reviewedOn,
      String knownBarriers,
      String editor,
      int expectedVersion,
      LocalDate today) {
    if (preparedOn.isAfter(today) || reviewedOn.isAfter(today)) {
      throw new IllegalArgumentException("dates of the statement lie in the future");
    }
    if (reviewedOn.isBefore(preparedOn)) {
      throw new IllegalArgumentException("the review lies before the statement");
    }
    String text = String.join("\n\n", barriers(knownBarriers));
    if (text.length() > MAX_TEXT) {
      throw new IllegalArgumentException("known barriers too long");
    }
    int changed;
    if (expectedVersion < 0) {
      changed =
          jdbc.sql(
                  """
                  insert into accessibility_statement
                    (tenant_id, conformity, prepared_on, reviewed_on, known_barriers, updated_by)
                  values (?, ?, ?, ?, ?, ?) on conflict (tenant_id) do nothing
                  """)
              .params(tenant.id(), conformity.name(), preparedOn, reviewedOn, text, editor)
              .update();
    } else {
      changed =
          jdbc.sql(
                  """
                  update accessibility_statement
                  set conformity = ?, prepared_on = ?, reviewed_on = ?, known_barriers = ?,
                      updated_by = ?, updated_at = now(), version = version + 1
                  where tenant_id = ? and version = ?
                  """)
              .params(
                  conformity.name(),
                  preparedOn,
                  reviewedOn,
                  text,
                  editor,
                  tenant.id(),
                  expectedVersion)
              .update();
    }
    if (changed == 0) {
      throw new TenantException(
          HttpStatus.CONFLICT, TenantException.EDITED_CONCURRENTLY, tenant.slug());
    }
    return of(tenant);
  }

  /**
   * Keeps a report of a barrier for the tenant and mails it to the tenant's accessibility contact
   * (or, lacking one, its general e-mail address), in German, with a link to the reports.
   */
  @Transactional
  public AccessibilityFeedback report(
      Tenant tenant,
      @Nullable String page,
      String message,
      @Nullable String name,
      @Nullable String email) {
    UUID id = UUID.randomUUID();
    jdbc.sql(
            """
            insert into accessibility_feedback (id, tenant_id, page, message, name, email)
            values (?, ?, ?, ?, ?, ?)
            """)
        .params(
            id,
            tenant.id(),
            blankToNull(page),
            message.strip(),
            blankToNull(name),
            blankToNull(email))
        .update();
    String recipient = recipient(tenant);
    if (recipient != null) {
      Locale german = Locale.GERMAN;
      mailer.send(
          new OutgoingMail(
              recipient,
              messages.getMessage(
                  "a11y.feedback.mail.subject", new Object[] {tenant.displayName()}, german),
              messages.getMessage(
                  "a11y.feedback.mail.body",
                  new Object[] {
                    tenant.displayName(),
                    orDash(page),
                    message.strip(),
                    orDash(name),
                    orDash(email),
                    publicUrl + "/verwaltung/barrierefreiheit"
                  },
                  german)));
    }
    return jdbc.sql(
            "select id, received_at, page, message, name, email from accessibility_feedback"
                + " where id = ?")
        .param(id)
        .query(AccessibilityStatements::feedback)
        .single();
  }

  /** The tenant's reports, newest first. */
  public List<AccessibilityFeedback> reports(Tenant tenant, int limit) {
    return jdbc.sql(
            """
            select id, received_at, page, message, name, email from accessibility_feedback
            where tenant_id = ? order by received_at desc limit ?
            """)
        .params(tenant.id(), limit)
        .query(AccessibilityStatements::feedback)
        .list();
  }

  private static AccessibilityFeedback feedback(java.sql.ResultSet rs, int row)
      throws java.sql.SQLException {
    return new AccessibilityFeedback(
        rs.getObject("id", UUID.class),
        rs.getTimestamp("received_at").toInstant(),
        rs.getString("page"),
        rs.getString("message"),
        rs.getString("name"),
        rs.getString("email"));
  }

  private static @Nullable String recipient(Tenant tenant) {
    String contact = tenant.profile().accessibilityContact();
    if (contact != null && !contact.isBlank()) {
      return contact;
    }
    String general = tenant.profile().email();
    return general == null || general.isBlank() ? null : general;
  }

  /** Paragraphs of a text, blank lines between them, each trimmed, empty ones dropped. */
  static List<String> barriers(@Nullable String text) {
    if (text == null) {
      return List.of();
    }
    return Arrays.stream(text.replace("\r\n", "\n").split("\n\\s*\n"))
        .map(String::strip)
        .filter(paragraph -> !paragraph.isEmpty())
        .toList();
  }

  private static @Nullable String blankToNull(@Nullable String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  private static String orDash(@Nullable String value) {
    return value == null || value.isBlank() ? "–" : value.strip();
  }
}
