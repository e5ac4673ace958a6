package de.amtsweg.casework;

import de.amtsweg.delivery.Document;
import de.amtsweg.forms.AppDefinition;
import de.amtsweg.platform.Times;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Bescheid templates per tenant and app, and the retention period per app. A template is plain text
 * with placeholders in double braces: {@code {{aktenzeichen}}}, {@code {{datum}}}, {@code
 * {{eingangsdatum}}}, {@code {{antragsteller}}}, {@code {{behoerde}}}, {@code {{antrag}}} and
 * {@code {{antwort.<field id>}}} for an answer of the app. Tenants that set none get the default,
 * which names the app. Authorities write to citizens in German.
 */
@Service
public class BescheidTemplates {

  static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([a-zA-Z0-9_.-]+)\\s*}}");
  static final List<String> FIXED =
      List.of("aktenzeichen", "datum", "eingangsdatum", "antragsteller", "behoerde", "antrag");
  static final String ANSWER = "antwort.";
  public static final int MAX_SUBJECT = 200;
  public static final int MAX_BODY = 20_000;
  private static final Locale GERMAN = Locale.GERMAN;
  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.uuuu");

  /** A template: the Postfach subject and the Bescheid's text. */
  public record Template(String subject, String body, boolean custom) {}

  /** What a tenant set for an app; null values mean the default. */
  public record Setting(String appId, Template template, @Nullable Integer retentionDays) {}

  private final Times times;
  private final JdbcClient jdbc;
  private final MessageSource messages;

  BescheidTemplates(JdbcClient jdbc, MessageSource messages, Times times) {
    this.jdbc = jdbc;
    this.messages = messages;
    this.times = times;
  }

  /** The tenant's template and retention for the app, or the defaults. */
  public Setting of(String tenantArs, String appId) {
    record Row(@Nullable String subject, @Nullable String body, @Nullable Integer days) {}
    Optional<Row> row =
        jdbc.sql(
                "select bescheid_subject, bescheid_body, retention_days from casework_app_setting"
                    + " where tenant_ars = ? and app_id = ?")
            .params(tenantArs, appId)
            .query((rs, n) -> new Row(rs.getString(1), rs.getString(2), (Integer) rs.getObject(3)))
            .optional();
    String subject = row.map(Row::subject).orElse(null);
    String body = row.map(Row::body).orElse(null);
    Template template =
        subject != null && body != null
            ? new Template(subject, body, true)
            : new Template(
                message("casework.template.default.subject"),
                message("casework.template.default.body"),
                false);
    return new Setting(appId, template, row.map(Row::days).orElse(null));
  }

  /** Saves the tenant's template and retention for the app (tenant admins only). */
  @Transactional
  public void save(
      Caseworker admin,
      String appId,
      String subject,
      String body,
      @Nullable Integer retentionDays) {
    if (!admin.admin()) {
      throw new CaseworkException.NotAllowed();
    }
    jdbc.sql(
            """
            insert into casework_app_setting (tenant_ars, app_id, bescheid_subject, bescheid_body, retention_days, updated_by)
            values (?, ?, ?, ?, ?, ?)
            on conflict (tenant_ars, app_id) do update set bescheid_subject = excluded.bescheid_subject,
              bescheid_body = excluded.bescheid_body, retention_days = excluded.retention_days,
              updated_by = excluded.updated_by, updated_at = now()
            """)
        .params(admin.tenantArs(), appId, subject, body, retentionDays, admin.username())
        .update();
  }

  /** The placeholders a template for this app may use. */
  public List<String> placeholders(AppDefinition app) {
    List<String> all = new ArrayList<>(FIXED);
    app.fields().stream().filter(f -> f.fields().isEmpty()).forEach(f -> all.add(ANSWER + f.id()));
    return all;
  }

  /** The placeholders in the text that this app does not know, in order of appearance. */
  public List<String> unknownPlaceholders(String text, AppDefinition app) {
    Set<String> known = Set.copyOf(placeholders(app));
    Set<String> unknown = new LinkedHashSet<>();
    Matcher matcher = PLACEHOLDER.matcher(text);
    while (matcher.find()) {
      if (!known.contains(matcher.group(1))) {
        unknown.add(matcher.group(1));
      }
    }
    return List.copyOf(unknown);
  }

  /** The text with the case's values in place of the placeholders. */
  String fill(String text, Document antrag, AppDefinition app, OffsetDateTime today) {
    Matcher matcher = PLACEHOLDER.matcher(text);
    StringBuilder out = new StringBuilder();
    while (matcher.find()) {
      matcher.appendReplacement(
          out, Matcher.quoteReplacement(value(matcher.group(1), antrag, app, today)));
    }
    matcher.appendTail(out);
    return out.toString();
  }

  private String value(String name, Document antrag, AppDefinition app, OffsetDateTime today) {
    return switch (name) {
      case "aktenzeichen" -> antrag.reference();
      case "datum" -> today.atZoneSameInstant(times.zone()).format(DATE);
      case "eingangsdatum" -> antrag.submittedAt().atZoneSameInstant(times.zone()).format(DATE);
      case "antragsteller" ->
          antrag.applicantName() != null
              ? antrag.applicantName()
              : message("casework.template.applicant.unknown");
      case "behoerde" -> antrag.authority();
      case "antrag" -> app.name().in(GERMAN);
      default ->
          name.startsWith(ANSWER)
              ? answer(antrag.data().get(name.substring(ANSWER.length())))
              : "{{" + name + "}}";
    };
  }

  private String answer(@Nullable Object value) {
    if (value == null) {
      return "";
    }
    if (value instanceof Boolean yes) {
      return message(yes ? "receipt.yes" : "receipt.no");
    }
    if (value instanceof BigDecimal number) {
      return number.toPlainString().replace('.', ',');
    }
    if (value instanceof Map<?, ?> address && address.containsKey("city")) {
      return (address.get("street")
              + " "
              + address.get("houseNumber")
              + ", "
              + address.get("postcode")
              + " "
              + address.get("city"))
          .strip();
    }
    String text = value.toString();
    try {
      return LocalDate.parse(text).format(DATE);
    } catch (DateTimeParseException notADate) {
      return text;
    }
  }

  private String message(String key) {
    return messages.getMessage(key, null, GERMAN);
  }
}
