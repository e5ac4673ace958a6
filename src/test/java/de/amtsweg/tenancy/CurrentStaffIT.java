package de.amtsweg.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import de.amtsweg.support.AmtswegIT;
import de.amtsweg.support.Browser;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The signed-in staff member and their tenant come from the login ({@link TenantStaff}): staff
 * without a tenant never see a tenant's pages, whatever module serves them. Operators are stopped
 * by the security rules, staff whose tenant does not exist by the resolver (before it, the API
 * client, Leitweg-ID and e-invoice pages showed such staff an empty list).
 */
class CurrentStaffIT extends AmtswegIT {

  /** Pages of several modules that show one tenant's data. */
  private static final List<String> TENANT_PAGES =
      List.of(
          "/verwaltung/postfach-antworten",
          "/verwaltung/api-clients",
          "/verwaltung/apps",
          "/verwaltung/zahlungen",
          "/verwaltung/zahlungen/einstellungen",
          "/verwaltung/leitweg-ids",
          "/verwaltung/e-rechnungen",
          "/verwaltung/vorgaenge",
          "/verwaltung/zustellung");

  @Autowired JdbcClient jdbc;
  @Autowired PasswordEncoder passwordEncoder;

  @BeforeEach
  void adminOfATenantThatDoesNotExist() {
    jdbc.sql(
            """
            insert into staff_account (id, username, display_name, password_hash, role, tenant_slug)
            values (?, 'verwaltung-aufgeloest', 'Verwaltung (aufgelöst)', ?, 'TENANT_ADMIN', 'aufgeloest')
            on conflict (username) do nothing
            """)
        .params(UUID.randomUUID(), passwordEncoder.encode(DEMO_PASSWORD))
        .update();
  }

  @Test
  void tenantStaffSeeTheirTenantsPages() {
    Browser admin = signedIn("verwaltung-erfurt");

    for (String page : TENANT_PAGES) {
      assertThat(admin.get(page).statusCode()).as(page).isEqualTo(200);
    }
    assertThat(Browser.page(admin.get("/verwaltung/apps")).text()).contains("Stadt Erfurt");
  }

  @Test
  void staffWhoseTenantDoesNotExistAreRefusedEverywhere() {
    Browser orphan = signedIn("verwaltung-aufgeloest");

    for (String page : TENANT_PAGES) {
      HttpResponse<String> response = orphan.get(page);
      assertThat(response.statusCode()).as(page).isEqualTo(403);
      assertThat(Browser.page(response).select("h1").text())
          .as(page)
          .isEqualTo("Zugriff verweigert");
    }
  }

  @Test
  void platformOperatorsHaveNoTenantAndSoNoTenantPages() {
    Browser operator = signedIn("betrieb");

    for (String page : TENANT_PAGES) {
      assertThat(operator.get(page).statusCode()).as(page).isEqualTo(403);
    }
    assertThat(operator.get("/admin/api-clients").statusCode())
        .as("the operator's own page for every client")
        .isEqualTo(200);
  }

  @Test
  void tenantStaffDoNotGetTheOperatorsPages() {
    assertThat(signedIn("verwaltung-erfurt").get("/admin/api-clients").statusCode()).isEqualTo(403);
  }

  private Browser signedIn(String username) {
    Browser browser = browser();
    assertThat(browser.signIn(username, DEMO_PASSWORD).statusCode()).isEqualTo(302);
    return browser;
  }
}
