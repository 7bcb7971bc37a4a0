package dev.rapport.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.rapport.RapportApplication;
import dev.rapport.people.internal.ImportJobs;
import dev.rapport.support.PostgresReachable;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The backup and restore that docs/operations.md describes, done once for real on the machine's
 * PostgreSQL: a throwaway database gets the schema (Flyway) and records written through the
 * application; {@code pg_dump -Fc} backs it up and {@code pg_restore} restores it into a second
 * database; every table's row count and checksum (and every sequence) must match; then the
 * application starts on the restored database, and a person is read back and a new one stored
 * through its API. Runs in the PostgreSQL surefire execution only (tag postgres-only).
 */
@Tag("postgres-only")
@ExtendWith(PostgresReachable.class)
class BackupRestoreTest {

  private static final String PASSWORD = "backup-test-admin-password";

  @Test
  void aDumpRestoredIntoANewDatabaseHoldsEveryRowAndTheApplicationRunsOnIt(@TempDir Path dir)
      throws Exception {
    Optional<Path> pgDump = onPath("pg_dump");
    Optional<Path> pgRestore = onPath("pg_restore");
    assumeTrue(
        pgDump.isPresent() && pgRestore.isPresent(),
        "pg_dump and pg_restore are not on the PATH (Debian: apt-get install postgresql-client);"
            + " the backup and restore test needs them");
    String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    String source = "rapport_backup_src_" + suffix;
    String target = "rapport_backup_dst_" + suffix;
    admin("create database " + source);
    admin("create database " + target);
    try {
      long personId;
      try (ConfigurableApplicationContext app = start(source)) {
        personId = writeRecords(app);
      }
      Path dump = dir.resolve("rapport.dump");
      run(pgDump.get().toString(), "-Fc", "--no-owner", "-f", dump.toString(), "-d", source);
      run(
          pgRestore.get().toString(),
          "--no-owner",
          "--exit-on-error",
          "-d",
          target,
          dump.toString());

      Map<String, String> before = fingerprint(source);
      Map<String, String> after = fingerprint(target);
      assertThat(before).as("tables and sequences of the source").hasSizeGreaterThan(20);
      assertThat(before)
          .containsKeys(
              "table person",
              "table touchpoint",
              "table audit_log",
              "table flyway_schema_history",
              "table event_publication");
      assertThat(after).as("row counts and checksums after the restore").isEqualTo(before);

      try (ConfigurableApplicationContext app = start(target)) {
        String port = app.getEnvironment().getProperty("local.server.port");
        HttpResponse<String> read = call(port, "GET", "/api/v1/persons/" + personId, null);
        assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
        assertThat(read.body()).contains("Restored").contains("backup-1@restore.example");
        HttpResponse<String> write =
            call(
                port,
                "POST",
                "/api/v1/persons",
                "{\"firstName\":\"After\",\"lastName\":\"Restore\","
                    + "\"emails\":[\"after@restore.example\"]}");
        assertThat(write.statusCode())
            .as("a new person after the restore: %s", write.body())
            .isEqualTo(201);
      }
    } finally {
      admin("drop database if exists " + source + " with (force)");
      admin("drop database if exists " + target + " with (force)");
    }
  }

  /** Persons with accounts through a CSV import; their entry stages and touchpoints follow. */
  private static long writeRecords(ConfigurableApplicationContext app) throws Exception {
    StringBuilder csv = new StringBuilder("first_name,last_name,email,account_domain,tags\n");
    for (int i = 1; i <= 40; i++) {
      csv.append("Backup ")
          .append(i)
          .append(",Restored,backup-")
          .append(i)
          .append("@restore.example,company")
          .append(i % 5)
          .append(".example,backup\n");
    }
    ImportJobs jobs = app.getBean(ImportJobs.class);
    ImportJobs.Status s =
        jobs.start(
            new ImportJobs.Request("persons", "email", false, Map.of(), "backup.csv"),
            new ByteArrayInputStream(csv.toString().getBytes(StandardCharsets.UTF_8)));
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (!s.isFinished() && System.nanoTime() < deadline) {
      Thread.sleep(50);
      s = jobs.status(s.id());
    }
    assertThat(s.status()).as(String.valueOf(s.message())).isEqualTo("done");
    assertThat(s.created()).isEqualTo(40);
    JdbcClient jdbc = app.getBean(JdbcClient.class);
    while (System.nanoTime() < deadline
        && jdbc.sql("select count(*) from event_publication where completion_date is null")
                .query(Long.class)
                .single()
            > 0) {
      Thread.sleep(100);
    }
    return jdbc.sql("select person_id from person_email where email = 'backup-1@restore.example'")
        .query(Long.class)
        .single();
  }

  /** Per table its row count and an md5 of its rows in a fixed order; per sequence its value. */
  private static Map<String, String> fingerprint(String database) throws Exception {
    Map<String, String> out = new TreeMap<>();
    try (Connection c = connect(database);
        Statement st = c.createStatement()) {
      List<String> tables = new ArrayList<>();
      try (ResultSet rs =
          st.executeQuery(
              "select table_name from information_schema.tables where table_schema = 'public'"
                  + " and table_type = 'BASE TABLE'")) {
        while (rs.next()) {
          tables.add(rs.getString(1));
        }
      }
      for (String t : tables) {
        try (ResultSet rs =
            st.executeQuery(
                "select count(*), coalesce(md5(string_agg(r::text, E'\\n' order by r::text)), '')"
                    + " from \""
                    + t
                    + "\" r")) {
          rs.next();
          out.put("table " + t, rs.getLong(1) + " rows, md5 " + rs.getString(2));
        }
      }
      try (ResultSet rs =
          st.executeQuery(
              "select sequencename, coalesce(last_value, 0) from pg_sequences"
                  + " where schemaname = 'public'")) {
        while (rs.next()) {
          out.put("sequence " + rs.getString(1), Long.toString(rs.getLong(2)));
        }
      }
    }
    return out;
  }

  private static ConfigurableApplicationContext start(String database) {
    return new SpringApplicationBuilder(RapportApplication.class)
        .run(
            "--spring.datasource.url=" + url(database),
            "--spring.datasource.username=" + user(),
            "--spring.datasource.password=" + env("RAPPORT_TEST_PG_PASSWORD", ""),
            // none of the test profiles: not h2, and not postgres (it cleans the shared test db)
            "--rapport.test.db=backup",
            "--rapport.admin.password=" + PASSWORD,
            "--rapport.demo=false",
            "--server.port=0",
            "--logging.level.root=WARN");
  }

  private static HttpResponse<String> call(String port, String method, String path, String body)
      throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .timeout(Duration.ofSeconds(30))
            .header(
                "Authorization",
                "Basic "
                    + Base64.getEncoder()
                        .encodeToString(("admin:" + PASSWORD).getBytes(StandardCharsets.UTF_8)))
            .header("Content-Type", "application/json")
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static void run(String... command) throws Exception {
    List<String> cmd = new ArrayList<>(List.of(command));
    cmd.addAll(1, List.of("-h", host(), "-p", port(), "-U", user()));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    pb.environment().put("PGPASSWORD", env("RAPPORT_TEST_PG_PASSWORD", ""));
    Process p = pb.start();
    boolean ended = p.waitFor(120, TimeUnit.SECONDS);
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!ended) {
      p.destroyForcibly();
    }
    assertThat(ended).as("%s ended within 120 s", cmd.get(0)).isTrue();
    assertThat(p.exitValue()).as("%s: %s", String.join(" ", cmd), output).isZero();
  }

  private static void admin(String sql) throws Exception {
    try (Connection c = connect("postgres");
        Statement st = c.createStatement()) {
      st.execute(sql);
    }
  }

  private static Connection connect(String database) throws Exception {
    return DriverManager.getConnection(url(database), user(), env("RAPPORT_TEST_PG_PASSWORD", ""));
  }

  private static String url(String database) {
    return "jdbc:postgresql://" + host() + ":" + port() + "/" + database;
  }

  private static Optional<Path> onPath(String program) {
    for (String d : System.getenv().getOrDefault("PATH", "").split(":")) {
      Path p = Path.of(d, program);
      if (Files.isExecutable(p)) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }

  private static String host() {
    return env("RAPPORT_TEST_PG_HOST", "127.0.0.1");
  }

  private static String port() {
    return env("RAPPORT_TEST_PG_PORT", "5432");
  }

  private static String user() {
    return env("RAPPORT_TEST_PG_USER", "postgres");
  }

  private static String env(String name, String fallback) {
    String v = System.getenv(name);
    return v == null || v.isBlank() ? fallback : v;
  }
}
