package de.amtsweg.support;

import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium that checks pages of the running app with axe-core against WCAG 2.0, 2.1
 * and 2.2 (levels A and AA), as the BITV 2.0 and EN 301 549 ask.
 *
 * <p>It drives the Chromium and chromedriver of the machine ({@code apt-get install chromium
 * chromium-driver} on Debian; other paths with the system properties {@code amtsweg.test.chromium}
 * and {@code amtsweg.test.chromedriver}). When they are missing, {@link #start} fails with a
 * message that says what to install: accessibility is checked on every build, never skipped.
 *
 * <p>One browser per test class is enough ({@code @BeforeAll}/{@code @AfterAll}); {@link
 * #forgetSession()} makes it a fresh visitor again. Pages can be checked with JavaScript on ({@link
 * #start}) and off ({@link #startWithoutJavaScript}): htmx only enhances, so both must pass.
 */
public final class AxeBrowser implements AutoCloseable {

  /** WCAG 2.0, 2.1 and 2.2, levels A and AA. */
  public static final List<String> WCAG_TAGS =
      List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa");

  private final URI base;
  private final boolean javaScript;
  private final ChromeDriver driver;

  private AxeBrowser(URI base, boolean javaScript, ChromeDriver driver) {
    this.base = base;
    this.javaScript = javaScript;
    this.driver = driver;
  }

  /** A headless Chromium with JavaScript on, for the app at {@code base}. */
  public static AxeBrowser start(URI base) {
    return start(base, true);
  }

  /**
   * A headless Chromium with the pages' JavaScript off (as a visitor who blocks it): htmx and
   * amtsweg.js are not loaded; axe-core itself still runs through the driver.
   */
  public static AxeBrowser startWithoutJavaScript(URI base) {
    return start(base, false);
  }

  private static AxeBrowser start(URI base, boolean javaScript) {
    String chromium = requireExecutable("amtsweg.test.chromium", "/usr/bin/chromium", "chromium");
    String chromedriver =
        requireExecutable("amtsweg.test.chromedriver", "/usr/bin/chromedriver", "chromium-driver");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(chromium);
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--window-size=1280,1024",
        "--lang=de-DE",
        "--accept-lang=de-DE,de",
        "--disable-extensions",
        "--no-first-run",
        "--disable-search-engine-choice-screen",
        // No smooth scrolling (amtsweg.css honours the wish): clicks land where the driver aims.
        "--force-prefers-reduced-motion");
    options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "de-DE,de"));
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(Path.of(chromedriver).toFile())
            .build();
    ChromeDriver driver = new ChromeDriver(service, options);
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
    if (!javaScript) {
      // The pages' scripts are all files (the CSP forbids inline scripts): the browser does not
      // load
      // them, as for a visitor who blocks JavaScript. Chromium's "JavaScript off" setting cannot be
      // used: it also stops the timers axe-core needs when the driver runs it.
      driver.executeCdpCommand("Network.enable", Map.of());
      driver.executeCdpCommand("Network.setBlockedURLs", Map.of("urls", List.of("*.js", "*.js?*")));
    }
    return new AxeBrowser(base, javaScript, driver);
  }

  /** Whether htmx runs on the current page: true with JavaScript on, false with it off. */
  public boolean htmxRuns() {
    return Boolean.TRUE.equals(driver.executeScript("return typeof window.htmx === 'object'"));
  }

  private static String requireExecutable(
      String property, String standardPath, String debianPackage) {
    String path = System.getProperty(property, standardPath);
    if (!Files.isExecutable(Path.of(path))) {
      throw new IllegalStateException(
          "The accessibility tests need a headless Chromium and its driver, but "
              + path
              + " is missing. Install them (Debian: sudo apt-get install -y chromium chromium-driver;"
              + " .ci/run does it) or point -D"
              + property
              + "= to the executable of the package '"
              + debianPackage
              + "'.");
    }
    return path;
  }

  /** Whether the pages' JavaScript runs in this browser. */
  public boolean javaScript() {
    return javaScript;
  }

  /** The Selenium driver, for what this class does not offer. */
  public WebDriver driver() {
    return driver;
  }

  /** Opens a path of the app (or an absolute URL) and waits until the page has loaded. */
  public AxeBrowser open(String pathOrUrl) {
    driver.get(base.resolve(pathOrUrl).toString());
    waitForLoad();
    return this;
  }

  /** The path (with query) of the page the browser shows. */
  public String currentPath() {
    URI current = URI.create(driver.getCurrentUrl());
    return current.getRawPath()
        + (current.getRawQuery() == null ? "" : "?" + current.getRawQuery());
  }

  /** The page's text, to check the test is where it thinks it is. */
  public String text() {
    // The rendered text as the browser lays it out: Selenium's getText takes the content of a
    // closed details element (the header menu, which CSS shows on a wide screen) for hidden.
    // Like getText, non-breaking spaces read as spaces.
    return String.valueOf(driver.executeScript("return document.body.innerText"))
        .replace('\u00a0', ' ');
  }

  /** Whether an element matches the CSS selector on the current page. */
  public boolean has(String cssSelector) {
    return !driver.findElements(By.cssSelector(cssSelector)).isEmpty();
  }

  /**
   * Opens the page and fails with a readable list of every WCAG A/AA violation axe-core finds on
   * it.
   */
  public AxeBrowser assertNoViolations(String pathOrUrl) {
    open(pathOrUrl);
    return assertNoViolations();
  }

  /** Fails with a readable list of every WCAG A/AA violation axe-core finds on the current page. */
  public AxeBrowser assertNoViolations() {
    assertNone(violations(), driver.getCurrentUrl());
    return this;
  }

  /**
   * Opens every page and fails with one readable list of all their violations, so that one run
   * shows everything there is to fix.
   */
  public AxeBrowser assertNoViolationsOn(List<String> pathsOrUrls) {
    List<String> found = new ArrayList<>();
    for (String path : pathsOrUrls) {
      found.addAll(open(path).violations());
    }
    assertNone(found, pathsOrUrls.size() + " pages");
    return this;
  }

  /** Fails with the violations (as {@link #violations()} lists them) if there are any. */
  public void assertNone(List<String> found, String where) {
    if (!found.isEmpty()) {
      throw new AssertionError(
          "axe-core found "
              + found.size()
              + " WCAG A/AA violation(s) on "
              + where
              + (javaScript ? "" : " (JavaScript off)")
              + ":\n"
              + String.join("\n", found));
    }
  }

  /**
   * The WCAG A/AA violations on the current page, one line per rule and element: rule id, impact,
   * what to do, the element's selector and HTML, and the page.
   */
  public List<String> violations() {
    Results results = new AxeBuilder().withTags(WCAG_TAGS).analyze(driver);
    if (results.isErrored()) {
      throw new IllegalStateException(
          "axe-core failed on " + driver.getCurrentUrl() + ": " + results.getErrorMessage());
    }
    List<String> lines = new ArrayList<>();
    if (results.getPasses().isEmpty()) {
      throw new IllegalStateException("axe-core checked nothing on " + driver.getCurrentUrl());
    }
    for (Rule rule : results.getViolations()) {
      for (CheckedNode node : rule.getNodes()) {
        lines.add(
            "- "
                + rule.getId()
                + " ("
                + rule.getImpact()
                + "): "
                + rule.getHelp()
                + "\n    target: "
                + node.getTarget()
                + "\n    html:   "
                + abbreviate(node.getHtml())
                + "\n    why:    "
                + abbreviate(String.valueOf(node.getFailureSummary()).replace('\n', ' '))
                + "\n    page:   "
                + driver.getCurrentUrl()
                + "\n    help:   "
                + rule.getHelpUrl());
      }
    }
    return lines;
  }

  /** Types into the form field with this name (clearing it first). */
  public AxeBrowser fill(String name, String value) {
    WebElement field = driver.findElement(By.name(name));
    field.clear();
    field.sendKeys(value);
    return this;
  }

  /** Ticks the checkbox with this name. */
  public AxeBrowser tick(String name) {
    WebElement box = driver.findElement(By.name(name));
    if (!box.isSelected()) {
      box.click();
    }
    return this;
  }

  /**
   * Sets the size of the browser window in CSS pixels: 320 wide is a phone, and what WCAG 1.4.10
   * (reflow) asks pages to work at.
   */
  public AxeBrowser windowSize(int width, int height) {
    driver.manage().window().setSize(new org.openqa.selenium.Dimension(width, height));
    return this;
  }

  /** Fills the fields of the form that holds the first one and submits it, as a visitor would. */
  public AxeBrowser submit(Map<String, String> fields) {
    WebElement last = null;
    for (Map.Entry<String, String> entry : fields.entrySet()) {
      fill(entry.getKey(), entry.getValue());
      last = driver.findElement(By.name(entry.getKey()));
    }
    if (last == null) {
      throw new IllegalArgumentException("no fields to submit");
    }
    return submit(last.findElement(By.xpath("ancestor::form")));
  }

  /** Submits the form matched by the CSS selector with its submit button, as a visitor would. */
  public AxeBrowser submit(String formSelector) {
    return submit(driver.findElement(By.cssSelector(formSelector)));
  }

  private AxeBrowser submit(WebElement form) {
    List<WebElement> buttons =
        form.findElements(
            By.cssSelector("button[type=submit], button:not([type]), input[type=submit]"));
    if (buttons.isEmpty()) {
      throw new IllegalStateException("the form has no submit button");
    }
    WebElement html = driver.findElement(By.tagName("html"));
    buttons.getFirst().click();
    // Forms are plain HTML forms (htmx only enhances search fields): the click loads a new page.
    new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> isStale(html));
    waitForLoad();
    return this;
  }

  /** Clicks the button or link the CSS selector matches and waits for the page it loads. */
  public AxeBrowser click(String cssSelector) {
    WebElement html = driver.findElement(By.tagName("html"));
    driver.findElement(By.cssSelector(cssSelector)).click();
    new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> isStale(html));
    waitForLoad();
    return this;
  }

  /** Waits until an element matches the CSS selector, e.g. results htmx loads while typing. */
  public AxeBrowser waitFor(String cssSelector) {
    new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> has(cssSelector));
    return this;
  }

  /** Logs in to a Servicekonto through the citizen login form. */
  public AxeBrowser logInCitizen(String email, String password) {
    open("/konto/anmelden");
    submit(Map.of("email", email, "password", password));
    requireLeft("/konto/anmelden", "citizen login of " + email);
    return this;
  }

  /** Signs in as a staff member (or the operator) through the staff login form. */
  public AxeBrowser signInStaff(String username, String password) {
    open("/anmelden");
    submit(Map.of("username", username, "password", password));
    requireLeft("/anmelden", "staff login of " + username);
    return this;
  }

  /** Forgets cookies and session: the browser is a new visitor. */
  public AxeBrowser forgetSession() {
    driver.manage().deleteAllCookies();
    return this;
  }

  private void requireLeft(String loginPath, String what) {
    if (URI.create(driver.getCurrentUrl()).getPath().equals(loginPath)) {
      throw new IllegalStateException(
          what + " failed: still on " + driver.getCurrentUrl() + "\n" + text());
    }
  }

  private static boolean isStale(WebElement element) {
    try {
      element.isEnabled();
      return false;
    } catch (org.openqa.selenium.StaleElementReferenceException e) {
      return true;
    } catch (org.openqa.selenium.WebDriverException e) {
      // Chromium sometimes reports a replaced document this way instead of as a stale element.
      if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
        return true;
      }
      throw e;
    }
  }

  private void waitForLoad() {
    new WebDriverWait(driver, Duration.ofSeconds(20))
        .until(
            d ->
                "complete"
                    .equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
  }

  private static String abbreviate(String text) {
    return text.length() <= 300 ? text : text.substring(0, 300) + "…";
  }

  @Override
  public void close() {
    driver.quit();
  }
}
