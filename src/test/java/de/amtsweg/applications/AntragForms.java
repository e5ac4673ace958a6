package de.amtsweg.applications;

import static org.assertj.core.api.Assertions.assertThat;

import de.amtsweg.support.Browser;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** Walks an Antrag as a browser without JavaScript would: read the page, fill in, submit. */
final class AntragForms {

  private AntragForms() {}

  /** Chooses the place of residence by its ARS. */
  static void choosePlace(Browser browser, String ars) {
    Document home = Browser.page(browser.get("/ort"));
    HttpResponse<String> chosen = browser.submit("/ort", Browser.csrf(home), Map.of("ars", ars, "zurueck", "/"));
    assertThat(chosen.statusCode()).isEqualTo(302);
  }

  /** Starts the app for the chosen place; returns the first page after the start (a step or the consent). */
  static HttpResponse<String> start(Browser browser, String appId) {
    Document start = Browser.page(browser.get("/antrag/" + appId));
    HttpResponse<String> begun = browser.submit("/antrag/" + appId, Browser.csrf(start), Map.of());
    assertThat(begun.statusCode()).isEqualTo(302);
    return browser.follow(begun);
  }

  /**
   * Submits the form on this page with the hidden fields it carries and the given answers; the
   * button pressed is {@code _action} (weiter unless given).
   */
  static HttpResponse<String> fill(Browser browser, HttpResponse<String> page, Map<String, String> answers) {
    Document document = Browser.page(page);
    Element form = document.selectFirst("main form[method=post]:has(button[name=_action])");
    assertThat(form).as("step form on %s", page.uri()).isNotNull();
    Map<String, String> fields = new LinkedHashMap<>();
    form.select("input[type=hidden]").forEach(i -> fields.put(i.attr("name"), i.attr("value")));
    fields.putAll(answers);
    fields.putIfAbsent("_action", "weiter");
    return browser.post(form.attr("action"), fields);
  }

  /** The current page's step path, e.g. {@code /antrag/hundesteuer/<id>/schritt/halter}. */
  static String path(HttpResponse<String> response) {
    return response.uri().getPath();
  }
}
