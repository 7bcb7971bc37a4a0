package dev.rapport.bench.load;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import tools.jackson.databind.JsonNode;

/**
 * Load test: the real application (a child JVM on an H2 file database with the demo workspace) and,
 * in this process, virtual users signed in with their own user (a session for pages, an API token
 * for the API) working person pages, person lists, search and the rule tester, while a background
 * poster sends posts to a webhook source the whole time. Each user also asks for a static file in
 * the same mix: its latency is the baseline the other routes are quoted against.
 *
 * <p>Usage: {@code LoadBench [--minutes M | --quick] [--users N] [--think-ms T] [--port P]
 * [--ingest-per-second R] [--out FILE]}; exits 1 when any request failed (a status other than 2xx
 * or 3xx, or an exception), 2 when the application did not start.
 */
public final class LoadBench {

  public static void main(String[] args) throws Exception {
    boolean quick = has(args, "--quick");
    Duration duration =
        quick
            ? Duration.ofSeconds(60)
            : Duration.ofSeconds((long) (Double.parseDouble(arg(args, "--minutes", "10")) * 60));
    int users = Integer.parseInt(arg(args, "--users", "50"));
    int thinkMs = Integer.parseInt(arg(args, "--think-ms", "500"));
    int port = Integer.parseInt(arg(args, "--port", "8187"));
    int ingestRate = Integer.parseInt(arg(args, "--ingest-per-second", "20"));
    String out = arg(args, "--out", "bench/results/load-" + LocalDate.now(ZoneOffset.UTC) + ".txt");

    Path dir = Files.createTempDirectory("rapport-load");
    String password = "load-" + Long.toHexString(new Random().nextLong());
    LoadApp app = new LoadApp(dir, port, password);
    Runtime.getRuntime().addShutdownHook(new Thread(app::kill));
    Recorder recorder = new Recorder();
    List<String> report = new ArrayList<>();
    try {
      long t0 = System.nanoTime();
      app.start();
      report.add(
          "Load test, %s UTC: %d virtual users for %d s (think time 0-%d ms), ingest %d posts/s"
                  .formatted(
                      LocalDateTime.now(ZoneOffset.UTC).withNano(0),
                      users,
                      duration.toSeconds(),
                      thinkMs,
                      ingestRate)
              + " through a webhook source the whole time.");
      report.add(
          "machine: %d cores, Java %s; application: child JVM -Xmx768m, H2 file database, demo"
                  .formatted(
                      Runtime.getRuntime().availableProcessors(),
                      System.getProperty("java.version"))
              + " workspace; load at start: %s; started in %.1f s."
                  .formatted(loadAverage(), (System.nanoTime() - t0) / 1e9));

      Workspace ws = Workspace.prepare(app, users);
      report.add(
          "workspace: %d persons to open, %d search terms, %d rule queries; %d users, each with"
                  .formatted(ws.personIds().size(), ws.terms().size(), ws.queries().size(), users)
              + " a session (pages) and an API token (API).");

      long mentionsBefore = ws.mentions(app);
      AtomicBoolean running = new AtomicBoolean(true);
      Poster poster = new Poster(app, ws.webhookToken(), ingestRate, recorder, running);
      Thread posterThread = new Thread(poster, "ingest-poster");
      posterThread.start();
      CountDownLatch done = new CountDownLatch(users);
      long end = System.nanoTime() + duration.toNanos();
      for (int i = 0; i < users; i++) {
        VirtualUser vu = new VirtualUser(app, ws, ws.users().get(i), thinkMs, recorder, i);
        Thread t =
            new Thread(
                () -> {
                  try {
                    vu.work(end);
                  } finally {
                    done.countDown();
                  }
                },
                "vu-" + i);
        t.start();
      }
      done.await();
      running.set(false);
      posterThread.join(30_000);
      Thread.sleep(2000);
      report.add(
          "ingest: %d posts accepted by the webhook in %d requests, %d of the posts sent match the"
                  .formatted(poster.posts(), poster.requests(), poster.matching())
              + " rule; mentions stored during the run: %d (2 s after the last batch)"
                  .formatted(ws.mentions(app) - mentionsBefore));
      report.add("");
      report.addAll(recorder.table());
      report.add("");
      report.add(recorder.verdict());
    } catch (LoadApp.StartFailed e) {
      System.err.println(e.getMessage());
      System.exit(2);
    } finally {
      app.kill();
    }
    report.forEach(System.out::println);
    Path o = Path.of(out);
    Files.createDirectories(o.toAbsolutePath().getParent());
    Files.write(o, report, StandardCharsets.UTF_8);
    System.out.println("written to " + o);
    deleteTree(dir);
    System.exit(recorder.errors() == 0 ? 0 : 1);
  }

  static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).strip();
    } catch (IOException e) {
      return "unknown";
    }
  }

  private static boolean has(String[] args, String name) {
    for (String a : args) {
      if (a.equals(name)) {
        return true;
      }
    }
    return false;
  }

  private static String arg(String[] args, String name, String fallback) {
    for (int i = 0; i < args.length - 1; i++) {
      if (args[i].equals(name)) {
        return args[i + 1];
      }
    }
    return fallback;
  }

  private static void deleteTree(Path root) throws IOException {
    try (var walk = Files.walk(root)) {
      for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  static boolean portFree(int port) {
    try (var probe = new ServerSocket(port)) {
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  static HttpResponse<String> send(HttpClient http, HttpRequest request) throws Exception {
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }

  static URI uri(int port, String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }

  static JsonNode json(String body) {
    return LoadApp.JSON.readTree(body);
  }
}
