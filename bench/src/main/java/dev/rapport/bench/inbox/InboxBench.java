package dev.rapport.bench.inbox;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The inbox page and the lead list under load on PostgreSQL: builds a workspace of {@code
 * --persons} persons (default 1,000,000), {@code --items} open inbox items (default 100,000) with
 * their mentions, and as many leads, with bulk SQL (generate_series) into a fresh database; starts
 * the application on it (a child JVM); signs in {@code --users} sales users (default 20) in four
 * teams with team visibility; then each user requests /inbox and /leads in turn, with no think
 * time, for {@code --seconds} (default 120). A static file in the same mix is the baseline. Prints
 * p50/p95/p99 per route and writes bench/results/inbox-p99.md.
 */
public final class InboxBench {

  private static final Pattern CSRF =
      Pattern.compile(
          "name=\"_csrf\"[^>]*value=\"([^\"]+)\"|value=\"([^\"]+)\"[^>]*name=\"_csrf\"");

  public static void main(String[] args) throws Exception {
    int persons = intArg(args, "--persons", 1_000_000);
    int items = intArg(args, "--items", 100_000);
    int users = intArg(args, "--users", 20);
    int seconds = intArg(args, "--seconds", 120);
    int port = intArg(args, "--port", 18093);
    String db = arg(args, "--pg-db", "rapport_inbox_bench");
    String admin = "bench-" + Long.toHexString(System.nanoTime());

    String base = "jdbc:postgresql://127.0.0.1:5432/";
    try (Connection c = DriverManager.getConnection(base + "postgres", "postgres", "");
        Statement s = c.createStatement()) {
      s.execute("drop database if exists " + db + " with (force)");
      s.execute("create database " + db);
    }
    Path dir = Files.createTempDirectory("inbox-bench");
    Process app = start(port, base + db, admin, dir);
    try {
      awaitHealth(port, app, dir);
      HttpClient plain = HttpClient.newHttpClient();
      String auth = basic("admin", admin);
      // four teams of sales users; persons visible by team
      List<Long> teams = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        teams.add(
            id(call(plain, port, auth, "POST", "/api/v1/teams", "{\"name\":\"T" + t + "\"}")));
      }
      call(plain, port, auth, "PUT", "/api/v1/visibility/person", "{\"level\":\"team\"}");
      List<Long> userIds = new ArrayList<>();
      List<HttpClient> sessions = new ArrayList<>();
      for (int i = 0; i < users; i++) {
        String name = "seller%02d".formatted(i);
        String password = "pw-" + name + "-" + admin;
        userIds.add(
            id(
                call(
                    plain,
                    port,
                    auth,
                    "POST",
                    "/api/v1/users",
                    ("{\"username\":\"%s\",\"displayName\":\"Seller %d\",\"password\":\"%s\","
                            + "\"roles\":[\"SALES\"],\"teamIds\":[%d]}")
                        .formatted(name, i, password, teams.get(i % teams.size())))));
        sessions.add(signIn(port, name, password));
      }
      long t0 = System.nanoTime();
      Map<String, Long> rows = generate(base + db, persons, items, userIds, teams);
      double buildSeconds = (System.nanoTime() - t0) / 1e9;
      System.out.printf(Locale.ROOT, "data built in %.1f s: %s%n", buildSeconds, rows);

      // warm up: every session opens each page a few times
      for (HttpClient h : sessions) {
        for (int i = 0; i < 3; i++) {
          get(h, port, "/inbox");
          get(h, port, "/leads");
        }
      }
      Map<String, List<Long>> took = new ConcurrentHashMap<>();
      List<String> failures = new CopyOnWriteArrayList<>();
      AtomicLong requests = new AtomicLong();
      long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
      List<Thread> threads = new ArrayList<>();
      String[] routes = {"/inbox", "/leads", "/css/rapport.css"};
      for (HttpClient h : sessions) {
        Thread thread =
            new Thread(
                () -> {
                  int n = 0;
                  while (System.nanoTime() < end) {
                    String route = routes[n++ % routes.length];
                    long s = System.nanoTime();
                    try {
                      HttpResponse<String> r = get(h, port, route);
                      long ms = (System.nanoTime() - s) / 1_000;
                      if (r.statusCode() != 200) {
                        failures.add(route + " " + r.statusCode());
                      } else {
                        took.computeIfAbsent(route, k -> new CopyOnWriteArrayList<>()).add(ms);
                      }
                      requests.incrementAndGet();
                    } catch (Exception e) {
                      failures.add(route + " " + e);
                    }
                  }
                });
        thread.start();
        threads.add(thread);
      }
      for (Thread t : threads) {
        t.join();
      }
      StringBuilder table = new StringBuilder();
      table.append("| route | requests | p50 ms | p95 ms | p99 ms | max ms |\n");
      table.append("|---|---|---|---|---|---|\n");
      Map<String, Double> p99 = new ConcurrentHashMap<>();
      for (String route : routes) {
        long[] us =
            took.getOrDefault(route, List.of()).stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(us);
        if (us.length == 0) {
          continue;
        }
        p99.put(route, pct(us, 0.99));
        table.append(
            String.format(
                Locale.ROOT,
                "| %s | %d | %.1f | %.1f | %.1f | %.1f |%n",
                route,
                us.length,
                pct(us, 0.50),
                pct(us, 0.95),
                pct(us, 0.99),
                us[us.length - 1] / 1000.0));
      }
      String verdict =
          p99.getOrDefault("/inbox", 1e9) < 100 && p99.getOrDefault("/leads", 1e9) < 100
              ? "met"
              : "NOT met";
      String command =
          "bench/inbox.sh --persons %d --items %d --users %d --seconds %d"
              .formatted(persons, items, users, seconds);
      String report =
          """
          # Inbox page and lead list: p99 under load on PostgreSQL (%s)

          Command: `%s`

          Sizes: %,d persons, %,d open inbox items (with their %,d mentions), %,d leads,
          %d sales users in 4 teams, person visibility by team. Data built with bulk SQL
          (generate_series) in %.1f s. PostgreSQL on 127.0.0.1, the application a child JVM
          (-Xmx768m) on the same machine (2 cores shared with other work), %d concurrent signed-in
          users with no think time for %d s, each asking /inbox, /leads and a static file in turn
          (the static file is the baseline for the machine's own latency).

          %s
          Requests: %,d; failures: %d%s.

          Target (issue 16): p99 under 100 ms for the inbox page and the lead list: **%s**.
          """
              .formatted(
                  LocalDate.now(),
                  command,
                  rows.get("persons"),
                  rows.get("items"),
                  rows.get("items"),
                  rows.get("leads"),
                  users,
                  buildSeconds,
                  users,
                  seconds,
                  table,
                  requests.get(),
                  failures.size(),
                  failures.isEmpty() ? "" : " (first: " + failures.get(0) + ")",
                  verdict);
      System.out.println(report);
      Path out = Path.of(arg(args, "--out", "bench/results/inbox-p99.md"));
      Files.createDirectories(out.toAbsolutePath().getParent());
      Files.writeString(out, report);
    } finally {
      app.destroy();
      app.waitFor();
    }
  }

  /** Persons, mentions, open items and leads, in bulk; the sequences moved past them. */
  static Map<String, Long> generate(
      String url, int persons, int items, List<Long> users, List<Long> teams) throws Exception {
    try (Connection c = DriverManager.getConnection(url, "postgres", "");
        Statement s = c.createStatement()) {
      String userArray =
          "array[" + String.join(",", users.stream().map(String::valueOf).toList()) + "]";
      String teamOf =
          "array["
              + String.join(
                  ",",
                  users.stream()
                      .map(u -> String.valueOf(teams.get(users.indexOf(u) % teams.size())))
                      .toList())
              + "]";
      long first = query(s, "select coalesce(max(id), 0) + 1000 from person");
      s.execute(
          ("insert into person (id, first_name, last_name, full_name, name_key, owner_user_id,"
                  + " may_contact, created_at, updated_at)"
                  + " select %d + g, 'First' || g, 'Last' || g, 'First' || g || ' Last' || g,"
                  + " 'first' || g || ' last' || g, (%s)[1 + g %% %d], false, now(), now()"
                  + " from generate_series(0, %d) g")
              .formatted(first, userArray, users.size(), persons - 1));
      s.execute("select setval('person_id_seq', %d)".formatted(first + persons + 10));
      s.execute(
          ("insert into listening_mention (id, network, native_id, author_handle, text, created_at,"
                  + " language, metrics, rule_ids, spans, readings, captured_at, author_person_id)"
                  + " select 100000000 + g, 'mastodon', 'bench-' || g, '@p' || g || '@example.social',"
                  + " 'Can anyone recommend a good CRM for a team of ' || (g %% 50) || '?',"
                  + " now() - (g %% 1000) * interval '1 minute', 'en', '{}', '', '[]', '{}',"
                  + " now() - (g %% 1000) * interval '1 minute', %d + (g * 7919) %% %d"
                  + " from generate_series(0, %d) g")
              .formatted(first, persons, items - 1));
      // 90% assigned to a seller (their team), 10% waiting in the general queue
      s.execute(
          ("insert into inbox_item (mention_id, person_id, network, language, readings,"
                  + " sla_reading, rule_ids, status, assignee_user_id, team_id, created_at, due_at)"
                  + " select 100000000 + g, %d + (g * 7919) %% %d, 'mastodon', 'en',"
                  + " case g %% 3 when 0 then 'buying' when 1 then 'question' else 'complaint' end,"
                  + " case g %% 3 when 0 then 'buying' when 1 then 'question' else 'complaint' end,"
                  + " '', case when g %% 10 = 0 then 'new' else 'assigned' end,"
                  + " case when g %% 10 = 0 then null else (%s)[1 + g %% %d] end,"
                  + " case when g %% 10 = 0 then null else (%s)[1 + g %% %d] end,"
                  + " now() - (g %% 1000) * interval '1 minute',"
                  + " now() + ((g %% 2000) - 1000) * interval '1 minute'"
                  + " from generate_series(0, %d) g")
              .formatted(first, persons, userArray, users.size(), teamOf, users.size(), items - 1));
      long leadStage =
          query(
              s,
              "select s.id from lifecycle_stage s join lifecycle_model m on m.id = s.model_id"
                  + " where m.active and s.name = 'Lead'");
      s.execute(
          ("insert into sales_lead (person_id, source, source_detail, owner_user_id, score, fit,"
                  + " engagement, intent, last_intent_at, stage_id, created_at, scored_at)"
                  + " select %d + (g * 7919) %% %d, 'LISTENING_RULE', 'bench', (%s)[1 + ((g * 7919) %% %d) %% %d],"
                  + " 70 + g %% 30, 20, 20, 30 + g %% 10, now() - (g %% 500) * interval '1 hour',"
                  + " %d, now(), now() from generate_series(0, %d) g on conflict do nothing")
              .formatted(first, persons, userArray, persons, users.size(), leadStage, items - 1));
      s.execute("analyze");
      return Map.of(
          "persons", query(s, "select count(*) from person"),
          "items", query(s, "select count(*) from inbox_item where status in ('new', 'assigned')"),
          "leads", query(s, "select count(*) from sales_lead"));
    }
  }

  static long query(Statement s, String sql) throws Exception {
    try (var rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  static double pct(long[] sortedMicros, double p) {
    int i = (int) Math.ceil(p * sortedMicros.length) - 1;
    return sortedMicros[Math.max(0, Math.min(i, sortedMicros.length - 1))] / 1000.0;
  }

  static Process start(int port, String url, String adminPassword, Path dir) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder pb =
        new ProcessBuilder(
            List.of(
                java,
                "-Xmx768m",
                "-cp",
                System.getProperty("java.class.path"),
                "dev.rapport.RapportApplication",
                "--server.port=" + port,
                "--spring.datasource.url=" + url,
                "--spring.datasource.username=postgres",
                "--spring.datasource.password=",
                "--logging.level.root=WARN",
                "--spring.main.banner-mode=off"));
    pb.environment().put("RAPPORT_ADMIN_PASSWORD", adminPassword);
    pb.redirectErrorStream(true);
    pb.redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("app.log").toFile()));
    return pb.start();
  }

  static void awaitHealth(int port, Process app, Path dir) throws Exception {
    HttpClient h = HttpClient.newHttpClient();
    long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
    while (System.nanoTime() < deadline) {
      if (!app.isAlive()) {
        throw new IllegalStateException(
            "the application exited:\n" + Files.readString(dir.resolve("app.log")));
      }
      try {
        if (h.send(
                    HttpRequest.newBuilder(uri(port, "/actuator/health")).build(),
                    HttpResponse.BodyHandlers.discarding())
                .statusCode()
            == 200) {
          return;
        }
      } catch (IOException e) {
        // not up yet
      }
      Thread.sleep(500);
    }
    throw new IllegalStateException("the application did not answer within 5 minutes");
  }

  static HttpClient signIn(int port, String user, String password) throws Exception {
    HttpClient http =
        HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    HttpResponse<String> form = get(http, port, "/login");
    Matcher m = CSRF.matcher(form.body());
    if (!m.find()) {
      throw new IllegalStateException("no CSRF token on the login page");
    }
    String csrf = m.group(1) != null ? m.group(1) : m.group(2);
    String body = "username=" + enc(user) + "&password=" + enc(password) + "&_csrf=" + enc(csrf);
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(uri(port, "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 302 || r.headers().firstValue("Location").orElse("").contains("error")) {
      throw new IllegalStateException("sign-in of " + user + " failed: " + r.statusCode());
    }
    return http;
  }

  static HttpResponse<String> get(HttpClient h, int port, String path) throws Exception {
    return h.send(
        HttpRequest.newBuilder(uri(port, path)).timeout(Duration.ofSeconds(30)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  static String call(HttpClient h, int port, String auth, String method, String path, String body)
      throws Exception {
    HttpResponse<String> r =
        h.send(
            HttpRequest.newBuilder(uri(port, path))
                .header("Authorization", auth)
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() >= 300) {
      throw new IllegalStateException(method + " " + path + ": " + r.statusCode() + " " + r.body());
    }
    return r.body();
  }

  static long id(String json) {
    Matcher m = Pattern.compile("\"id\"\\s*:\\s*(\\d+)").matcher(json);
    if (!m.find()) {
      throw new IllegalStateException("no id in " + json);
    }
    return Long.parseLong(m.group(1));
  }

  static String basic(String user, String password) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  static URI uri(int port, String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  static String arg(String[] args, String name, String fallback) {
    for (int i = 0; i < args.length - 1; i++) {
      if (args[i].equals(name)) {
        return args[i + 1];
      }
    }
    return fallback;
  }

  static int intArg(String[] args, String name, int fallback) {
    return Integer.parseInt(arg(args, name, String.valueOf(fallback)));
  }
}
