package de.amtsweg.account;

import static org.assertj.core.api.Assertions.assertThat;

import de.amtsweg.support.AmtswegIT;
import de.amtsweg.support.Browser;
import java.net.http.HttpResponse;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/** The demo profile's Servicekonten, with the demo password. */
class DemoAccountsIT extends AmtswegIT {

  private final Citizens citizens = new Citizens(this::browser);

  @Test
  void erikaHasAProfileAPostfachAndABusinessAccount() {
    Browser erika = citizens.loggedIn(DemoAccounts.ERIKA, DEMO_PASSWORD);

    Document profile = Browser.page(erika.get("/konto/profil"));
    Document postfach = Browser.page(erika.get("/konto/postfach"));
    Document organisations = Browser.page(erika.get("/konto/organisationen"));
    Document privacy = Browser.page(erika.get("/konto/datenschutz"));

    assertThat(profile.select("#anschrift dd").eachText())
        .anySatisfy(t -> assertThat(t).startsWith("Stadt Erfurt (160510000000)"));
    assertThat(profile.select("#bankverbindung dd").eachText())
        .anySatisfy(t -> assertThat(t).startsWith("DE02 1203 0000 0000 2020 51"));
    assertThat(ProfileManagement.normalizeIban("DE02120300000000202051")).isPresent();
    // containsSubsequence: the demo case inbox (casework) adds the receipt of Erika's demo Antrag.
    assertThat(postfach.select(".postfach-item__subject").eachText())
        .containsSubsequence(
            "Bescheid über Ihren Wohngeldantrag",
            "Rückfrage zu Ihrem Antrag: Impfnachweis",
            "Ihr Antrag auf Anmeldung eines Hundes ist eingegangen");
    String pdf =
        Browser.page(
                erika.get(
                    postfach
                        .select(".postfach-item__subject:contains(Wohngeldantrag)")
                        .first()
                        .attr("href")))
            .select("a[href*=/anhaenge/]")
            .attr("href");
    HttpResponse<String> bescheid = erika.get(pdf);
    assertThat(bescheid.body()).startsWith("%PDF-1.4").contains("Bescheid").endsWith("%%EOF\n");
    assertThat(organisations.text()).contains("Musterbau GmbH (Demo)", "Administration");
    assertThat(privacy.select(".sharing-item h3").eachText()).contains("Hund anmelden");
  }

  @Test
  void theSupplierHasItsOrganisation() {
    Browser supplier = citizens.loggedIn(DemoAccounts.SUPPLIER, DEMO_PASSWORD);

    assertThat(Browser.page(supplier.get("/konto/organisationen")).text())
        .contains("Lieferdienst Thüringen GmbH (Demo)");
  }
}
