package de.amtsweg.appstore;

import static org.assertj.core.api.Assertions.assertThat;

import de.amtsweg.support.AmtswegIT;
import de.amtsweg.support.Browser;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A municipal admin sets when the fee of an app is paid, the own amount and the booking data on the
 * activation page; wrong values come back with a message at their field, and nothing is saved.
 */
class PaymentTermsIT extends AmtswegIT {

  private static final String JENA = "160530000000";

  @Autowired AppStore store;

  @Test
  void adminSetsPolicyAmountAndBookingDataAndWrongValuesAreRefused() {
    Browser admin = browser();
    assertThat(admin.signIn("verwaltung-jena", DEMO_PASSWORD).statusCode()).isEqualTo(302);
    PaymentTerms before = store.activation(JENA, "meldebescheinigung").orElseThrow().payment();
    try {
      Document page = Browser.page(admin.get("/verwaltung/apps/meldebescheinigung"));
      assertThat(page.select("#pay-policy option[selected]").val()).isEqualTo("NONE");
      assertThat(page.select("label[for=pay-haushaltsstelle]").text()).isEqualTo("Haushaltsstelle");

      Map<String, String> form = fields(page);
      form.put("payment.policy", "AFTER_SUBMISSION");
      form.put("payment.feeOverride", "6,50");
      form.put("payment.haushaltsstelle", "<script>");
      HttpResponse<String> wrong =
          admin.post("/verwaltung/apps/meldebescheinigung/aktivieren", form);
      assertThat(wrong.statusCode()).isEqualTo(200);
      Document errors = Browser.page(wrong);
      assertThat(errors.select("#error-summary a").attr("href")).isEqualTo("#pay-haushaltsstelle");
      assertThat(errors.select("#pay-haushaltsstelle").attr("aria-invalid")).isEqualTo("true");
      assertThat(errors.select("#pay-haushaltsstelle").val()).isEqualTo("<script>");
      assertThat(store.activation(JENA, "meldebescheinigung").orElseThrow().payment().policy())
          .isEqualTo(PaymentPolicy.NONE);

      form.put("payment.haushaltsstelle", "1.1.2.01.431100");
      HttpResponse<String> saved =
          admin.post("/verwaltung/apps/meldebescheinigung/aktivieren", form);
      assertThat(saved.statusCode()).isEqualTo(302);
      PaymentTerms terms = store.activation(JENA, "meldebescheinigung").orElseThrow().payment();
      assertThat(terms.policy()).isEqualTo(PaymentPolicy.AFTER_SUBMISSION);
      assertThat(terms.feeOverride()).isEqualByComparingTo(new BigDecimal("6.50"));
      assertThat(terms.haushaltsstelle()).isEqualTo("1.1.2.01.431100");
      assertThat(terms.objektnummer()).isNull();
      Document shown = Browser.page(admin.follow(saved));
      assertThat(shown.select("#pay-policy option[selected]").val()).isEqualTo("AFTER_SUBMISSION");
      assertThat(shown.select("#pay-feeOverride").val()).isEqualTo("6.50");
    } finally {
      store.setPaymentTerms(JENA, "meldebescheinigung", before, "Test");
    }
  }

  /** What the activation form sends as it is, with the CSRF token. */
  private static Map<String, String> fields(Document page) {
    Element form = page.selectFirst("form[action$=/aktivieren]");
    Map<String, String> fields = new LinkedHashMap<>();
    for (Element input : form.select("input[name], textarea[name]")) {
      fields.put(input.attr("name"), input.is("textarea") ? input.text() : input.val());
    }
    for (Element select : form.select("select[name]")) {
      Element chosen = select.selectFirst("option[selected]");
      fields.put(
          select.attr("name"), chosen == null ? select.selectFirst("option").val() : chosen.val());
    }
    return fields;
  }
}
