package de.amtsweg.applications;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code antrag} table and its timeline, for the classes of this package. An Antrag's status
 * changes only through {@link AntragStatusGate}.
 */
@Repository
class Antraege {

  private static final TypeReference<LinkedHashMap<String, Object>> ANSWERS =
      new TypeReference<>() {};

  private final JdbcClient jdbc;
  private final JsonMapper json;

  Antraege(JdbcClient jdbc, JsonMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  Optional<Antrag> find(UUID id) {
    return jdbc.sql("select * from antrag where id = ?").param(id).query(this::map).optional();
  }

  /** The Antrag, locked until the end of the transaction. */
  Optional<Antrag> lock(UUID id) {
    return jdbc.sql("select * from antrag where id = ? for update")
        .param(id)
        .query(this::map)
        .optional();
  }

  Optional<Antrag> byReference(String reference) {
    return jdbc.sql("select * from antrag where reference = ?")
        .param(reference)
        .query(this::map)
        .optional();
  }

  Optional<Antrag> byReference(String reference, String tenantArs) {
    return jdbc.sql("select * from antrag where reference = ? and tenant_ars = ?")
        .params(reference, tenantArs)
        .query(this::map)
        .optional();
  }

  Optional<Antrag> byReceiptToken(String reference, String token) {
    return jdbc.sql("select * from antrag where reference = ? and receipt_token_hash = ?")
        .params(reference, Tokens.hash(token))
        .query(this::map)
        .optional();
  }

  /** The Antrag with this reference and status code; empty for a wrong one of either. */
  Optional<Antrag> byStatusCode(String reference, String code) {
    return jdbc.sql("select * from antrag where reference = ? and status_code_hash = ?")
        .params(reference, StatusCodes.hash(code))
        .query(this::map)
        .optional();
  }

  void setStatusCode(UUID antragId, String code) {
    jdbc.sql("update antrag set status_code_hash = ? where id = ?")
        .params(StatusCodes.hash(code), antragId)
        .update();
  }

  Optional<Antrag> bySubmissionKey(String key) {
    return jdbc.sql("select * from antrag where submission_key = ?")
        .param(key)
        .query(this::map)
        .optional();
  }

  List<Antrag> ofAccount(UUID accountId) {
    return jdbc.sql("select * from antrag where account_id = ? order by submitted_at desc")
        .param(accountId)
        .query(this::map)
        .list();
  }

  /** The declarations the applicant confirmed. */
  List<String> declarations(UUID antragId) {
    return jdbc.sql("select unnest(declarations) from antrag where id = ?")
        .param(antragId)
        .query(String.class)
        .list();
  }

  /** The language the applicant submitted in (for what is written to them later). */
  Locale locale(UUID antragId) {
    return Locale.forLanguageTag(
        jdbc.sql("select locale from antrag where id = ?")
            .param(antragId)
            .query(String.class)
            .single());
  }

  /** Deletes the Antrag with its files, timeline and status history (on delete cascade). */
  boolean delete(UUID antragId, String tenantArs) {
    return jdbc.sql("delete from antrag where id = ? and tenant_ars = ?")
            .params(antragId, tenantArs)
            .update()
        == 1;
  }

  void addEvent(UUID antragId, String type, @Nullable String note) {
    jdbc.sql("insert into antrag_event (antrag_id, type, note) values (?, ?, ?)")
        .params(antragId, type, note)
        .update();
  }

  List<AntragManagement.Event> timeline(UUID antragId) {
    return jdbc.sql("select at, type, note from antrag_event where antrag_id = ? order by at, id")
        .param(antragId)
        .query(
            (rs, row) ->
                new AntragManagement.Event(
                    rs.getObject("at", OffsetDateTime.class),
                    rs.getString("type"),
                    rs.getString("note")))
        .list();
  }

  private Antrag map(ResultSet rs, int row) throws SQLException {
    return new Antrag(
        rs.getObject("id", UUID.class),
        rs.getString("reference"),
        rs.getString("app_id"),
        rs.getInt("app_version"),
        rs.getString("tenant_ars"),
        rs.getString("authority_name"),
        rs.getString("leika_key"),
        rs.getObject("account_id", UUID.class),
        rs.getString("contact_email"),
        rs.getString("applicant_name"),
        json.readValue(rs.getString("answers"), ANSWERS),
        rs.getString("answers_xml"),
        json.readValue(rs.getString("computed"), ANSWERS),
        rs.getBigDecimal("fee"),
        AntragStatus.valueOf(rs.getString("status")),
        rs.getObject("submitted_at", OffsetDateTime.class),
        rs.getString("payment_policy"),
        rs.getObject("amount_due_cents", Long.class),
        rs.getString("fee_exemption"));
  }
}
