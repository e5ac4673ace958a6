package de.amtsweg.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import de.amtsweg.appstore.AppStore;
import de.amtsweg.support.AmtswegIT;
import de.amtsweg.support.Browser;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A Land's operator onboards a municipality: picks it from the Gemeindeverzeichnis, lands on its
 * page with the next step, and the tenant's admins see the go-live checklist until it is done.
 */
class OnboardingIT extends AmtswegIT {

  private static final String OHRDRUF = "160675050053";
  private static final String LANDKREIS_GOTHA = "160670000000";

  @Autowired TenantManagement tenants;
  @Autowired AppStore apps;

  @Test
  void operatorFindsAnAuthorityByPostcodeAndCreatesTheTenantWithItsKey() {
    Browser operator = operator();

    Document found = Browser.page(operator.get("/admin/mandanten/neu?q=98663"));
    Element heldburg =
        found.select("a.authority-choose").stream()
            .filter(a -> a.text().startsWith("Heldburg"))
            .findFirst()
            .orElseThrow();
    String ars = heldburg.parent().attr("data-ars");
    assertThat(ars).hasSize(12).startsWith("16069");

    Document form = Browser.page(operator.get(heldburg.attr("href")));
    assertThat(form.select(".chosen-authority__ars").text()).isEqualTo(ars);
    assertThat(form.select("#slug").val()).isEqualTo("heldburg");
    assertThat(form.select("#displayName").val()).contains("Heldburg");

    Map<String, String> fields = fields(form);
    fields.put("slug", "heldburg-stadt");
    HttpResponse<String> created = operator.submit("/admin/mandanten", Browser.csrf(form), fields);

    assertThat(created.statusCode()).isEqualTo(302);
    assertThat(created.headers().firstValue("Location").orElseThrow())
        .endsWith("/admin/mandanten/heldburg-stadt");
    assertThat(tenants.bySlug("heldburg-stadt").orElseThrow().authorityArs()).isEqualTo(ars);
    Document page = Browser.page(operator.follow(created));
    assertThat(page.select("[role=status]").text()).contains("Gespeichert");
    String invite = page.select("#invite-staff").attr("href");
    assertThat(invite)
        .isEqualTo("/admin/mitarbeitende/einladen?tenant=heldburg-stadt&role=TENANT_ADMIN");
    assertThat(page.select("#invite-staff").text()).isEqualTo("Verwaltung einladen");
    Document inviteForm = Browser.page(operator.get(invite));
    assertThat(inviteForm.select("#tenant option[selected]").val())
        .as("the invitation is for this tenant")
        .isEqualTo("heldburg-stadt");
    assertThat(inviteForm.select("#role option[selected]").val()).isEqualTo("TENANT_ADMIN");
  }

  @Test
  void anAuthorityThatIsATenantIsMarkedAndCannotBeChosen() {
    Browser operator = operator();

    Document found = Browser.page(operator.get("/admin/mandanten/neu?q=Ohrdruf"));
    Element ohrdruf = found.selectFirst("li[data-ars=" + OHRDRUF + "]");

    assertThat(ohrdruf).isNotNull();
    assertThat(ohrdruf.select(".authority-taken").text()).isEqualTo("bereits Mandant");
    assertThat(ohrdruf.select("a.authority-choose")).isEmpty();
    assertThat(ohrdruf.select("a").attr("href")).isEqualTo("/admin/mandanten/ohrdruf");

    Document refused = Browser.page(operator.get("/admin/mandanten/neu?ars=" + OHRDRUF));
    assertThat(refused.select("form[method=post][action=/admin/mandanten]")).isEmpty();
    assertThat(refused.select("[role=status]").text()).contains("kann nicht gewählt werden");
  }

  @Test
  void withHtmxTheSameAddressAnswersOnlyTheResults() {
    HttpResponse<String> fragment =
        operator().get("/admin/mandanten/neu?q=Ohrdruf", "HX-Request", "true");

    assertThat(fragment.statusCode()).isEqualTo(200);
    assertThat(fragment.body()).doesNotContain("<html").contains("bereits Mandant");
    assertThat(fragment.headers().allValues("Vary"))
        .anyMatch(v -> v.toLowerCase(Locale.ROOT).contains("hx-request"));
  }

  @Test
  void aFreshTenantsChecklistHasEveryItemOpenWithWhereToFixIt() {
    Browser operator = operator();
    Document found = Browser.page(operator.get("/admin/mandanten/neu?q=Schleusingen"));
    Element link =
        found.select("a.authority-choose").stream()
            .filter(a -> a.text().startsWith("Schleusingen"))
            .findFirst()
            .orElseThrow();
    Document form = Browser.page(operator.get(link.attr("href")));
    Map<String, String> fields = fields(form);
    HttpResponse<String> created = operator.submit("/admin/mandanten", Browser.csrf(form), fields);
    assertThat(created.statusCode()).isEqualTo(302);

    Document page = Browser.page(operator.follow(created));

    assertThat(page.select(".readiness-item").eachAttr("id"))
        .containsExactly(
            "readiness-contacts",
            "readiness-apps",
            "readiness-delivery",
            "readiness-leitweg",
            "readiness-accessibility");
    assertThat(page.select(".readiness-item--done")).isEmpty();
    assertThat(page.select(".readiness-summary").text()).isEqualTo("0 von 5 erledigt");
    assertThat(page.select("#readiness-contacts .readiness-details li").eachText())
        .contains("Impressum", "Datenschutzerklärung", "E-Mail-Adresse oder Telefonnummer");
    assertThat(page.select("#readiness-contacts .readiness-link").attr("href"))
        .isEqualTo("/admin/mandanten/schleusingen");
    assertThat(page.select("#readiness-leitweg .readiness-link").attr("href"))
        .isEqualTo("/admin/leitweg-ids");
    assertThat(page.select("#readiness-accessibility .readiness-link").attr("href"))
        .isEqualTo("/admin/mandanten/schleusingen");
    assertThat(page.select("#readiness-apps .readiness-message").text())
        .isEqualTo("Noch keine Antrags-App eingeschaltet.");

    Map<String, String> profile = fields(page);
    profile.put("accessibilityContact", "barrierefreiheit@schleusingen.example");
    profile.put("impressum", "Stadt Schleusingen");
    assertThat(
            operator
                .submit("/admin/mandanten/schleusingen", Browser.csrf(page), profile)
                .statusCode())
        .isEqualTo(302);
    Document after = Browser.page(operator.get("/admin/mandanten/schleusingen"));
    assertThat(after.select("#readiness-accessibility").hasClass("readiness-item--done")).isTrue();
    assertThat(after.select("#readiness-contacts .readiness-details li").eachText())
        .doesNotContain("Impressum")
        .contains("Datenschutzerklärung");
    Document list = Browser.page(operator.get("/admin/mandanten"));
    assertThat(list.select("tr:has(td:containsOwn(schleusingen)) .readiness-cell").text())
        .isEqualTo("1 von 5 erledigt");
  }

  @Test
  void paymentIsAnItemOnlyWhereAnAppTakesItsFeeOnline() {
    Browser operator = operator();

    assertThat(Browser.page(operator.get("/admin/mandanten/erfurt")).select("#readiness-payment"))
        .hasSize(1);
    assertThat(
            Browser.page(operator.get("/admin/mandanten/landkreis-gotha"))
                .select("#readiness-payment"))
        .isEmpty();
  }

  @Test
  void theTenantAdminSeesTheirChecklistAndItemsTurnDoneWhenTheDataIsThere() {
    Browser admin = browser();
    assertThat(admin.signIn("verwaltung-landkreis-gotha", DEMO_PASSWORD).statusCode())
        .isEqualTo(302);
    try {
      Document start = Browser.page(admin.followAll(admin.get("/verwaltung")));
      assertThat(start.select("#readiness-contacts").hasClass("readiness-item--done")).isTrue();
      assertThat(start.select("#readiness-leitweg").hasClass("readiness-item--done")).isTrue();
      assertThat(start.select("#readiness-accessibility").hasClass("readiness-item--done"))
          .isTrue();
      assertThat(start.select("#readiness-apps").hasClass("readiness-item--open")).isTrue();
      assertThat(start.select("#readiness-apps .readiness-link").attr("href"))
          .isEqualTo("/verwaltung/apps");
      assertThat(start.select("#readiness-delivery .readiness-link").attr("href"))
          .isEqualTo("/verwaltung/zustellung/wege");

      Document app = Browser.page(admin.get("/verwaltung/apps/hundesteuer"));
      HttpResponse<String> activated =
          admin.post("/verwaltung/apps/hundesteuer/aktivieren", activationFields(app));
      assertThat(activated.statusCode()).isEqualTo(302);

      Document after = Browser.page(admin.followAll(admin.get("/verwaltung")));
      assertThat(after.select("#readiness-apps").hasClass("readiness-item--done")).isTrue();
      assertThat(after.select("#readiness-apps .readiness-message").text())
          .isEqualTo("Eingeschaltete Antrags-Apps: 1");
      assertThat(after.select("#readiness-delivery .readiness-message").text())
          .startsWith("1 von 1 Zustellwegen sind noch nicht erprobt");
    } finally {
      apps.deactivate(LANDKREIS_GOTHA, "hundesteuer", "Test");
    }
  }

  @Test
  void everyAdminSeesOnlyTheirOwnTenantsChecklistAndCaseworkersNone() {
    Browser jena = browser();
    jena.signIn("verwaltung-jena", DEMO_PASSWORD);
    Browser kreis = browser();
    kreis.signIn("verwaltung-landkreis-gotha", DEMO_PASSWORD);
    Browser caseworker = browser();
    caseworker.signIn("sachbearbeitung-landkreis-gotha", DEMO_PASSWORD);

    Document jenaStart = Browser.page(jena.followAll(jena.get("/verwaltung")));
    Document kreisStart = Browser.page(kreis.followAll(kreis.get("/verwaltung")));

    assertThat(jenaStart.select(".readiness")).hasSize(1);
    assertThat(jenaStart.select("#readiness-apps .readiness-message").text())
        .isEqualTo("Eingeschaltete Antrags-Apps: 4");
    assertThat(kreisStart.select(".readiness")).hasSize(1);
    assertThat(kreisStart.select("#readiness-apps .readiness-message").text())
        .isEqualTo("Noch keine Antrags-App eingeschaltet.");
    assertThat(
            Browser.page(caseworker.followAll(caseworker.get("/verwaltung"))).select(".readiness"))
        .isEmpty();
  }

  private Browser operator() {
    Browser operator = browser();
    assertThat(operator.signIn("betrieb", DEMO_PASSWORD).statusCode()).isEqualTo(302);
    return operator;
  }

  /** What the tenant form sends as it is. */
  private static Map<String, String> fields(Document page) {
    Map<String, String> values = new LinkedHashMap<>();
    page.select(
            "form[action^=/admin/mandanten]:not([enctype]) input[name],"
                + " form[action^=/admin/mandanten]:not([enctype]) textarea")
        .forEach(e -> values.put(e.attr("name"), e.is("textarea") ? e.text() : e.val()));
    values.remove("_csrf");
    return values;
  }

  /** What the activation form sends as it is, with the CSRF token. */
  private static Map<String, String> activationFields(Document page) {
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
