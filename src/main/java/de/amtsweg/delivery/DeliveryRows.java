package de.amtsweg.delivery;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.UUID;

/** Reads a {@code delivery} row. */
final class DeliveryRows {

  private DeliveryRows() {}

  static Delivery map(ResultSet rs, int row) throws SQLException {
    return new Delivery(
        rs.getObject("id", UUID.class),
        DocumentType.valueOf(rs.getString("document_type")),
        rs.getObject("document_id", UUID.class),
        rs.getString("reference"),
        rs.getString("tenant_ars"),
        rs.getString("subject"),
        DeliveryChannel.valueOf(rs.getString("channel")),
        DeliveryState.valueOf(rs.getString("state")),
        rs.getObject("idempotency_key", UUID.class),
        rs.getInt("attempts"),
        rs.getString("last_error"),
        rs.getObject("submitted_at", OffsetDateTime.class),
        rs.getObject("delivered_at", OffsetDateTime.class),
        rs.getObject("acknowledged_at", OffsetDateTime.class),
        rs.getObject("next_attempt_at", OffsetDateTime.class),
        rs.getObject("fell_back_at", OffsetDateTime.class),
        rs.getObject("updated_at", OffsetDateTime.class));
  }
}
