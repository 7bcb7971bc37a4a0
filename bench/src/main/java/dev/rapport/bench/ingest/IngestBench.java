package dev.rapport.bench.ingest;

import dev.rapport.RapportApplication;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import javax.sql.DataSource;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sustained ingest from the file source through classification (10,000 interim keyword rules) and
 * storage, in one process: posts per second, post-to-mention latency p50/p99, and whether every
 * matched post was stored exactly once. Baseline, same process and input: reading and parsing the
 * same file with Jackson alone.
 */
public final class IngestBench {

  private static final String PASSWORD = "bench-" + Long.toHexString(new Random().nextLong());
  private static final ObjectMapper JSON = JsonMapper.builder().build();

  /**
   * The Authorization header of every call after the first: a bearer token, so that polling the
   * source's cursor does not cost a bcrypt hash per request on the cores being measured.
   */
  private static String authorization =
      "Basic "
          + Base64.getEncoder()
              .encodeToString(("admin:" + PASSWORD).getBytes(StandardCharsets.UTF_8));

  /** The options of Rapport's default H2 URL (application.properties). */
  private static final String H2_OPTIONS =
      ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";

  public static void main(String[] args) throws Exception {
    boolean quick = List.of(args).contains("--quick");
    // H2 on a file, as Rapport's embedded default runs; --h2-mem is the in-memory variant
    String db = List.of(args).contains("--h2-mem") ? "h2-mem" : arg(args, "--db", "h2");
    int posts = Integer.parseInt(arg(args, "--posts", quick ? "50000" : "200000"));
    int rules = Integer.parseInt(arg(args, "--rules", "10000"));
    double matchShare = 0.3;
    int brandTags = Integer.parseInt(arg(args, "--brand-tags", "0"));

    Path dir = Files.createTempDirectory("rapport-ingest-bench");
    Path file = dir.resolve("posts.jsonl");
    Set<String> expected = writePosts(file, posts, rules, matchShare, new Random(42));

    long baselineStart = System.nanoTime();
    long parsed = 0;
    try (BufferedReader in = Files.newBufferedReader(file)) {
      for (String line; (line = in.readLine()) != null; ) {
        JsonNode n = JSON.readTree(line);
        parsed += n.size() > 0 ? 1 : 0;
      }
    }
    double baselinePerS = parsed / ((System.nanoTime() - baselineStart) / 1e9);

    String dbUrl =
        db.equals("postgres")
            ? "jdbc:postgresql://127.0.0.1:5432/" + arg(args, "--pg-db", "rapport_bench")
            : db.equals("h2-mem")
                ? "jdbc:h2:mem:bench" + H2_OPTIONS + ";DB_CLOSE_DELAY=-1"
                : "jdbc:h2:file:" + dir.resolve("db").resolve("rapport") + H2_OPTIONS;
    if (db.equals("postgres")) {
      // a fresh schema each run: the first admin's password is made up per run
      try (java.sql.Connection c = java.sql.DriverManager.getConnection(dbUrl, "postgres", "");
          java.sql.Statement st = c.createStatement()) {
        st.execute("drop schema if exists public cascade");
        st.execute("create schema public");
      }
    }
    SpringApplication app = new SpringApplication(RapportApplication.class);
    Map<String, String> props =
        Map.of(
            "server.port", "0",
            "spring.datasource.url", dbUrl,
            "spring.datasource.username", db.equals("postgres") ? "postgres" : "sa",
            "spring.flyway.clean-disabled", "false",
            "rapport.admin.password", PASSWORD,
            "rapport.listening.file-dir", dir.toString(),
            "rapport.listening.tick", "50ms",
            "logging.level.root", "WARN",
            "spring.main.banner-mode", "off");
    String[] cli =
        props.entrySet().stream()
            .map(e -> "--" + e.getKey() + "=" + e.getValue())
            .toArray(String[]::new);
    try (ConfigurableApplicationContext ctx = app.run(cli)) {
      JdbcTemplate jdbc = new JdbcTemplate(ctx.getBean(DataSource.class));
      String base = "http://127.0.0.1:" + ctx.getEnvironment().getProperty("local.server.port");
      authorization =
          "Bearer "
              + call(
                      base,
                      "POST",
                      "/api/v1/me/tokens",
                      "{\"name\":\"ingest bench\",\"scope\":\"READ_WRITE\"}")
                  .path("token")
                  .asString();
      List<Object[]> rows = new ArrayList<>();
      for (int i = 0; i < rules - 1; i++) {
        rows.add(
            new Object[] {"bench rule " + i, "kw" + i + ", phrase" + i + " words", Instant.now()});
      }
      jdbc.batchUpdate(
          "insert into listening_rule (name, keywords, enabled, created_at) values (?, ?, true, ?)",
          rows,
          1000,
          (ps, row) -> {
            ps.setString(1, (String) row[0]);
            ps.setString(2, (String) row[1]);
            ps.setTimestamp(3, java.sql.Timestamp.from((Instant) row[2]));
          });
      // the last rule through the API, which reloads the classifier's index with all of them
      call(
          base,
          "POST",
          "/api/v1/listening/rules",
          "{\"name\":\"bench rule " + (rules - 1) + "\",\"keywords\":\"kw" + (rules - 1) + "\"}");

      // Warm-up: the same pipeline on other posts, so that the measured run is sustained ingest
      // and not class loading and JIT compilation; the latency figures start afresh after it.
      int warmPosts = Math.max(1000, posts / 5);
      writePosts(dir.resolve("warmup.jsonl"), warmPosts, rules, matchShare, new Random(7), "warm-");
      replay(base, "bench warm-up", "warmup.jsonl", warmPosts);
      call(base, "POST", "/api/v1/ingest/stats/reset", null);

      if (brandTags > 0) {
        brandTagRuns(base, jdbc, dir, db, posts, rules, matchShare, brandTags, args);
        deleteTree(dir);
        return;
      }

      long start = System.nanoTime();
      long id = replay(base, "bench file", "posts.jsonl", posts);
      double seconds = (System.nanoTime() - start) / 1e9;
      JsonNode stats = call(base, "GET", "/api/v1/ingest/stats", null);
      List<String> stored =
          jdbc.queryForList(
              "select native_id from listening_mention where source_id = ?", String.class, id);
      boolean exactlyOnce =
          stored.size() == expected.size() && new HashSet<>(stored).equals(expected);
      double perS = posts / seconds;
      System.out.printf(
          "input: %d posts (%.0f%% matching), %d rules; baseline (Jackson parse of the same file):"
              + " %.0f posts/s; pipeline/baseline = %.3f%n",
          posts, matchShare * 100, rules, baselinePerS, perS / baselinePerS);
      System.out.printf(
          "db=%s posts=%d posts_per_s=%.0f p50_ms=%d p99_ms=%d stored_exactly_once=%s%n",
          db,
          posts,
          perS,
          stats.path("latencyP50Ms").asLong(),
          stats.path("latencyP99Ms").asLong(),
          exactlyOnce);
    }
    deleteTree(dir);
  }

  /** The share of generated posts that carry one of the brand tags (configured or not). */
  static final double BRAND_SHARE = 0.2;

  /**
   * --brand-tags N: the same ingest with and without N brand tags configured, in one process, on
   * one database: runs in the order off, on, on, off (--rounds pairs of them, default 2), each on
   * its own file of --posts posts with the same mix (30 % matching a rule, 20 % carrying one of the
   * N tags, new authors per run), so drift over the run weighs on both sides alike. Prints each run
   * and the ratio of the throughputs; checks that every tagged post of an "on" run was counted once
   * and none of an "off" run.
   */
  private static void brandTagRuns(
      String base,
      JdbcTemplate jdbc,
      Path dir,
      String db,
      int posts,
      int rules,
      double matchShare,
      int brandTags,
      String[] args)
      throws Exception {
    int rounds = Integer.parseInt(arg(args, "--rounds", "2"));
    List<Long> tagIds = new ArrayList<>();
    double[] seconds = new double[2];
    long[] count = new long[2];
    boolean countsExact = true;
    for (int run = 0; run < rounds * 2; run++) {
      boolean on = run % 4 == 1 || run % 4 == 2;
      if (on && tagIds.isEmpty()) {
        for (int k = 0; k < brandTags; k++) {
          tagIds.add(
              call(
                      base,
                      "POST",
                      "/api/v1/brand-tags",
                      "{\"tag\":\"#Brand" + k + "\",\"kind\":\"HASHTAG\"}")
                  .path("id")
                  .asLong());
        }
      } else if (!on && !tagIds.isEmpty()) {
        for (long id : tagIds) {
          call(base, "DELETE", "/api/v1/brand-tags/" + id, null);
        }
        tagIds.clear();
      }
      String prefix = "r" + run + "-";
      String file = "brand-" + run + ".jsonl";
      Set<String> tagged = new HashSet<>();
      writePosts(
          dir.resolve(file),
          posts,
          rules,
          matchShare,
          new Random(100 + run),
          prefix,
          brandTags,
          tagged);
      long start = System.nanoTime();
      replay(base, "bench brand tags " + run, file, posts);
      double s = (System.nanoTime() - start) / 1e9;
      seconds[on ? 1 : 0] += s;
      count[on ? 1 : 0] += posts;
      long counted =
          jdbc.queryForObject(
              "select count(*) from listening_brand_tag_post where native_id like ?",
              Long.class,
              prefix + "%");
      boolean exact = counted == (on ? tagged.size() : 0);
      countsExact &= exact;
      System.out.printf(
          "run=%d brand_tags=%d posts=%d tagged_posts=%d counted=%d seconds=%.1f posts_per_s=%.0f%n",
          run, on ? brandTags : 0, posts, tagged.size(), counted, s, posts / s);
    }
    double off = count[0] / seconds[0];
    double on = count[1] / seconds[1];
    System.out.printf(
        "db=%s posts_per_run=%d runs=%d rules=%d brand_tags=%d posts_per_s_without=%.0f"
            + " posts_per_s_with=%.0f ratio=%.3f counts_exact=%s%n",
        db, posts, rounds * 2, rules, brandTags, off, on, on / off, countsExact);
  }

  private static void deleteTree(Path root) throws java.io.IOException {
    try (var walk = Files.walk(root)) {
      for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  /** Replays a file through a new file source and waits until all of it is stored. */
  private static long replay(String base, String name, String file, int posts) throws Exception {
    JsonNode source =
        call(
            base,
            "POST",
            "/api/v1/sources",
            "{\"name\":\""
                + name
                + "\",\"kind\":\"FILE\",\"pollSeconds\":86400,"
                + "\"config\":{\"path\":\""
                + file
                + "\",\"format\":\"jsonl\"}}");
    long id = source.path("source").path("id").asLong();
    while (true) {
      JsonNode s = call(base, "GET", "/api/v1/sources/" + id, null);
      String cursor = s.path("cursor").asString(null);
      if (cursor != null && Long.parseLong(cursor) >= posts) {
        return id;
      }
      if (s.path("failures").asInt() > 0) {
        throw new IllegalStateException("source failed: " + s.path("lastError").asString());
      }
      Thread.sleep(20);
    }
  }

  /** Writes the posts; returns the native ids that must end up stored (the matching ones). */
  static Set<String> writePosts(Path file, int n, int rules, double matchShare, Random random)
      throws Exception {
    return writePosts(file, n, rules, matchShare, random, "bench-");
  }

  static Set<String> writePosts(
      Path file, int n, int rules, double matchShare, Random random, String idPrefix)
      throws Exception {
    return writePosts(file, n, rules, matchShare, random, idPrefix, 0, null);
  }

  /**
   * As above; with {@code brandTags} > 0 a fifth of the posts carry one of #Brand0 ..
   * #Brand(brandTags - 1) in a random case (their ids are added to {@code tagged}).
   */
  static Set<String> writePosts(
      Path file,
      int n,
      int rules,
      double matchShare,
      Random random,
      String idPrefix,
      int brandTags,
      Set<String> tagged)
      throws Exception {
    Set<String> matching = new HashSet<>();
    String[] filler = {
      "the",
      "quick",
      "update",
      "shipping",
      "today",
      "coffee",
      "team",
      "release",
      "notes",
      "weekend",
      "meetup",
      "remote",
      "hiring",
      "design",
      "review",
      "customers",
      "support"
    };
    try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      for (int i = 0; i < n; i++) {
        StringBuilder text = new StringBuilder();
        for (int w = 0; w < 20; w++) {
          text.append(filler[random.nextInt(filler.length)]).append(' ');
        }
        String id = idPrefix + i;
        // the warm-up's authors are others: the measured run meets as many new authors as before
        String user = idPrefix.equals("bench-") ? "user" : idPrefix + "user";
        if (brandTags > 0 && random.nextDouble() < BRAND_SHARE) {
          String tag = "Brand" + random.nextInt(brandTags);
          text.append(random.nextBoolean() ? "#" + tag : "#" + tag.toUpperCase()).append(' ');
          tagged.add(idPrefix + i);
        }
        int author = random.nextInt(5000);
        if (random.nextDouble() < matchShare) {
          text.append(
              random.nextBoolean() ? "kw" + random.nextInt(rules) : "#kw" + random.nextInt(rules));
          matching.add(id);
        }
        out.write(
            "{\"network\":\"mastodon\",\"id\":\""
                + id
                + "\",\"author\":{\"handle\":\"@"
                + user
                + author
                + "@bench.example\",\"profileUrl\":\"https://bench.example/@"
                + user
                + author
                + "\"},\"text\":\""
                + text
                + "\",\"url\":\"https://bench.example/@u/"
                + i
                + "\",\"createdAt\":\"2026-11-01T10:00:00Z\",\"language\":\"en\","
                + "\"metrics\":{\"likes\":"
                + random.nextInt(100)
                + "}}\n");
      }
    }
    return matching;
  }

  private static JsonNode call(String base, String method, String path, String body)
      throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Authorization", authorization)
            .header("Content-Type", "application/json");
    b.method(
        method,
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body));
    HttpResponse<String> r =
        HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() >= 300) {
      throw new IllegalStateException(
          method + " " + path + " -> " + r.statusCode() + ": " + r.body());
    }
    return JSON.readTree(r.body());
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
