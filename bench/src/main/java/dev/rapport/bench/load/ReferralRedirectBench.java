package dev.rapport.bench.load;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;

/**
 * The referral redirect under a steady open-loop rate: the real application in a child JVM (H2 file
 * database, demo workspace), requests sent at a fixed rate on loopback whatever the answers do,
 * each latency measured from the moment it was due (so a stall counts for every request it held
 * back). Phases in one run: a static file (the baseline), then GET /r/{code} of a demo referral
 * link (each request records a click, checked against the code's click count afterwards), then an
 * unknown code (404 page).
 *
 * <p>Usage: ReferralRedirectBench [--rate R] [--seconds S] [--warmup S] [--port P] [--out FILE]
 */
public final class ReferralRedirectBench {

  private ReferralRedirectBench() {}

  record Phase(String name, String path, int expectedStatus) {}

  record Result(Phase phase, int requests, int errors, long[] micros) {
    double pct(double p) {
      if (micros.length == 0) {
        return Double.NaN;
      }
      int i = (int) Math.ceil(p / 100.0 * micros.length) - 1;
      return micros[Math.max(0, Math.min(micros.length - 1, i))] / 1000.0;
    }
  }

  public static void main(String[] args) throws Exception {
    int rate = 200;
    int seconds = 60;
    int warmup = 15;
    int port = 18_091;
    Path out = Path.of("bench/results/referral-redirect.md");
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--rate" -> rate = Integer.parseInt(args[++i]);
        case "--seconds" -> seconds = Integer.parseInt(args[++i]);
        case "--warmup" -> warmup = Integer.parseInt(args[++i]);
        case "--port" -> port = Integer.parseInt(args[++i]);
        case "--out" -> out = Path.of(args[++i]);
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    Path dir = Files.createTempDirectory("rapport-redirect-bench");
    LoadApp app = new LoadApp(dir, port, "bench-admin-password-" + System.nanoTime());
    long started = System.nanoTime();
    app.start();
    double startSeconds = (System.nanoTime() - started) / 1e9;
    boolean passed = false;
    try {
      String code = demoCode(app);
      double settled = settle(app);
      long clicksBefore = clicks(app, code);
      List<Phase> phases =
          List.of(
              new Phase("GET /css/rapport.css (baseline: static file)", "/css/rapport.css", 200),
              new Phase("GET /r/{code} (referral redirect, records a click)", "/r/" + code, 302),
              new Phase("GET /r/{unknown} (unknown code, 404 page)", "/r/nosuchcode42", 404),
              new Phase(
                  "GET /css/rapport.css (baseline again, after the redirects)",
                  "/css/rapport.css",
                  200));
      HttpClient http =
          HttpClient.newBuilder()
              .followRedirects(HttpClient.Redirect.NEVER)
              .version(HttpClient.Version.HTTP_1_1)
              .connectTimeout(Duration.ofSeconds(5))
              .executor(Executors.newFixedThreadPool(8))
              .build();
      List<Result> results = new ArrayList<>();
      for (Phase p : phases) {
        run(http, port, p, rate, warmup); // warm-up, not recorded
        results.add(run(http, port, p, rate, seconds));
      }
      long clicksAfter = clicks(app, code);
      // every redirect request of both the warm-up and the measured phase must have left a click
      int redirectRequests = rate * (warmup + seconds);
      String load = Files.readString(Path.of("/proc/loadavg")).strip();
      StringBuilder md = new StringBuilder();
      md.append("# Referral redirect: latency at a steady rate\n\n")
          .append("Run ")
          .append(Instant.now().truncatedTo(ChronoUnit.SECONDS))
          .append(" with `bench/referral-redirect.sh`")
          .append(
              String.format(
                  Locale.ROOT, " (--rate %d --seconds %d --warmup %d).%n%n", rate, seconds, warmup))
          .append("- machine: ")
          .append(Runtime.getRuntime().availableProcessors())
          .append(" cores, Java ")
          .append(System.getProperty("java.version"))
          .append(", load average at the end: ")
          .append(load)
          .append(" (the machine is shared with other agents' builds)\n")
          .append(
              "- application: child JVM -Xmx768m, H2 file database, demo workspace; started in ")
          .append(String.format(Locale.ROOT, "%.1f s%n", startSeconds))
          .append(
              String.format(
                  Locale.ROOT,
                  "- the demo's sample corpus replay had settled (no new mention for 10 s) %.0f s"
                      + " after the start, before the first phase%n",
                  settled))
          .append("- load: open loop, ")
          .append(rate)
          .append(" requests/s on loopback per phase, ")
          .append(warmup)
          .append(" s warm-up then ")
          .append(seconds)
          .append(" s measured; latency counted from when each request was due\n")
          .append("- clicks recorded on the code: ")
          .append(clicksAfter - clicksBefore)
          .append(" for ")
          .append(redirectRequests)
          .append(" redirect requests sent\n\n")
          .append(
              "| route | requests | errors | p50 ms | p95 ms | p99 ms | max ms | p99 ÷ baseline |\n")
          .append("|---|---:|---:|---:|---:|---:|---:|---:|\n");
      double base = results.get(0).pct(99);
      for (Result r : results) {
        md.append(
            String.format(
                Locale.ROOT,
                "| %s | %d | %d | %.2f | %.2f | %.2f | %.2f | %.2f |%n",
                r.phase().name(),
                r.requests(),
                r.errors(),
                r.pct(50),
                r.pct(95),
                r.pct(99),
                r.pct(100),
                r.pct(99) / base));
      }
      Result redirect = results.get(1);
      boolean ok =
          redirect.errors() == 0
              && redirect.pct(99) < 20.0
              && clicksAfter - clicksBefore == redirectRequests;
      md.append("\n")
          .append(
              String.format(
                  Locale.ROOT,
                  "redirect_p99_ms=%.2f target_ms=20 clicks_match=%s within_target=%s%n",
                  redirect.pct(99),
                  clicksAfter - clicksBefore == redirectRequests,
                  ok));
      Files.createDirectories(out.toAbsolutePath().getParent());
      Files.writeString(out, md.toString());
      System.out.print(md);
      passed = ok;
    } finally {
      app.kill(); // before any exit, so the child JVM never outlives the run
    }
    if (!passed) {
      System.exit(1);
    }
  }

  /** A live referral code of the demo workspace (waits for the demo data). */
  static String demoCode(LoadApp app) throws Exception {
    long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
    while (System.nanoTime() < deadline) {
      JsonNode items = app.admin("GET", "/api/v1/referrals?size=50", null).get("items");
      for (JsonNode c : items) {
        if (c.get("revokedAt").isNull()) {
          return c.get("code").asString();
        }
      }
      Thread.sleep(1000);
    }
    throw new IllegalStateException("the demo workspace has no referral code after 3 minutes");
  }

  /**
   * Waits until the demo's background work (the sample corpus replayed through ingest) is done: no
   * new mention for 10 s, at most 5 minutes. Returns the seconds waited.
   */
  static double settle(LoadApp app) throws Exception {
    long start = System.nanoTime();
    long deadline = start + Duration.ofMinutes(5).toNanos();
    long last = -1;
    long stableSince = System.nanoTime();
    while (System.nanoTime() < deadline) {
      long now = app.admin("GET", "/api/v1/ingest/stats", null).get("mentions").asLong();
      if (now != last) {
        last = now;
        stableSince = System.nanoTime();
      } else if (System.nanoTime() - stableSince > Duration.ofSeconds(10).toNanos()) {
        break;
      }
      Thread.sleep(1000);
    }
    return (System.nanoTime() - start) / 1e9;
  }

  static long clicks(LoadApp app, String code) throws Exception {
    return app.admin("GET", "/api/v1/referrals/" + code, null).get("code").get("clicks").asLong();
  }

  /** Sends {@code rate} requests a second for {@code seconds}, open loop; the latencies sorted. */
  static Result run(HttpClient http, int port, Phase phase, int rate, int seconds)
      throws Exception {
    int total = rate * seconds;
    long[] micros = new long[total];
    AtomicInteger errors = new AtomicInteger();
    AtomicInteger done = new AtomicInteger();
    HttpRequest request =
        HttpRequest.newBuilder(LoadBench.uri(port, phase.path()))
            .timeout(Duration.ofSeconds(10))
            .header("User-Agent", "rapport-bench")
            .GET()
            .build();
    ExecutorService senders = Executors.newFixedThreadPool(32);
    long intervalNanos = 1_000_000_000L / rate;
    long start = System.nanoTime() + 50_000_000L;
    for (int i = 0; i < total; i++) {
      long due = start + i * intervalNanos;
      long wait = due - System.nanoTime();
      if (wait > 0) {
        TimeUnit.NANOSECONDS.sleep(wait);
      }
      int slot = i;
      senders.execute(
          () -> {
            try {
              HttpResponse<Void> r = http.send(request, HttpResponse.BodyHandlers.discarding());
              if (r.statusCode() != phase.expectedStatus()) {
                errors.incrementAndGet();
              }
            } catch (Exception e) {
              errors.incrementAndGet();
            } finally {
              micros[slot] = (System.nanoTime() - due) / 1000;
              done.incrementAndGet();
            }
          });
    }
    senders.shutdown();
    senders.awaitTermination(2, TimeUnit.MINUTES);
    long[] sorted = Arrays.copyOf(micros, done.get() == total ? total : done.get());
    Arrays.sort(sorted);
    return new Result(phase, total, errors.get(), sorted);
  }
}
