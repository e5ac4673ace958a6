package de.amtsweg.einvoice;

import com.helger.diver.api.coord.DVRCoordinate;
import com.helger.phive.api.execute.ValidationExecutionManager;
import com.helger.phive.api.executorset.ValidationExecutorSetRegistry;
import com.helger.phive.api.validity.IValidityDeterminator;
import com.helger.phive.en16931.EN16931Validation;
import com.helger.phive.xml.source.IValidationSourceXML;
import com.helger.phive.xml.source.ValidationSourceXML;
import com.helger.phive.xrechnung.XRechnungValidation;
import de.amtsweg.AmtswegApplication;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntPredicate;
import javax.xml.parsers.DocumentBuilderFactory;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.json.JsonMapper;

/**
 * E-Rechnung benchmark (not a test; bench/einvoice.sh): invoices per second and agreement with the
 * reference verdicts on the shared files, in one run, for
 *
 * <ol>
 *   <li>the bare phive library (DOM parse + XRechnung 3.0.2 executor set, no Amtsweg code),
 *   <li>Amtsweg's {@link InvoiceValidator} (hardened parse, scenario choice, overrides, report),
 *   <li>the API {@code POST /api/v1/einvoices} (in-process server, demo data, token of
 *       lieferant-demo),
 * </ol>
 *
 * each on one thread and on all cores, after a warm-up, and then ({@code interleaved}) all layers
 * on one thread taking turns on every file, the comparison that holds on a busy machine. Mustang
 * runs in its own JVM (bench/einvoice-mustang). Phases: {@code
 * -Dbench.phases=bare,validator,service,api,interleaved,fixed}.
 */
public final class EinvoiceBenchmark {

  private static final ValidationExecutorSetRegistry<IValidationSourceXML> REGISTRY =
      new ValidationExecutorSetRegistry<>();

  private static final ThreadLocal<javax.xml.parsers.DocumentBuilder> BUILDERS =
      ThreadLocal.withInitial(
          () -> {
            try {
              DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
              factory.setNamespaceAware(true);
              return factory.newDocumentBuilder();
            } catch (javax.xml.parsers.ParserConfigurationException e) {
              throw new IllegalStateException(e);
            }
          });

  private EinvoiceBenchmark() {}

  public static void main(String[] args) throws Exception {
    // phive logs every Schematron run at INFO; before Spring configures logging (com.helger=warn in
    // application.properties) that would go to the console and slow the library phases down.
    ((ch.qos.logback.classic.Logger)
            org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
        .setLevel(ch.qos.logback.classic.Level.WARN);
    int passes = Integer.getInteger("bench.passes", 2);
    Set<String> phases =
        Set.of(
            System.getProperty("bench.phases", "bare,validator,service,api,interleaved")
                .split(","));
    int threads = Runtime.getRuntime().availableProcessors();
    XRechnungManifest manifest = XRechnungManifest.load();
    List<XRechnungManifest.Entry> entries = manifest.entries();
    List<byte[]> contents = entries.stream().map(e -> e.content(manifest.folder())).toList();
    EN16931Validation.initEN16931(REGISTRY);
    XRechnungValidation.initXRechnung(REGISTRY);
    InvoiceValidator validator = new InvoiceValidator();
    System.out.printf(
        Locale.ROOT, "%d files, %d passes per phase, %d cores%n", entries.size(), passes, threads);

    IntPredicate bare = i -> bare(contents.get(i));
    IntPredicate amtsweg = i -> validator.validate(contents.get(i)).valid();
    // A full pass each: every rule set (UBL Invoice, CreditNote, CII, Extension) is compiled before
    // measuring.
    if (!phases.equals(Set.of("fixed"))) {
      warmUp(bare, contents.size(), contents.size());
      warmUp(amtsweg, contents.size(), contents.size());
    }
    double bare1 =
        phases.contains("bare")
            ? phase("phive (bare library)", 1, passes, entries, bare)
            : Double.NaN;
    double amtsweg1 =
        phases.contains("validator")
            ? phase("Amtsweg InvoiceValidator", 1, passes, entries, amtsweg)
            : Double.NaN;
    IntPredicate virtual =
        i -> {
          boolean[] valid = new boolean[1];
          try {
            Thread.ofVirtual()
                .start(() -> valid[0] = validator.validate(contents.get(i)).valid())
                .join();
          } catch (InterruptedException e) {
            throw new IllegalStateException(e);
          }
          return valid[0];
        };
    double virtual1 =
        phases.contains("virtual")
            ? phase("validator, new virtual thread each", 1, passes, entries, virtual)
            : Double.NaN;
    double bareN =
        phases.contains("bare")
            ? phase("phive (bare library)", threads, passes, entries, bare)
            : Double.NaN;
    double amtswegN =
        phases.contains("validator")
            ? phase("Amtsweg InvoiceValidator", threads, passes, entries, amtsweg)
            : Double.NaN;

    List<String> appArgs =
        new ArrayList<>(
            List.of(
                "--server.port=0",
                "--amtsweg.data-dir=target/bench-einvoice-data",
                "--spring.profiles.active=demo",
                "--amtsweg.demo.password=Bench-Passwort-2026",
                "--logging.level.root=WARN",
                "--spring.main.banner-mode=off"));
    // e.g. -Dbench.app-args=--spring.threads.virtual.enabled=false to compare settings
    for (String arg : System.getProperty("bench.app-args", "").split(" ")) {
      if (!arg.isBlank()) {
        appArgs.add(arg);
      }
    }
    try (ConfigurableApplicationContext app =
        new SpringApplicationBuilder(AmtswegApplication.class)
            .run(appArgs.toArray(String[]::new))) {
      String base = "http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port");
      HttpClient http = HttpClient.newHttpClient();
      String token = token(http, base);
      JsonMapper json = JsonMapper.builder().build();
      // HttpURLConnection (kept-alive connections): a plain blocking client, so that the client's
      // own
      // threads take as little as possible from the two cores the server runs on.
      IntPredicate api = i -> postInvoice(base, token, contents.get(i), json);
      // The service without HTTP: validation, routing, duplicate check, storing (splits the API's
      // cost).
      Einvoices einvoices = app.getBean(Einvoices.class);
      Einvoices.Submitter submitter =
          new Einvoices.Submitter(Einvoices.Channel.API, organisation(token), "lieferant-demo");
      IntPredicate service = i -> einvoices.submit(submitter, contents.get(i)).valid();
      if (!phases.equals(Set.of("fixed"))) {
        // The request path (Tomcat, Spring, Jackson, JDBC) runs once per invoice, so unlike Saxon's
        // inner loops it needs thousands of invoices before the JIT has fully compiled it (C2 after
        // about 5,000 calls); measured with 60 it looked twice as expensive as it is.
        int requests = Integer.getInteger("bench.warmup-requests", 6000);
        for (int n = 0; n < requests; n++) {
          exercise(api, n % contents.size());
          exercise(service, n % contents.size());
        }
      }
      double service1 =
          phases.contains("service")
              ? phase("Einvoices.submit (no HTTP)", 1, passes, entries, service)
              : Double.NaN;
      double serviceN =
          phases.contains("service")
              ? phase("Einvoices.submit (no HTTP)", threads, passes, entries, service)
              : Double.NaN;
      double api1 =
          phases.contains("api")
              ? phase("API POST /api/v1/einvoices", 1, passes, entries, api)
              : Double.NaN;
      double apiN =
          phases.contains("api")
              ? phase("API POST /api/v1/einvoices", threads, passes, entries, api)
              : Double.NaN;
      if (phases.contains("fixed")) {
        fixedCost(contents, entries, validator, service, api);
      }
      if (phases.contains("interleaved")) {
        Map<String, IntPredicate> layers = new java.util.LinkedHashMap<>();
        layers.put("phive (bare library)", bare);
        layers.put("Amtsweg InvoiceValidator", amtsweg);
        layers.put("Einvoices.submit (no HTTP)", service);
        layers.put("API POST /api/v1/einvoices", api);
        interleaved(passes, entries, layers);
      }
      overhead("Amtsweg validator", bare1, amtsweg1, bareN, amtswegN, threads);
      overhead("Einvoices.submit", bare1, service1, bareN, serviceN, threads);
      overhead("API", bare1, api1, bareN, apiN, threads);
    }
  }

  /**
   * The fixed cost per invoice of each layer, on one thread: the same small invoice (the smallest
   * valid file) 300 times through the validator, the service and the API; mean milliseconds.
   */
  private static void fixedCost(
      List<byte[]> contents,
      List<XRechnungManifest.Entry> entries,
      InvoiceValidator validator,
      IntPredicate service,
      IntPredicate api) {
    int smallest = 0;
    for (int i = 0; i < contents.size(); i++) {
      if (entries.get(i).valid()
          && (!entries.get(smallest).valid()
              || contents.get(i).length < contents.get(smallest).length)) {
        smallest = i;
      }
    }
    int n = smallest;
    IntPredicate bare = i -> bare(contents.get(n));
    IntPredicate amtsweg = i -> validator.validate(contents.get(n)).valid();
    for (var layer :
        List.of(
            Map.entry("bare library", bare),
            Map.entry("validator", amtsweg),
            Map.entry("Einvoices.submit", (IntPredicate) i -> service.test(n)),
            Map.entry("API", (IntPredicate) i -> api.test(n)))) {
      warmUp(layer.getValue(), 100, 100);
      long start = System.nanoTime();
      for (int i = 0; i < 300; i++) {
        exercise(layer.getValue(), i);
      }
      System.out.printf(
          Locale.ROOT,
          "  fixed cost, %s (%s, %d bytes): %.2f ms%n",
          layer.getKey(),
          entries.get(n).file(),
          contents.get(n).length,
          (System.nanoTime() - start) / 1e6 / 300);
    }
  }

  /**
   * One thread; the layers take turns on every file (each file starts with another layer), so load
   * that comes and goes on a shared machine hits all layers alike and the ratios hold.
   */
  private static void interleaved(
      int passes, List<XRechnungManifest.Entry> entries, Map<String, IntPredicate> layers) {
    List<String> names = List.copyOf(layers.keySet());
    long[] nanos = new long[names.size()];
    long[] cpu = new long[names.size()];
    int[] agree = new int[names.size()];
    var os =
        (com.sun.management.OperatingSystemMXBean)
            java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    for (int pass = 0; pass < passes; pass++) {
      for (int i = 0; i < entries.size(); i++) {
        for (int k = 0; k < names.size(); k++) {
          int layer = (i + k) % names.size();
          long cpuStart = os.getProcessCpuTime();
          long start = System.nanoTime();
          boolean valid = layers.get(names.get(layer)).test(i);
          nanos[layer] += System.nanoTime() - start;
          cpu[layer] += os.getProcessCpuTime() - cpuStart;
          agree[layer] += valid == entries.get(i).valid() ? 1 : 0;
        }
      }
    }
    int total = entries.size() * passes;
    for (int k = 0; k < names.size(); k++) {
      System.out.printf(
          Locale.ROOT,
          "interleaved, 1 thread: %-28s %6.1f invoices/s, agreement %d/%d, overhead over the bare library %+.0f %%,"
              + " %.1f ms wall and %.1f ms CPU of this JVM per invoice%n",
          names.get(k),
          total / (nanos[k] / 1e9),
          agree[k],
          total,
          100.0 * ((double) nanos[k] / nanos[0] - 1),
          nanos[k] / 1e6 / total,
          cpu[k] / 1e6 / total);
    }
  }

  private static void overhead(
      String what, double bare1, double rate1, double bareN, double rateN, int threads) {
    System.out.printf(
        Locale.ROOT,
        "%s overhead over the bare library: %.0f %% (1 thread), %.0f %% (%d threads)%n",
        what,
        100 * (bare1 / rate1 - 1),
        100 * (bareN / rateN - 1),
        threads);
  }

  /** The organisation claim of the access token (the demo supplier's organisation). */
  private static java.util.UUID organisation(String token) {
    String payload =
        new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
    return java.util.UUID.fromString(
        JsonMapper.builder().build().readTree(payload).path("organisation").asString());
  }

  /** The bare library: parse, pick the 3.0.2 executor set by CustomizationID, validate. */
  private static boolean bare(byte[] content) {
    try {
      var document = BUILDERS.get().parse(new ByteArrayInputStream(content));
      String root = document.getDocumentElement().getLocalName();
      String text = new String(content, StandardCharsets.UTF_8);
      boolean extension =
          text.contains("#conformant#urn:xeinkauf.de:kosit:extension:xrechnung_3.0");
      boolean xr3 = text.contains("urn:xeinkauf.de:kosit:xrechnung_3.0");
      if (!xr3) {
        return false;
      }
      DVRCoordinate id =
          switch (root) {
            case "Invoice" ->
                extension
                    ? XRechnungValidation.VID_XRECHNUNG_EXTENSION_UBL_INVOICE_302
                    : XRechnungValidation.VID_XRECHNUNG_UBL_INVOICE_302;
            case "CreditNote" -> XRechnungValidation.VID_XRECHNUNG_UBL_CREDITNOTE_302;
            default ->
                extension
                    ? XRechnungValidation.VID_XRECHNUNG_EXTENSION_CII_302
                    : XRechnungValidation.VID_XRECHNUNG_CII_302;
          };
      return ValidationExecutionManager.executeValidation(
              IValidityDeterminator.createDefault(),
              REGISTRY.getOfID(id),
              ValidationSourceXML.create("invoice.xml", document),
              Locale.GERMAN)
          .containsNoError();
    } catch (Exception e) {
      return false;
    }
  }

  private static void warmUp(IntPredicate work, int size, int count) {
    for (int i = 0; i < Math.min(size, count); i++) {
      exercise(work, i);
    }
  }

  // Warm-ups and timing loops measure the work's cost; its answer does not matter there.
  @SuppressWarnings("ReturnValueIgnored")
  private static void exercise(IntPredicate work, int i) {
    work.test(i);
  }

  /**
   * Runs all files {@code passes} times on {@code threads} threads; prints and returns invoices/s.
   */
  private static double phase(
      String name,
      int threads,
      int passes,
      List<XRechnungManifest.Entry> entries,
      IntPredicate work)
      throws Exception {
    int total = entries.size() * passes;
    AtomicInteger next = new AtomicInteger();
    AtomicInteger agree = new AtomicInteger();
    long start = System.nanoTime();
    try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        futures.add(
            pool.submit(
                () -> {
                  for (int n = next.getAndIncrement(); n < total; n = next.getAndIncrement()) {
                    int i = n % entries.size();
                    if (work.test(i) == entries.get(i).valid()) {
                      agree.incrementAndGet();
                    }
                  }
                }));
      }
      for (Future<?> f : futures) {
        f.get();
      }
    }
    double rate = total / ((System.nanoTime() - start) / 1e9);
    System.out.printf(
        Locale.ROOT,
        "%-32s %2d thread(s): %6.1f invoices/s, agreement %.1f %% (%d/%d)%n",
        name,
        threads,
        rate,
        100.0 * agree.get() / total,
        agree.get(),
        total);
    return rate;
  }

  private static String token(HttpClient http, String base) {
    String basic =
        Base64.getEncoder()
            .encodeToString("lieferant-demo:Bench-Passwort-2026".getBytes(StandardCharsets.UTF_8));
    HttpResponse<String> r =
        send(
            http,
            HttpRequest.newBuilder(URI.create(base + "/oauth2/token"))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "grant_type=client_credentials&scope=rechnungen.senden"))
                .build());
    return JsonMapper.builder().build().readTree(r.body()).path("access_token").asString();
  }

  private static boolean postInvoice(String base, String token, byte[] invoice, JsonMapper json) {
    try {
      var connection =
          (java.net.HttpURLConnection)
              URI.create(base + "/api/v1/einvoices").toURL().openConnection();
      connection.setRequestMethod("POST");
      connection.setDoOutput(true);
      connection.setFixedLengthStreamingMode(invoice.length);
      connection.setRequestProperty("Authorization", "Bearer " + token);
      connection.setRequestProperty("Content-Type", "application/xml");
      try (var out = connection.getOutputStream()) {
        out.write(invoice);
      }
      int status = connection.getResponseCode();
      try (var in = status < 400 ? connection.getInputStream() : connection.getErrorStream()) {
        byte[] body = in.readAllBytes();
        return status == 201 && json.readTree(body).path("valid").asBoolean();
      }
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static HttpResponse<String> send(HttpClient http, HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
