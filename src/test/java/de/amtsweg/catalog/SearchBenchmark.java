package de.amtsweg.catalog;

import de.amtsweg.AmtswegApplication;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Benchmark of the service search (not a test): the app on this machine, 32 concurrent clients for
 * 30 s on the query mix of {@code bench/search-queries.txt}, against the HTTP API and, in the same
 * run, against the SQL behind it. Run with {@code bench/search.sh}.
 */
public final class SearchBenchmark {

  private static final int CLIENTS = Integer.getInteger("bench.clients", 32);
  private static final Duration MEASURE =
      Duration.ofSeconds(Integer.getInteger("bench.seconds", 30));
  private static final Duration WARM_UP = Duration.ofSeconds(5);
  private static final List<String> PLACES =
      List.of("160510000000", "160530000000", "160675007022", "160670029029", "160675050044");

  private SearchBenchmark() {}

  public static void main(String[] args) throws Exception {
    List<String> queries =
        Files.readAllLines(Path.of("bench/search-queries.txt"), StandardCharsets.UTF_8).stream()
            .filter(line -> !line.isBlank() && !line.startsWith("#"))
            .toList();
    System.out.println("== Search result cache OFF (amtsweg.catalog.search-cache-size=0)");
    benchmark(queries, 0);
    System.out.println();
    System.out.println("== Search result cache ON (default)");
    benchmark(queries, 10_000);
  }

  private static void benchmark(List<String> queries, int cacheSize) throws Exception {
    try (ConfigurableApplicationContext app =
        new SpringApplicationBuilder(AmtswegApplication.class)
            .run(
                "--server.port=0",
                "--amtsweg.data-dir=target/bench-data",
                "--amtsweg.catalog.search-cache-size=" + cacheSize,
                "--logging.level.root=WARN",
                "--spring.main.banner-mode=off")) {
      String base = "http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port");
      ServiceSearch search = app.getBean(ServiceSearch.class);
      HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
      List<URI> plain =
          queries.stream()
              .map(q -> URI.create(base + "/api/v1/services?limit=10&q=" + encode(q)))
              .toList();
      List<URI> withPlace = new ArrayList<>();
      for (int i = 0; i < queries.size(); i++) {
        withPlace.add(
            URI.create(
                base
                    + "/api/v1/services?limit=10&ars="
                    + PLACES.get(i % PLACES.size())
                    + "&q="
                    + encode(queries.get(i))));
      }
      List<QueryPlan> plans = queries.stream().map(search::plan).filter(p -> !p.isEmpty()).toList();

      System.out.printf(
          Locale.ROOT,
          "%d queries, %d clients, %d s per phase, %d cores%n",
          queries.size(),
          CLIENTS,
          MEASURE.toSeconds(),
          Runtime.getRuntime().availableProcessors());
      Result api =
          run("API  GET /api/v1/services?q=…", i -> get(http, plain.get(i % plain.size())));
      Result apiPlace =
          run(
              "API  GET /api/v1/services?q=…&ars=…",
              i -> get(http, withPlace.get(i % withPlace.size())));
      Result sql =
          run(
              "SQL  search query over JDBC (same plans)",
              i -> search.candidates(plans.get(i % plans.size()), 10));
      Result apiSingle = runWith(1, "API  one client", i -> get(http, plain.get(i % plain.size())));
      Result sqlSingle =
          runWith(1, "SQL  one client", i -> search.candidates(plans.get(i % plans.size()), 10));
      System.out.printf(
          Locale.ROOT,
          "%nratio API p50 / SQL p50: %.2f (32 clients), %.2f (one client)%n",
          api.p50() / sql.p50(),
          apiSingle.p50() / sqlSingle.p50());
      System.out.printf(
          Locale.ROOT,
          "goals: >= 1000 req/s %s, p95 <= 25 ms %s, API p50 <= 3x SQL p50 %s%n",
          api.throughput() >= 1000 ? "met" : "NOT met",
          api.p95() <= 25 ? "met" : "NOT met",
          api.p50() <= 3 * sql.p50() ? "met" : "NOT met");
    }
  }

  private static void get(HttpClient http, URI uri) {
    try {
      HttpResponse<Void> response =
          http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.discarding());
      if (response.statusCode() != 200) {
        throw new IllegalStateException(uri + " answered " + response.statusCode());
      }
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static Result run(String name, IntConsumer action) throws InterruptedException {
    return runWith(CLIENTS, name, action);
  }

  private static Result runWith(int clients, String name, IntConsumer action)
      throws InterruptedException {
    measure(clients, WARM_UP, action);
    long[][] latencies = measure(clients, MEASURE, action);
    long[] all = Arrays.stream(latencies).flatMapToLong(Arrays::stream).sorted().toArray();
    Result result =
        new Result(
            all.length / (double) MEASURE.toSeconds(),
            percentile(all, 50),
            percentile(all, 95),
            percentile(all, 99));
    System.out.printf(
        Locale.ROOT,
        "%-44s %8.0f req/s   p50 %6.2f ms   p95 %6.2f ms   p99 %6.2f ms%n",
        name + " (" + clients + ")",
        result.throughput(),
        result.p50(),
        result.p95(),
        result.p99());
    return result;
  }

  private static long[][] measure(int clients, Duration duration, IntConsumer action)
      throws InterruptedException {
    long[][] latencies = new long[clients][];
    AtomicInteger counter = new AtomicInteger();
    long end = System.nanoTime() + duration.toNanos();
    Thread[] threads = new Thread[clients];
    for (int t = 0; t < clients; t++) {
      int slot = t;
      threads[t] =
          Thread.ofPlatform()
              .start(
                  () -> {
                    long[] samples = new long[1024];
                    int n = 0;
                    while (System.nanoTime() < end) {
                      int i = counter.getAndIncrement();
                      long start = System.nanoTime();
                      action.accept(i);
                      if (n == samples.length) {
                        samples = Arrays.copyOf(samples, n * 2);
                      }
                      samples[n++] = System.nanoTime() - start;
                    }
                    latencies[slot] = Arrays.copyOf(samples, n);
                  });
    }
    for (Thread thread : threads) {
      thread.join();
    }
    return latencies;
  }

  private static double percentile(long[] sorted, int percent) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    int index = (int) Math.ceil(percent / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, index)] / 1_000_000.0;
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private record Result(double throughput, double p50, double p95, double p99) {}
}
