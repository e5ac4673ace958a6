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
 * A municipal admin sets when the fee of an app is paid, the amounts (the app's money parameters,
 * the one place for them) and the booking data on the activation page; amounts are shown and
 * accepted as a German reader writes them; wrong values come back with a message at their field,
 * and nothing is saved.
 */
class PaymentTermsIT extends AmtswegIT {

  private static final String JENA = "160530000000";

  @Autowired AppStore store;

  @Test
  void adminSetsPolicyAmountAndBookingDataAndWrongValuesAreRefused() {
    Browser admin = browser();
    assertThat(admin.signIn("verwaltung-jena", DEMO_PASSWORD).statusCode()).isEqualTo(302);
    Activation activation = store.activation(JENA, "meldebescheinigung").orElseThrow();
    PaymentTerms before = activation.payment();
    try {
      Document page = Browser.page(admin.get("/verwaltung/apps/meldebescheinigung"));
      assertThat(page.select("#pay-policy option[selected]").val()).isEqualTo("NONE");
      assertThat(page.select("label[for=pay-haushaltsstelle]").text()).isEqualTo("Haushaltsstelle");
      assertThat(page.select("input[name*=fee], input[name*=Fee]"))
          .as("one field per amount: the app's parameters, no second fee field")
          .isEmpty();
      assertThat(page.select("#p-gebuehrEinfach").val()).isEqualTo("8,00");
      assertThat(page.select("#p-gebuehrEinfach-hint").text()).contains("zum Beispiel 6,50");

      Map<String, String> form = fields(page);
      form.put("payment.policy", "AFTER_SUBMISSION");
      form.put("p.gebuehrEinfach", "6,5");
      form.put("p.gebuehrErweitert", "12.50");
      form.put("p.versandpauschale", "1,45 €");
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
      Map<String, Object> amounts =
          store.activation(JENA, "meldebescheinigung").orElseThrow().parameters();
      assertThat(new BigDecimal(amounts.get("gebuehrEinfach").toString()))
          .isEqualByComparingTo("6.50");
      assertThat(new BigDecimal(amounts.get("gebuehrErweitert").toString()))
          .isEqualByComparingTo("12.50");
      assertThat(new BigDecimal(amounts.get("versandpauschale").toString()))
          .isEqualByComparingTo("1.45");
      assertThat(terms.haushaltsstelle()).isEqualTo("1.1.2.01.431100");
      assertThat(terms.objektnummer()).isNull();
      Document shown = Browser.page(admin.follow(saved));
      assertThat(shown.select("#pay-policy option[selected]").val()).isEqualTo("AFTER_SUBMISSION");
      assertThat(shown.select("#p-gebuehrEinfach").val()).as("never 6.5").isEqualTo("6,50");
      assertThat(shown.select("#p-gebuehrErweitert").val()).isEqualTo("12,50");
      assertThat(shown.select("#p-versandpauschale").val()).isEqualTo("1,45");

      form.put("p.gebuehrEinfach", "6,505");
      Document tooPrecise =
          Browser.page(admin.post("/verwaltung/apps/meldebescheinigung/aktivieren", form));
      assertThat(tooPrecise.select("#p-gebuehrEinfach-error").text())
          .contains("als Betrag in Euro an, zum Beispiel 6,50");
      assertThat(tooPrecise.select("#p-gebuehrEinfach").attr("aria-describedby"))
          .contains("p-gebuehrEinfach-error");
      assertThat(tooPrecise.select("#p-gebuehrEinfach").val()).isEqualTo("6,505");
    } finally {
      Map<String, String> old = new LinkedHashMap<>();
      activation.parameters().forEach((k, v) -> old.put(k, v.toString()));
      store.activate(JENA, "meldebescheinigung", old, "Test");
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
