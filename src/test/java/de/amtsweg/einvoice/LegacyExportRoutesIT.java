package de.amtsweg.einvoice;

import static org.assertj.core.api.Assertions.assertThat;

import de.amtsweg.delivery.DeliveryChannel;
import de.amtsweg.delivery.DeliveryRoutes;
import de.amtsweg.delivery.DocumentType;
import de.amtsweg.platform.SecretBox;
import de.amtsweg.support.AmtswegIT;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Export routes saved before the delivery engine move into delivery's routes once: a webhook keeps
 * its address and its key (the finance system goes on verifying with it), a file drop its folder; a
 * route that cannot be moved stays where it was and is not lost.
 */
class LegacyExportRoutesIT extends AmtswegIT {

  static final String OHRDRUF = "160675050053";
  static final String THUERINGEN = "160000000000";

  @Autowired LegacyExportRoutes legacy;
  @Autowired DeliveryRoutes routes;
  @Autowired SecretBox box;
  @Autowired JdbcClient jdbc;

  @AfterEach
  void cleanUp() {
    jdbc.sql("delete from einvoice_export_route").update();
    jdbc.sql(
            "delete from delivery_route where document_type = 'E_RECHNUNG' and tenant_ars in (?, ?)")
        .params(OHRDRUF, THUERINGEN)
        .update();
  }

  @Test
  void webhooksKeepTheirKeyFileDropsTheirFolderAndWhatCannotMoveStays() {
    String key = "schluessel-der-finanzbuchhaltung-von-ohrdruf";
    legacyRoute("ohrdruf", "WEBHOOK", null, "https://finanzen.ohrdruf.example/eingang", seal(key));
    legacyRoute("thueringen", "FILE_DROP", "alt/2025", null, null);
    legacyRoute("erfurt", "WEBHOOK", null, "https://finanzen.erfurt.example/", "aesgcm1:kaputt");

    legacy.run(null);

    DeliveryRoutes.Route ohrdruf = routes.route(OHRDRUF, DocumentType.E_RECHNUNG, "").orElseThrow();
    assertThat(ohrdruf.channel()).isEqualTo(DeliveryChannel.WEBHOOK);
    assertThat(ohrdruf.webhookUrl()).isEqualTo("https://finanzen.ohrdruf.example/eingang");
    String sealed =
        jdbc.sql(
                "select webhook_secret from delivery_route where tenant_ars = ?"
                    + " and document_type = 'E_RECHNUNG'")
            .param(OHRDRUF)
            .query(String.class)
            .single();
    assertThat(box.open(sealed, "delivery-route:" + OHRDRUF + ":E_RECHNUNG:"))
        .as("the same key, sealed again for its new place")
        .isEqualTo(key);

    DeliveryRoutes.Route land = routes.route(THUERINGEN, DocumentType.E_RECHNUNG, "").orElseThrow();
    assertThat(land.channel()).isEqualTo(DeliveryChannel.FILE_DROP);
    assertThat(land.directory()).isEqualTo("alt/2025");

    assertThat(remaining())
        .as("a key that no longer opens is not lost: the route stays for its admins")
        .containsExactly("erfurt");

    legacy.run(null);
    assertThat(remaining()).as("running again changes nothing").containsExactly("erfurt");
  }

  private String seal(String key) {
    return box.seal(key, "einvoice-export:ohrdruf");
  }

  private void legacyRoute(
      String tenant, String kind, String directory, String url, String secret) {
    jdbc.sql(
            "insert into einvoice_export_route (tenant_slug, kind, directory, url, secret, changed_by)"
                + " values (?, ?, ?, ?, ?, 'verwaltung-' || ?)")
        .params(tenant, kind, directory, url, secret, tenant)
        .update();
  }

  private List<String> remaining() {
    return jdbc.sql("select tenant_slug from einvoice_export_route order by tenant_slug")
        .query(String.class)
        .list();
  }
}
