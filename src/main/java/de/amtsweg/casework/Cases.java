package de.amtsweg.casework;

import de.amtsweg.appstore.AppStore;
import de.amtsweg.delivery.Deliveries;
import de.amtsweg.delivery.Delivery;
import de.amtsweg.delivery.Document;
import de.amtsweg.delivery.DocumentType;
import de.amtsweg.forms.AppDefinition;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Finds a case of the caseworker's tenant (another tenant's is "not found" and leaves no audit
 * entry), its delivery and the Antrag behind it, read through delivery like any receiver reads it.
 */
@Component
class Cases {

  private final JdbcClient jdbc;
  private final Deliveries deliveries;
  private final AppStore store;

  Cases(JdbcClient jdbc, Deliveries deliveries, AppStore store) {
    this.jdbc = jdbc;
    this.deliveries = deliveries;
    this.store = store;
  }

  Vorgang find(Caseworker who, String reference) {
    return find(who, reference, false);
  }

  /** The case, locked for a change in the caller's transaction. */
  Vorgang lock(Caseworker who, String reference) {
    return find(who, reference, true);
  }

  private Vorgang find(Caseworker who, String reference, boolean lock) {
    return jdbc.sql(
            "select * from casework_case where reference = ? and tenant_ars = ?"
                + (lock ? " for update" : ""))
        .params(reference, who.tenantArs())
        .query(Cases::map)
        .optional()
        .orElseThrow(CaseworkException.NotFound::new);
  }

  /** The delivery that brought the case into the inbox. */
  Delivery delivery(Vorgang vorgang) {
    return deliveries
        .ofDocument(DocumentType.ANTRAG, vorgang.antragId())
        .filter(d -> d.tenantArs().equals(vorgang.tenantArs()))
        .orElseThrow(CaseworkException.NotFound::new);
  }

  /** The Antrag of the case as it is now. */
  Document antrag(Vorgang vorgang) {
    return deliveries.document(delivery(vorgang));
  }

  /** The app version the Antrag was filled in on. */
  AppDefinition definition(Document antrag) {
    return store.version(antrag.subject(), antrag.subjectVersion()).definition();
  }

  static Vorgang map(ResultSet rs, int row) throws SQLException {
    return new Vorgang(
        rs.getObject("antrag_id", UUID.class),
        rs.getString("reference"),
        rs.getString("tenant_ars"),
        rs.getString("app_id"),
        VorgangStatus.valueOf(rs.getString("status")),
        rs.getObject("submitted_at", OffsetDateTime.class),
        rs.getString("assignee"),
        rs.getBoolean("fell_back"),
        rs.getObject("opened_at", OffsetDateTime.class),
        rs.getObject("closed_at", OffsetDateTime.class));
  }
}
