package de.amtsweg.applications;

import de.amtsweg.account.AccountManagement;
import de.amtsweg.appstore.AppStore;
import de.amtsweg.platform.Mailer;
import de.amtsweg.platform.OutgoingMail;
import de.amtsweg.platform.PlatformProperties;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Unsubmitted drafts are personal data nobody needs forever: after {@code
 * amtsweg.applications.draft-retention} without a change they are deleted, and their owner is
 * reminded by e-mail {@code reminder-before} that time. Runs on one node at a time (a platform
 * job); a reminder is claimed by an atomic update, so a run repeated after a node died mails nobody
 * twice, and deleting twice deletes nothing.
 */
@Component
class DraftCleanup {

  private static final Logger log = LoggerFactory.getLogger(DraftCleanup.class);
  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");

  private final JdbcClient jdbc;
  private final ApplicationsProperties properties;
  private final AccountManagement accounts;
  private final Drafts drafts;
  private final AppStore store;
  private final Mailer mailer;
  private final MessageSource messages;
  private final String publicUrl;
  private final ZoneId zone;

  DraftCleanup(
      JdbcClient jdbc,
      ApplicationsProperties properties,
      AccountManagement accounts,
      Drafts drafts,
      AppStore store,
      Mailer mailer,
      MessageSource messages,
      PlatformProperties platform) {
    this.jdbc = jdbc;
    this.properties = properties;
    this.accounts = accounts;
    this.drafts = drafts;
    this.store = store;
    this.mailer = mailer;
    this.messages = messages;
    this.publicUrl = platform.publicUrl().toString();
    this.zone = platform.timeZone();
  }

  /** The job's run ({@link ApplicationsJobs}). */
  void run() {
    remind();
    delete();
  }

  /** Reminds the owners of drafts that will be deleted soon; returns how many. */
  int remind() {
    OffsetDateTime remindBefore =
        OffsetDateTime.now().minus(properties.draftRetention()).plus(properties.reminderBefore());
    int sent = 0;
    while (true) {
      Claimed claimed = claimOne(remindBefore);
      if (claimed == null) {
        return sent;
      }
      String to =
          claimed.accountId() != null
              ? accounts.find(claimed.accountId()).map(a -> a.email()).orElse(null)
              : claimed.resumeEmail();
      if (to == null) {
        continue;
      }
      Locale locale = Locale.GERMAN;
      String link =
          claimed.accountId() != null
              ? UriComponentsBuilder.fromUriString(publicUrl).path("/konto/antraege").toUriString()
              : UriComponentsBuilder.fromUriString(publicUrl)
                  .path("/antrag/fortsetzen")
                  .queryParam("token", drafts.issueResumeToken(claimed.id(), to))
                  .toUriString();
      String deletion =
          claimed
              .updatedAt()
              .plus(properties.draftRetention())
              .atZoneSameInstant(zone)
              .format(DATE);
      String appName =
          store
              .latest(claimed.appId())
              .map(a -> a.definition().name().in(locale))
              .orElse(claimed.appId());
      mailer.send(
          new OutgoingMail(
              to,
              messages.getMessage("applications.reminder.subject", null, locale),
              messages.getMessage(
                  "applications.reminder.body", new Object[] {appName, deletion, link}, locale)));
      sent++;
    }
  }

  private record Claimed(
      UUID id,
      String appId,
      @Nullable UUID accountId,
      @Nullable String resumeEmail,
      OffsetDateTime updatedAt) {}

  /** One statement: the claim is atomic without a surrounding transaction. */
  private @Nullable Claimed claimOne(OffsetDateTime remindBefore) {
    return jdbc.sql(
            """
            update antrag_draft set reminder_sent_at = now()
            where id = (select id from antrag_draft
                        where submitted_reference is null and reminder_sent_at is null and updated_at < ?
                          and (account_id is not null or resume_email is not null)
                        order by updated_at limit 1 for update skip locked)
            returning id, app_id, account_id, resume_email, updated_at
            """)
        .param(remindBefore)
        .query(
            (rs, row) ->
                new Claimed(
                    rs.getObject("id", UUID.class),
                    rs.getString("app_id"),
                    rs.getObject("account_id", UUID.class),
                    rs.getString("resume_email"),
                    rs.getObject("updated_at", OffsetDateTime.class)))
        .optional()
        .orElse(null);
  }

  /** Deletes drafts past their retention (with their files); returns how many. */
  int delete() {
    int deleted =
        jdbc.sql("delete from antrag_draft where updated_at < ?")
            .param(OffsetDateTime.now().minus(properties.draftRetention()))
            .update();
    if (deleted > 0) {
      log.info(
          "Deleted {} drafts past their retention of {}", deleted, properties.draftRetention());
    }
    return deleted;
  }
}
