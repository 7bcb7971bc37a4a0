package dev.rapport.bench.crash;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Crash test of the file source: replays a JSONL file of posts (every one matching the single rule)
 * into the real application running as a child process on an H2 file database, kills it with
 * SIGKILL at random points (seeded) a number of times, restarts it each time, lets it finish, and
 * then checks on the database file, with the application stopped, that every post is stored as a
 * mention exactly once: the count, the set of native ids, and no duplicates.
 *
 * <p>Usage: {@code CrashBench [--posts N] [--kills N] [--seed N] [--port P] [--stall-seconds S]
 * [--deadline-minutes M]}: a run that stores no post for S seconds (default 300) or overruns M
 * minutes (default 60) fails with a thread dump of the application instead of hanging. The admin
 * password comes from {@code RAPPORT_ADMIN_PASSWORD} (a random one if unset) and is handed to the
 * child in its environment, never on its command line.
 */
public final class CrashBench {

  private static final ObjectMapper JSON = JsonMapper.builder().build();
  static final String NETWORK = "mastodon";
  private static final String H2_OPTIONS =
      ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";

  private final int posts;
  private final int kills;
  private final Random random;
  private final int port;
  private final String password;
  private final Path dir;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final List<String> log = new ArrayList<>();
  private volatile Process current;
  private final Set<String> errorsSeen = new java.util.HashSet<>();
  private final StallWatch watch;

  CrashBench(
      int posts,
      int kills,
      long seed,
      int port,
      String password,
      Path dir,
      Duration stallLimit,
      Duration deadline) {
    this.watch = new StallWatch(stallLimit, deadline);
    this.posts = posts;
    this.kills = kills;
    this.random = new Random(seed);
    this.port = port;
    this.password = password;
    this.dir = dir;
  }

  /** What the check found. */
  record Result(
      int posts,
      int kills,
      long stored,
      long duplicates,
      long missing,
      long unexpected,
      long deadLetters,
      long sourcePostsTotal,
      long sourceMentionsTotal,
      double seconds) {
    boolean exactlyOnce() {
      return stored == posts && duplicates == 0 && missing == 0 && unexpected == 0;
    }

    String line() {
      return "posts=%d kills=%d stored=%d duplicates=%d missing=%d exactly_once=%s"
          .formatted(posts, kills, stored, duplicates, missing, exactlyOnce());
    }
  }

  public static void main(String[] args) throws Exception {
    int posts = Integer.parseInt(arg(args, "--posts", "200000"));
    int kills = Integer.parseInt(arg(args, "--kills", "5"));
    long seed = Long.parseLong(arg(args, "--seed", "20261123"));
    int port = Integer.parseInt(arg(args, "--port", "8186"));
    String out = arg(args, "--out", null);
    Duration stall = Duration.ofSeconds(Long.parseLong(arg(args, "--stall-seconds", "300")));
    Duration deadline = Duration.ofMinutes(Long.parseLong(arg(args, "--deadline-minutes", "60")));
    String password = System.getenv("RAPPORT_ADMIN_PASSWORD");
    if (password == null || password.isBlank()) {
      password = "crash-" + Long.toHexString(new Random().nextLong());
    }
    Path dir = Files.createTempDirectory("rapport-crash");
    CrashBench bench = new CrashBench(posts, kills, seed, port, password, dir, stall, deadline);
    if (out != null) {
      bench.watch.dumpTo(Path.of(out.replace(".txt", "") + "-stall-threads.txt"));
    }
    // never leave a child application behind, whatever happens to this driver
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  Process p = bench.current;
                  if (p != null && p.isAlive()) {
                    p.destroyForcibly();
                  }
                }));
    Result r;
    try {
      r = bench.run();
    } catch (StallWatch.Stalled e) {
      bench.log.add("STALLED: " + e.getMessage());
      bench.log.add("posts=%d kills=%d stalled=true exactly_once=false".formatted(posts, kills));
      System.out.println("STALLED: " + e.getMessage());
      if (out != null) {
        Files.write(Path.of(out), bench.log, StandardCharsets.UTF_8);
      }
      System.out.println("the run's logs are kept in " + dir);
      System.exit(2);
      return;
    }
    List<String> report = new ArrayList<>();
    report.add(
        "Crash test: file replay of %d posts (JSONL, every post matching the one rule), the"
                .formatted(posts)
            + " application killed with SIGKILL %d times at random points (seed %d) and restarted;"
                .formatted(kills, seed)
            + " checked on the H2 file after the last process stopped."
            + " CPU hogs beside it: %s; load at start: %s."
                .formatted(arg(args, "--hog", "0"), loadAverage()));
    report.addAll(bench.log);
    report.add(
        "source counters: posts_total=%d (counts replayed batches again) mentions_total=%d;"
                .formatted(r.sourcePostsTotal(), r.sourceMentionsTotal())
            + " dead letters=%d; unexpected ids=%d; total %.1f s"
                .formatted(r.deadLetters(), r.unexpected(), r.seconds()));
    report.add(r.line());
    for (String l : report.subList(report.size() - 2, report.size())) {
      System.out.println(l);
    }
    if (out != null) {
      Path o = Path.of(out);
      Files.createDirectories(o.toAbsolutePath().getParent());
      Files.write(o, report, StandardCharsets.UTF_8);
    }
    deleteTree(dir);
    System.exit(r.exactlyOnce() ? 0 : 1);
  }

  Result run() throws Exception {
    long start = System.nanoTime();
    Path file = dir.resolve("posts.jsonl");
    Set<String> expected = CrashPosts.write(file, posts, random, NETWORK);
    Path db = dir.resolve("db").resolve("rapport");
    String url = "jdbc:h2:file:" + db.toAbsolutePath() + H2_OPTIONS;

    Process app = start(url, "run-0");
    call("POST", "/api/v1/listening/rules", "{\"name\":\"crash\",\"keywords\":\"crashword\"}");
    JsonNode created =
        call(
            "POST",
            "/api/v1/sources",
            "{\"name\":\"crash file\",\"kind\":\"FILE\",\"pollSeconds\":86400,"
                + "\"config\":{\"path\":\"posts.jsonl\",\"format\":\"jsonl\"}}");
    long id = created.path("source").path("id").asLong();

    for (int k = 1; k <= kills; k++) {
      // a random point in the part still to do, leaving room for the kills after this one
      long done = progress(id);
      long left = posts - done;
      long target = done + 1 + (long) (random.nextDouble() * left / (kills - k + 2));
      while (progress(id) < target) {
        checkStall(id);
        Thread.sleep(10);
      }
      long seen = progress(id);
      Thread.sleep(random.nextInt(250));
      app.destroyForcibly();
      int exit = app.waitFor();
      // 137 = 128 + 9: the JVM died of SIGKILL, no shutdown hook ran
      if (exit != 137) {
        throw new IllegalStateException("kill " + k + ": exit code " + exit + ", not SIGKILL");
      }
      log.add(
          "kill %d: at stored>=%d (target %d), exit code %d (SIGKILL)"
              .formatted(k, seen, target, exit));
      app = start(url, "run-" + k);
      JsonNode s = call("GET", "/api/v1/sources/" + id, null);
      log.add(
          "restart %d: cursor=%s mentionsTotal=%d"
              .formatted(k, s.path("cursor").asString(null), s.path("mentionsTotal").asLong()));
    }
    while (true) {
      JsonNode s = call("GET", "/api/v1/sources/" + id, null);
      String cursor = s.path("cursor").asString(null);
      if (cursor != null
          && Long.parseLong(cursor) >= posts
          && !s.path("lastSuccessAt").isNull()
          && !s.path("lastSuccessAt").isMissingNode()
          && !s.path("running").asBoolean()) {
        break;
      }
      noteError(s);
      progress(id);
      checkStall(id);
      Thread.sleep(50);
    }
    app.destroy();
    log.add("final stop: exit code " + app.waitFor());

    return CrashCheck.check(url, posts, kills, expected, id, start);
  }

  /** Posts stored so far, as the API shows them (mentions counted in the storing transaction). */
  private long progress(long id) throws Exception {
    JsonNode s = call("GET", "/api/v1/sources/" + id, null);
    noteError(s);
    long stored = s.path("mentionsTotal").asLong();
    watch.saw(stored);
    return stored;
  }

  private void checkStall(long id) throws Exception {
    watch.check(
        () -> {
          JsonNode s = call("GET", "/api/v1/sources/" + id, null);
          return "cursor=%s lastError=%s"
              .formatted(s.path("cursor").asString(null), s.path("lastError").asString(""));
        },
        current,
        dir);
  }

  private static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).strip();
    } catch (IOException e) {
      return "unknown";
    }
  }

  /**
   * A failed run is retried by the scheduler (backoff) from the saved cursor; each distinct error
   * is written to the report, since it is part of what the crash test saw.
   */
  private void noteError(JsonNode s) {
    String at = s.path("lastErrorAt").asString(null);
    if (at != null && errorsSeen.add(at)) {
      String msg = s.path("lastError").asString("");
      log.add("source error at %s (retried): %s".formatted(at, msg.replaceAll("\\s+", " ")));
    }
  }

  private Process start(String url, String name) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> cmd =
        List.of(
            java,
            "-Xmx512m",
            "-cp",
            System.getProperty("java.class.path"),
            "dev.rapport.RapportApplication",
            "--server.port=" + port,
            "--spring.datasource.url=" + url,
            "--spring.datasource.username=sa",
            "--rapport.demo=false",
            "--rapport.listening.file-dir=" + dir.toAbsolutePath(),
            "--rapport.listening.tick=100ms",
            "--rapport.listening.backoff-base=1s",
            "--rapport.listening.backoff-max=5s",
            "--logging.level.root=WARN",
            "--spring.main.banner-mode=off");
    try (var probe = new java.net.ServerSocket(port)) {
      // free: the health answers below can only come from the child started here
    } catch (IOException e) {
      throw new IllegalStateException("port " + port + " is already in use", e);
    }
    ProcessBuilder pb = new ProcessBuilder(cmd);
    pb.environment().put("RAPPORT_ADMIN_PASSWORD", password);
    pb.redirectErrorStream(true);
    pb.redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve(name + ".log").toFile()));
    Process p = pb.start();
    current = p;
    long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
    while (System.nanoTime() < deadline) {
      if (!p.isAlive()) {
        throw new IllegalStateException(
            name + " exited with " + p.exitValue() + ":\n" + tail(dir.resolve(name + ".log")));
      }
      try {
        HttpResponse<String> r =
            http.send(
                HttpRequest.newBuilder(URI.create(base() + "/actuator/health")).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() == 200) {
          // the stall clock counts from when the application answers, not from its start
          watch.restarted();
          return p;
        }
      } catch (IOException e) {
        // not listening yet
      }
      Thread.sleep(200);
    }
    p.destroyForcibly();
    throw new IllegalStateException(name + " did not start within 10 minutes");
  }

  private String base() {
    return "http://127.0.0.1:" + port;
  }

  private JsonNode call(String method, String path, String body) throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(base() + path))
            .timeout(Duration.ofSeconds(30))
            .header(
                "Authorization",
                "Basic "
                    + Base64.getEncoder()
                        .encodeToString(("admin:" + password).getBytes(StandardCharsets.UTF_8)))
            .header("Content-Type", "application/json");
    b.method(
        method,
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body));
    HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() >= 300) {
      throw new IllegalStateException(
          method + " " + path + " -> " + r.statusCode() + ": " + r.body());
    }
    return JSON.readTree(r.body());
  }

  private static String tail(Path log) {
    try {
      List<String> lines = Files.readAllLines(log);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    } catch (IOException e) {
      return "(no log)";
    }
  }

  private static void deleteTree(Path root) throws IOException {
    try (var walk = Files.walk(root)) {
      for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  private static String arg(String[] args, String name, String fallback) {
    for (int i = 0; i < args.length - 1; i++) {
      if (args[i].equals(name)) {
        return args[i + 1];
      }
    }
    return fallback;
  }
}
