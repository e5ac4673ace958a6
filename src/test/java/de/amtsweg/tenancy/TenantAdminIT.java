package de.amtsweg.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import de.amtsweg.support.AmtswegIT;
import de.amtsweg.support.Browser;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import javax.imageio.ImageIO;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/** The platform operator creates and edits tenants. */
class TenantAdminIT extends AmtswegIT {

  @Test
  void listsTheDemoTenants() {
    Document list = Browser.page(operator().get("/admin/mandanten"));

    assertThat(list.select("tbody th").eachText())
        .contains(
            "Freistaat Thüringen",
            "Stadt Erfurt",
            "Stadt Jena",
            "Landkreis Gotha",
            "Stadt Gotha",
            "Stadt Ohrdruf");
  }

  @Test
  void invalidInputIsExplainedFieldByFieldAndKept() {
    Browser operator = operator();
    Document form = Browser.page(operator.get("/admin/mandanten/neu"));

    Map<String, String> input = validTenant("nordhausen", "160620041041");
    input.put("slug", "Nord Hausen");
    input.put("primaryColour", "#ffff00");
    input.put("postcode", "123");
    input.put("email", "keine-adresse");
    HttpResponse<String> response = operator.submit("/admin/mandanten", Browser.csrf(form), input);

    assertThat(response.statusCode()).isEqualTo(200);
    Document page = Browser.page(response);
    assertThat(page.select("#error-summary a").eachAttr("href"))
        .contains("#slug", "#primaryColour", "#postcode", "#email");
    assertThat(page.select("#primaryColour-error").text()).contains("zu hell");
    assertThat(page.select("#slug").attr("value")).isEqualTo("Nord Hausen");
    assertThat(page.select("#displayName").attr("value")).isEqualTo("Stadt Nordhausen");
    assertThat(page.select("#slug").attr("aria-describedby")).contains("slug-error");
    assertThat(operator.get("/admin/mandanten").body()).doesNotContain("Stadt Nordhausen");
  }

  @Test
  void createsATenantThatThenHasItsOwnAuthorityPage() {
    Browser operator = operator();
    Document form = Browser.page(operator.get("/admin/mandanten/neu"));

    HttpResponse<String> created =
        operator.submit(
            "/admin/mandanten", Browser.csrf(form), validTenant("suhl", "160540000000"));

    assertThat(created.statusCode()).isEqualTo(302);
    Document tenantPage = Browser.page(operator.follow(created));
    assertThat(tenantPage.location()).endsWith("/admin/mandanten/suhl");
    assertThat(tenantPage.select("[role=status]").text()).contains("Gespeichert: Stadt Suhl");
    assertThat(Browser.page(browser().get("/behoerden/160540000000")).select("address").text())
        .contains("Marktplatz 1");
  }

  @Test
  void anAuthorityOrSlugCanOnlyBeUsedOnce() {
    Browser operator = operator();
    Document form = Browser.page(operator.get("/admin/mandanten/neu"));

    Document sameAuthority =
        Browser.page(
            operator.submit(
                "/admin/mandanten", Browser.csrf(form), validTenant("erfurt-2", "160510000000")));
    Document sameSlug =
        Browser.page(
            operator.submit(
                "/admin/mandanten", Browser.csrf(form), validTenant("jena", "160520000000")));
    Document unknownAuthority =
        Browser.page(
            operator.submit(
                "/admin/mandanten", Browser.csrf(form), validTenant("nirgendwo", "169999999999")));

    assertThat(sameAuthority.select("#authorityArs-error").text()).contains("bereits ein Mandant");
    assertThat(sameSlug.select("#slug-error").text()).contains("schon vergeben");
    assertThat(unknownAuthority.select("#authorityArs-error").text()).contains("keine Behörde");
  }

  @Test
  void concurrentEditIsRefusedWithoutLosingInput() {
    Browser first = operator();
    Browser second = operator();
    Document firstForm = Browser.page(first.get("/admin/mandanten/ohrdruf"));
    Document secondForm = Browser.page(second.get("/admin/mandanten/ohrdruf"));
    String version = firstForm.select("#version").attr("value");

    Map<String, String> firstEdit = formValues(firstForm);
    firstEdit.put("openingHours", "Di 9–12 Uhr");
    assertThat(
            first
                .submit("/admin/mandanten/ohrdruf", Browser.csrf(firstForm), firstEdit)
                .statusCode())
        .isEqualTo(302);

    Map<String, String> secondEdit = formValues(secondForm);
    secondEdit.put("version", version);
    secondEdit.put("phone", "+49 3624 1111");
    Document conflict =
        Browser.page(
            second.submit("/admin/mandanten/ohrdruf", Browser.csrf(secondForm), secondEdit));

    assertThat(conflict.select("#error-summary").text())
        .contains("Jemand anderes hat diesen Mandanten");
    assertThat(conflict.select("#phone").attr("value")).isEqualTo("+49 3624 1111");
    assertThat(Browser.page(browser().get("/behoerden/160675050053")).text())
        .contains("Di 9–12 Uhr")
        .doesNotContain("+49 3624 1111");
  }

  @Test
  void logoMustReallyBeAnImage() throws IOException {
    Browser operator = operator();
    Document form = Browser.page(operator.get("/admin/mandanten/jena"));

    HttpResponse<String> fake =
        operator.upload(
            "/admin/mandanten/jena/logo",
            Browser.csrf(form),
            "logo",
            "logo.png",
            "image/png",
            "<svg onload=alert(1)>".getBytes(StandardCharsets.UTF_8));
    HttpResponse<String> real =
        operator.upload(
            "/admin/mandanten/jena/logo",
            Browser.csrf(form),
            "logo",
            "wappen.png",
            "image/png",
            png());

    assertThat(Browser.page(fake).select("#logo-error-summary").text())
        .contains("PNG- oder JPEG-Bild");
    assertThat(real.statusCode()).isEqualTo(302);
    HttpResponse<String> served = browser().get("/mandanten/jena/logo");
    assertThat(served.statusCode()).isEqualTo(200);
    assertThat(served.headers().firstValue("Content-Type")).hasValue("image/png");
    assertThat(
            Browser.page(browser().get("/behoerden/160530000000"))
                .select("img.tenant-banner__logo")
                .attr("alt"))
        .isEqualTo("Logo: Stadt Jena");
  }

  private Browser operator() {
    Browser operator = browser();
    assertThat(operator.signIn("betrieb", DEMO_PASSWORD).statusCode()).isEqualTo(302);
    return operator;
  }

  private static Map<String, String> formValues(Document form) {
    Map<String, String> values = new HashMap<>();
    form.select(
            "form[action^=/admin/mandanten] input[name], form[action^=/admin/mandanten] textarea[name]")
        .forEach(
            e ->
                values.put(
                    e.attr("name"), e.tagName().equals("textarea") ? e.text() : e.attr("value")));
    values.remove("_csrf");
    values.remove("logo");
    return values;
  }

  private static Map<String, String> validTenant(String slug, String ars) {
    String city = slug.substring(0, 1).toUpperCase() + slug.substring(1);
    Map<String, String> values = new HashMap<>();
    values.put("authorityArs", ars);
    values.put("slug", slug);
    values.put("displayName", "Stadt " + city);
    values.put("primaryColour", "#00457c");
    values.put("street", "Marktplatz 1");
    values.put("postcode", "98527");
    values.put("city", city);
    values.put("phone", "+49 3681 0000-0");
    values.put("email", "rathaus@" + slug + ".example");
    values.put("website", "https://www." + slug + ".example");
    values.put("openingHours", "Mo–Fr 9–12 Uhr");
    values.put("impressum", "Impressum " + city);
    values.put("datenschutz", "Datenschutz " + city);
    values.put("version", "0");
    return values;
  }

  private static byte[] png() throws IOException {
    BufferedImage image = new BufferedImage(40, 20, BufferedImage.TYPE_INT_RGB);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(image, "png", out);
    return out.toByteArray();
  }
}
