package de.amtsweg.applications;

import static org.assertj.core.api.Assertions.assertThat;

import de.amtsweg.support.Browser;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** Walks an Antrag as a browser without JavaScript would: read the page, fill in, submit. */
final class AntragForms {

  private AntragForms() {}

  /** Chooses the place of residence by its ARS. */
  static void choosePlace(Browser browser, String ars) {
    Document home = Browser.page(browser.get("/ort"));
    HttpResponse<String> chosen =
        browser.submit("/ort", Browser.csrf(home), Map.of("ars", ars, "zurueck", "/"));
    assertThat(chosen.statusCode()).isEqualTo(302);
  }

  /**
   * Starts the app for the chosen place; returns the first page after the start (a step or the
   * consent).
   */
  static HttpResponse<String> start(Browser browser, String appId) {
    Document start = Browser.page(browser.get("/antrag/" + appId));
    HttpResponse<String> begun = browser.submit("/antrag/" + appId, Browser.csrf(start), Map.of());
    assertThat(begun.statusCode()).isEqualTo(302);
    return browser.follow(begun);
  }

  /** Logs in to the Servicekonto; the browser keeps the session. */
  static Browser loggedIn(Browser browser, String email, String password) {
    assertThat(browser.logIn(email, password).statusCode()).as("login of %s", email).isEqualTo(302);
    return browser;
  }

  /**
   * Starts the app for the chosen place as a logged-in applicant and answers the prefill consent
   * ({@code uebernehmen} or {@code leer}); returns the first step.
   */
  static HttpResponse<String> startWithConsent(
      Browser browser, String ars, String appId, String decision) {
    choosePlace(browser, ars);
    HttpResponse<String> consent = start(browser, appId);
    assertThat(path(consent)).endsWith("/daten");
    String base = path(consent).replace("/daten", "");
    return browser.follow(
        browser.submit(
            base + "/daten", Browser.csrf(Browser.page(consent)), Map.of("decision", decision)));
  }

  /**
   * Creates a personal access token in the account, as its owner would; the browser must be logged
   * in.
   */
  static String personalAccessToken(Browser loggedIn) {
    Document page = Browser.page(loggedIn.get("/konto/sicherheit/zugangsschluessel"));
    HttpResponse<String> created =
        loggedIn.submit(
            "/konto/sicherheit/zugangsschluessel",
            Browser.csrf(page),
            Map.of("name", "Fachverfahren-Test " + System.nanoTime(), "days", "30"));
    String token = Browser.page(loggedIn.follow(created)).select("#new-token").text();
    assertThat(token).startsWith("aw_pat_");
    return token;
  }

  /**
   * Submits the form on this page as a browser does: with what its inputs hold (hidden fields,
   * typed or prefilled values, ticked boxes, chosen options), the given answers replacing them; the
   * button pressed is {@code _action} (weiter unless given).
   */
  static HttpResponse<String> fill(
      Browser browser, HttpResponse<String> page, Map<String, String> answers) {
    return fill(
        browser,
        page,
        answers.entrySet().stream().map(e -> Map.entry(e.getKey(), e.getValue())).toList());
  }

  /**
   * Like {@link #fill(Browser, HttpResponse, Map)}, with names that may repeat (the boxes of a
   * multiple choice).
   */
  static HttpResponse<String> fill(
      Browser browser, HttpResponse<String> page, List<Map.Entry<String, String>> answers) {
    Element form = stepForm(page);
    List<Map.Entry<String, String>> fields = merged(form, answers);
    if (fields.stream().noneMatch(e -> e.getKey().equals("_action"))) {
      fields.add(Map.entry("_action", "weiter"));
    }
    return browser.post(form.attr("action"), fields);
  }

  /**
   * Fills in the page like {@link #fill(Browser, HttpResponse, Map)} and uploads one file with it
   * (multipart).
   */
  static HttpResponse<String> upload(
      Browser browser,
      HttpResponse<String> page,
      Map<String, String> answers,
      String field,
      String fileName,
      byte[] content) {
    Element form = stepForm(page);
    assertThat(form.attr("enctype")).isEqualTo("multipart/form-data");
    Map<String, String> fields = new LinkedHashMap<>();
    merged(form, answers.entrySet().stream().map(e -> Map.entry(e.getKey(), e.getValue())).toList())
        .forEach(e -> fields.putIfAbsent(e.getKey(), e.getValue()));
    String csrf = fields.remove("_csrf");
    fields.putIfAbsent("_action", "weiter");
    return browser.upload(
        form.attr("action"), csrf, fields, field, fileName, "application/octet-stream", content);
  }

  /**
   * Ticks these declarations on the check page and submits; returns the redirect to the
   * confirmation.
   */
  static HttpResponse<String> submit(
      Browser browser, HttpResponse<String> check, String... declarations) {
    Document page = Browser.page(check);
    Element form = page.selectFirst("main form[action$=/absenden]");
    assertThat(form).as("submit form on %s", check.uri()).isNotNull();
    List<Map.Entry<String, String>> fields = new ArrayList<>();
    fields.add(Map.entry("_csrf", Browser.csrf(page)));
    for (String declaration : declarations) {
      fields.add(Map.entry("erklaerung", declaration));
    }
    return browser.post(form.attr("action"), fields);
  }

  /** The reference number a submission redirected to, checked against the app's prefix. */
  static String reference(HttpResponse<String> submitted, String prefix) {
    assertThat(submitted.statusCode()).as("submitted").isEqualTo(302);
    String location =
        URI.create(submitted.headers().firstValue("Location").orElseThrow()).getPath();
    assertThat(location).matches("/antrag/eingang/" + prefix + "-\\d{4}-\\d{6}");
    return location.substring(location.lastIndexOf('/') + 1);
  }

  /** Opens the confirmation page and downloads the receipt it links to. */
  static byte[] receipt(Browser browser, HttpResponse<String> submitted) {
    Document confirmation = Browser.page(browser.follow(submitted));
    String link = confirmation.select("a[href*=eingangsbestaetigung]").attr("href");
    assertThat(link).as("receipt link").isNotEmpty();
    HttpResponse<byte[]> receipt = browser.download(link);
    assertThat(receipt.statusCode()).isEqualTo(200);
    assertThat(receipt.headers().firstValue("Content-Type")).hasValue("application/pdf");
    return receipt.body();
  }

  /**
   * Follows the redirect after a page was filled in; fails with the page's errors when it came back
   * instead.
   */
  static HttpResponse<String> next(Browser browser, HttpResponse<String> filled) {
    assertThat(filled.statusCode())
        .as(
            "%s came back with %s",
            filled.uri(), filled.statusCode() == 200 ? errors(filled) : filled.body())
        .isEqualTo(302);
    return browser.follow(filled);
  }

  /** The current page's step path, e.g. {@code /antrag/hundesteuer/<id>/schritt/halter}. */
  static String path(HttpResponse<String> response) {
    return response.uri().getPath();
  }

  /** The messages of the error summary, with the ids they link to. */
  static Map<String, String> errors(HttpResponse<String> page) {
    return Browser.page(page).select("#error-summary a").stream()
        .collect(
            Collectors.toMap(
                a -> a.attr("href"), Element::text, (a, b) -> a + " | " + b, LinkedHashMap::new));
  }

  /** The error shown at the question whose input has this id, e.g. {@code f-titel}. */
  static String fieldError(HttpResponse<String> page, String inputId) {
    return Browser.page(page).select("#" + inputId + "-error").text();
  }

  private static Element stepForm(HttpResponse<String> page) {
    Element form =
        Browser.page(page).selectFirst("main form[method=post]:has(button[name=_action])");
    assertThat(form).as("step form on %s", page.uri()).isNotNull();
    return form;
  }

  /** What the form's inputs send, with every name that the answers give replaced by the answers. */
  private static List<Map.Entry<String, String>> merged(
      Element form, List<Map.Entry<String, String>> answers) {
    Set<String> given = answers.stream().map(Map.Entry::getKey).collect(Collectors.toSet());
    List<Map.Entry<String, String>> fields = new ArrayList<>();
    for (Element input : form.select("input[name], textarea[name], select[name]")) {
      String name = input.attr("name");
      if (given.contains(name)) {
        continue;
      }
      switch (input.tagName()) {
        case "textarea" -> fields.add(Map.entry(name, input.val()));
        case "select" -> {
          Element selected = input.selectFirst("option[selected]");
          fields.add(Map.entry(name, selected == null ? "" : selected.attr("value")));
        }
        default -> {
          String type = input.attr("type");
          if (type.equals("file")) {
            continue;
          }
          if ((type.equals("radio") || type.equals("checkbox")) && !input.hasAttr("checked")) {
            continue;
          }
          fields.add(Map.entry(name, input.attr("value")));
        }
      }
    }
    fields.addAll(answers);
    return fields;
  }
}
