package dev.rapport.bench.importing;

import dev.rapport.RapportApplication;
import java.io.BufferedWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Imports 100,000 generated persons through the real import service (CSV parsing, checks, dedupe,
 * account linking, audit rows, events) into an H2 file database, and compares it with the floor: a
 * plain JDBC batch insert of the same rows into a bare table in the same process.
 *
 * <p>Run with {@code bench/import.sh [rows]}; writes bench/results/import-DATE.txt.
 */
public final class ImportBenchmark {

  private static final String[] FIRST = {
    "Ana", "Lukas", "Sofia", "Mateo", "Emma", "Noah", "Mia", "Leon", "Chloé", "Jonas", "Aisha",
    "Omar", "Yuki", "Priya", "Arjun", "Lena", "Camille", "Hugo", "Elif", "Olga", "Sara", "Lars"
  };
  private static final String[] LAST = {
    "Lima",
    "Schneider",
    "Rossi",
    "García",
    "Dubois",
    "Jansen",
    "Novak",
    "Nielsen",
    "Müller",
    "Silva",
    "Moreau",
    "Yilmaz",
    "Tanaka",
    "Patel",
    "Chen",
    "Kim",
    "Okafor",
    "O'Brien",
    "Smith"
  };
  private static final String[] TITLES = {
    "Head of Marketing",
    "VP Sales",
    "Software Engineer",
    "CTO",
    "Data Analyst",
    "Founder",
    "Product Manager, Platform",
    "Customer Success Lead"
  };

  private ImportBenchmark() {}

  public static void main(String[] args) throws Exception {
    int rows = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    Path work = Files.createTempDirectory("rapport-import-bench");
    Path csv = work.resolve("persons.csv");
    long bytes = generate(csv, rows, new Random(42));
    String url =
        "jdbc:h2:file:"
            + work.resolve("db/rapport").toAbsolutePath()
            + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
    StringBuilder report = new StringBuilder();
    report.append("Import benchmark, ").append(LocalDate.now()).append('\n');
    report
        .append("machine: ")
        .append(Runtime.getRuntime().availableProcessors())
        .append(" cores, Java ")
        .append(System.getProperty("java.version"))
        .append(", max heap ")
        .append(Runtime.getRuntime().maxMemory() / (1024 * 1024))
        .append(" MB\n");
    report
        .append("input: ")
        .append(rows)
        .append(" persons, ")
        .append(bytes / 1024)
        .append(" KiB CSV (names, email, phone, title, company domain and name, tags, consent);")
        .append(" 500 distinct company domains\n");
    report.append("database: H2 file (PostgreSQL mode), fresh\n\n");

    try (ConfigurableApplicationContext app =
        new SpringApplicationBuilder(RapportApplication.class)
            .run(
                "--spring.datasource.url=" + url,
                "--spring.datasource.username=sa",
                "--spring.datasource.password=",
                "--server.port=0",
                "--rapport.admin.password=bench-only-not-a-real-secret",
                "--logging.level.root=WARN")) {
      String base = "http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port");
      JdbcClient jdbc = app.getBean(JdbcClient.class);

      JsonNode dry = run(base, csv, true);
      JsonNode real = run(base, csv, false);
      long stored = jdbc.sql("select count(*) from person").query(Long.class).single();
      long audit =
          jdbc.sql("select count(*) from audit_log where object_type = 'person'")
              .query(Long.class)
              .single();
      double drySeconds = seconds(dry);
      double realSeconds = seconds(real);
      double floor = plainInsert(work, csv);

      report.append(line("dry run (parse, check, dedupe lookups, no writes)", drySeconds, rows));
      report.append(line("import (everything, stored)", realSeconds, rows));
      report.append(line("baseline: plain JDBC batch insert of the same rows", floor, rows));
      report.append('\n');
      report
          .append(String.format("import / baseline: %.1fx%n", realSeconds / floor))
          .append(String.format("import / dry run:  %.1fx%n", realSeconds / drySeconds))
          .append("import result: created ")
          .append(real.path("created").asInt())
          .append(", updated ")
          .append(real.path("updated").asInt())
          .append(", rejected ")
          .append(real.path("rejected").asInt())
          .append("; persons in database ")
          .append(stored)
          .append(", person audit rows ")
          .append(audit)
          .append('\n')
          .append("target: under 60 s for 100,000 persons -> ")
          .append(realSeconds < 60 ? "met" : "NOT met")
          .append('\n');
    }
    System.out.print(report);
    Path out =
        Path.of(
            System.getProperty("bench.results", "bench/results"),
            "import-" + LocalDate.now() + ".txt");
    Files.createDirectories(out.getParent());
    Files.writeString(out, report.toString());
    System.out.println("written to " + out);
  }

  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String AUTH =
      "Basic "
          + Base64.getEncoder()
              .encodeToString(
                  "admin:bench-only-not-a-real-secret".getBytes(StandardCharsets.UTF_8));

  /**
   * Starts the import through the public API a user's script would call ({@code POST
   * /api/v1/imports}, multipart) and polls its status until it ends: the benchmark measures the
   * product's path, not an internal class.
   */
  private static JsonNode run(String base, Path csv, boolean dry) throws Exception {
    String boundary = "rapport-bench-" + System.nanoTime();
    byte[] head =
        ("--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"persons.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n")
            .getBytes(StandardCharsets.UTF_8);
    byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
    HttpRequest start =
        HttpRequest.newBuilder(
                URI.create(base + "/api/v1/imports?kind=persons&dedupeKey=email&dryRun=" + dry))
            .header("Authorization", AUTH)
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(
                HttpRequest.BodyPublishers.concat(
                    HttpRequest.BodyPublishers.ofByteArray(head),
                    HttpRequest.BodyPublishers.ofFile(csv),
                    HttpRequest.BodyPublishers.ofByteArray(tail)))
            .build();
    HttpResponse<String> started = HTTP.send(start, HttpResponse.BodyHandlers.ofString());
    if (started.statusCode() != 202) {
      throw new IllegalStateException(
          "import not started: HTTP " + started.statusCode() + " " + started.body());
    }
    JsonNode status = JSON.readTree(started.body());
    String id = status.path("id").asText();
    while (!List.of("done", "failed").contains(status.path("status").asText())) {
      Thread.sleep(100);
      HttpRequest poll =
          HttpRequest.newBuilder(URI.create(base + "/api/v1/imports/" + id))
              .header("Authorization", AUTH)
              .build();
      status = JSON.readTree(HTTP.send(poll, HttpResponse.BodyHandlers.ofString()).body());
    }
    if (!status.path("status").asText().equals("done")) {
      throw new IllegalStateException("import failed: " + status.path("message").asText());
    }
    return status;
  }

  private static double seconds(JsonNode s) {
    return Duration.between(
                Instant.parse(s.path("startedAt").asText()),
                Instant.parse(s.path("finishedAt").asText()))
            .toMillis()
        / 1000.0;
  }

  private static String line(String what, double seconds, int rows) {
    return String.format(
        "%-55s %7.2f s  %9.0f rows/s%n", what, seconds, rows / Math.max(seconds, 0.001));
  }

  static long generate(Path csv, int rows, Random random) throws Exception {
    try (BufferedWriter w = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
      w.write(
          "first_name,last_name,email,phone,title,account_domain,account_name,tags,may_contact,consent_basis\n");
      for (int i = 0; i < rows; i++) {
        // a middle initial makes names about as varied as a real list's: few namesakes
        String first =
            FIRST[random.nextInt(FIRST.length)] + " " + (char) ('A' + random.nextInt(26)) + ".";
        String last = LAST[random.nextInt(LAST.length)];
        int company = random.nextInt(500);
        String domain = "company" + company + ".example";
        boolean consent = random.nextBoolean();
        String title = TITLES[random.nextInt(TITLES.length)];
        w.write(
            String.join(
                ",",
                first,
                quote(last),
                "p" + i + "." + last.toLowerCase().replaceAll("[^a-z]", "") + "@" + domain,
                "+49 30 " + (1000000 + random.nextInt(8999999)),
                quote(title),
                domain,
                "Company " + company,
                random.nextInt(4) == 0 ? "newsletter;webinar" : "",
                consent ? "yes" : "no",
                consent ? "consent" : ""));
        w.write('\n');
      }
    }
    return Files.size(csv);
  }

  private static String quote(String v) {
    return v.contains(",") || v.contains("\"") ? "\"" + v.replace("\"", "\"\"") + "\"" : v;
  }

  /** The floor: the same rows into a bare table with one unique index, no checks, one batch. */
  private static double plainInsert(Path work, Path csv) throws Exception {
    String url = "jdbc:h2:file:" + work.resolve("plain/db").toAbsolutePath() + ";MODE=PostgreSQL";
    try (Connection c = DriverManager.getConnection(url, "sa", "");
        Statement s = c.createStatement()) {
      s.execute(
          "create table person_plain (id bigint primary key, first_name varchar(100),"
              + " last_name varchar(100), email varchar(254) unique, phone varchar(40),"
              + " title varchar(200))");
      c.setAutoCommit(false);
      long start = System.nanoTime();
      try (PreparedStatement ps =
              c.prepareStatement("insert into person_plain values (?, ?, ?, ?, ?, ?)");
          var lines = Files.lines(csv)) {
        var it = lines.skip(1).iterator();
        long id = 1;
        while (it.hasNext()) {
          String[] f = it.next().split(",(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)", -1);
          ps.setLong(1, id++);
          ps.setString(2, f[0]);
          ps.setString(3, f[1]);
          ps.setString(4, f[2]);
          ps.setString(5, f[3]);
          ps.setString(6, f[4]);
          ps.addBatch();
          if (id % 1000 == 0) {
            ps.executeBatch();
          }
        }
        ps.executeBatch();
      }
      c.commit();
      return (System.nanoTime() - start) / 1e9;
    }
  }
}
