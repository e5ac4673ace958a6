package de.amtsweg.casework;

import de.amtsweg.delivery.Channel;
import de.amtsweg.delivery.DeliveryChannel;
import de.amtsweg.delivery.Document;
import de.amtsweg.delivery.DocumentType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The case inbox as a delivery channel: an Antrag routed here (or falling back here) becomes a case
 * in the transaction that hands it over, so the case and the delivery are committed together.
 */
@Component
class CaseInboxChannel implements Channel {

  private static final Logger log = LoggerFactory.getLogger(CaseInboxChannel.class);

  private final JdbcClient jdbc;

  CaseInboxChannel(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public DeliveryChannel id() {
    return DeliveryChannel.CASE_INBOX;
  }

  @Override
  public Mode mode() {
    return Mode.INBOX;
  }

  @Override
  public boolean accepts(DocumentType type) {
    return type == DocumentType.ANTRAG;
  }

  @Override
  public void receive(Parcel parcel) {
    Document document = parcel.document();
    jdbc.sql(
            """
            insert into casework_case (antrag_id, reference, tenant_ars, app_id, status, submitted_at, fell_back)
            values (?, ?, ?, ?, ?, ?, ?) on conflict (antrag_id) do nothing
            """)
        .params(
            document.id(),
            document.reference(),
            document.tenantArs(),
            document.subject(),
            VorgangStatus.EINGEGANGEN.name(),
            document.submittedAt(),
            parcel.fellBack())
        .update();
    log.info("Case {} opened in the inbox of {}", document.reference(), document.tenantArs());
  }
}
