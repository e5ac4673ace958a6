package de.amtsweg.applications;

import de.amtsweg.platform.ProblemException;
import de.amtsweg.platform.SafeText;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Drafts: created when someone starts an Antrag, saved at every step, resumable. */
@Service
public class Drafts {

  private final JdbcClient jdbc;
  private final JsonMapper json;
  private final ApplicationsProperties properties;

  Drafts(JdbcClient jdbc, JsonMapper json, ApplicationsProperties properties) {
    this.jdbc = jdbc;
    this.json = json;
    this.properties = properties;
  }

  /** Where an Antrag goes: the app version and the responsible authority. */
  public record Target(
      String appId,
      int appVersion,
      String tenantArs,
      String authorityName,
      @Nullable String leikaKey) {}

  @Transactional
  public Draft create(Target target, @Nullable UUID accountId) {
    UUID id = UUID.randomUUID();
    jdbc.sql(
            """
            insert into antrag_draft (id, app_id, app_version, tenant_ars, authority_name, leika_key, account_id)
            values (?, ?, ?, ?, ?, ?, ?)
            """)
        .params(
            id,
            target.appId(),
            target.appVersion(),
            target.tenantArs(),
            target.authorityName(),
            target.leikaKey(),
            accountId)
        .update();
    return get(id);
  }

  public Optional<Draft> find(UUID id) {
    return jdbc.sql("select * from antrag_draft where id = ?")
        .param(id)
        .query(this::map)
        .optional();
  }

  public Draft get(UUID id) {
    return find(id).orElseThrow(DraftNotFoundException::new);
  }

  /** The account's open drafts, newest first. */
  public List<Draft> ofAccount(UUID accountId) {
    return jdbc.sql(
            "select * from antrag_draft where account_id = ? and submitted_reference is null order by updated_at desc")
        .param(accountId)
        .query(this::map)
        .list();
  }

  @Transactional
  public void saveAnswers(UUID id, Map<String, Object> answers) {
    jdbc.sql(
            "update antrag_draft set answers = ?::jsonb, updated_at = now(), reminder_sent_at = null where id = ? and submitted_reference is null")
        .params(json.writeValueAsString(storable(answers)), id)
        .update();
  }

  /**
   * The answers without characters PostgreSQL cannot store (NUL) or nobody types: a draft keeps
   * everything else, and the step page shows the field's error from the engine.
   */
  @SuppressWarnings("unchecked")
  static <T> T storable(T value) {
    if (value instanceof String text) {
      return (T) SafeText.strip(text, true);
    }
    if (value instanceof Map<?, ?> map) {
      Map<Object, Object> copy = new java.util.LinkedHashMap<>();
      map.forEach((k, v) -> copy.put(k, v == null ? null : storable(v)));
      return (T) copy;
    }
    if (value instanceof List<?> list) {
      return (T) list.stream().map(v -> v == null ? null : storable(v)).toList();
    }
    return value;
  }

  @Transactional
  public void saveDeclarations(UUID id, List<String> declarations) {
    jdbc.sql(
            "update antrag_draft set declarations = ?, updated_at = now() where id = ? and submitted_reference is null")
        .params(declarations.toArray(String[]::new), id)
        .update();
  }

  @Transactional
  public void prefillDecided(UUID id, Map<String, Object> answers) {
    jdbc.sql(
            "update antrag_draft set answers = ?::jsonb, prefill_decided = true, updated_at = now() where id = ?")
        .params(json.writeValueAsString(storable(answers)), id)
        .update();
  }

  /** Moves the newest draft to a later app version; the answers stay, the engine re-checks them. */
  @Transactional
  public void migrate(UUID id, int appVersion) {
    jdbc.sql("update antrag_draft set app_version = ?, updated_at = now() where id = ?")
        .params(appVersion, id)
        .update();
  }

  /** An anonymous draft gets an owner when its applicant logs in. */
  @Transactional
  public void claim(UUID id, UUID accountId) {
    jdbc.sql("update antrag_draft set account_id = ? where id = ? and account_id is null")
        .params(accountId, id)
        .update();
  }

  @Transactional
  public void delete(UUID id) {
    jdbc.sql("delete from antrag_draft where id = ?").param(id).update();
  }

  /**
   * Notes the address an anonymous applicant asked a resume link for, without sending one: the save
   * page offers it again. For a request that came after the session ran out (ADR 0026).
   */
  @Transactional
  public void keepResumeEmail(UUID id, String email) {
    jdbc.sql(
            """
            update antrag_draft set resume_email = ?, updated_at = now()
            where id = ? and account_id is null and submitted_reference is null
            """)
        .params(email, id)
        .update();
  }

  /**
   * Issues a link token for an anonymous applicant to resume later; only its hash is stored. A new
   * token replaces the old one.
   */
  @Transactional
  public String issueResumeToken(UUID id, String email) {
    String token = Tokens.random();
    jdbc.sql(
            """
            update antrag_draft set resume_email = ?, resume_token_hash = ?, resume_token_expires = ?, updated_at = now()
            where id = ?
            """)
        .params(
            email,
            Tokens.hash(token),
            OffsetDateTime.now().plus(properties.resumeLinkValidity()),
            id)
        .update();
    return token;
  }

  /** The draft a resume link leads to, if the link is valid and has not expired. */
  public Optional<Draft> byResumeToken(String token) {
    return jdbc.sql(
            """
            select * from antrag_draft where resume_token_hash = ? and resume_token_expires > now()
              and submitted_reference is null
            """)
        .param(Tokens.hash(token))
        .query(this::map)
        .optional();
  }

  private Draft map(ResultSet rs, int row) throws SQLException {
    Map<String, Object> answers =
        json.readValue(
            rs.getString("answers"), new TypeReference<LinkedHashMap<String, Object>>() {});
    return new Draft(
        rs.getObject("id", UUID.class),
        rs.getString("app_id"),
        rs.getInt("app_version"),
        rs.getString("tenant_ars"),
        rs.getString("authority_name"),
        rs.getString("leika_key"),
        rs.getObject("account_id", UUID.class),
        answers,
        Arrays.asList((String[]) rs.getArray("declarations").getArray()),
        rs.getBoolean("prefill_decided"),
        rs.getString("resume_email"),
        rs.getString("submitted_reference"),
        rs.getObject("created_at", OffsetDateTime.class),
        rs.getObject("updated_at", OffsetDateTime.class));
  }

  /** A draft that does not exist, is not the caller's, or was deleted after its retention. */
  public static class DraftNotFoundException extends ProblemException {
    public DraftNotFoundException() {
      super(HttpStatus.NOT_FOUND, "draft-not-found");
    }
  }
}
