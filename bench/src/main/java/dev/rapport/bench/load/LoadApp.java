package dev.rapport.bench.load;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/** The application under load: a child JVM on an H2 file database with the demo workspace. */
final class LoadApp {

  static final ObjectMapper JSON = JsonMapper.builder().build();

  /** The application did not come up. */
  static final class StartFailed extends Exception {
    StartFailed(String message) {
      super(message);
    }
  }

  private final Path dir;
  final int port;
  final String adminPassword;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private volatile Process process;

  LoadApp(Path dir, int port, String adminPassword) {
    this.dir = dir;
    this.port = port;
    this.adminPassword = adminPassword;
  }

  void start() throws Exception {
    if (!LoadBench.portFree(port)) {
      throw new StartFailed("port " + port + " is already in use; choose another with --port");
    }
    String url =
        "jdbc:h2:file:"
            + dir.resolve("db/rapport").toAbsolutePath()
            + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0";
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
                "--spring.datasource.username=sa",
                "--rapport.demo=true",
                "--logging.level.root=WARN",
                "--spring.main.banner-mode=off"));
    pb.environment().put("RAPPORT_ADMIN_PASSWORD", adminPassword);
    pb.redirectErrorStream(true);
    Path log = dir.resolve("app.log");
    pb.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    process = pb.start();
    long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new StartFailed("the application exited:\n" + tail(log));
      }
      try {
        if (LoadBench.send(
                    http, HttpRequest.newBuilder(LoadBench.uri(port, "/actuator/health")).build())
                .statusCode()
            == 200) {
          return;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(250);
    }
    throw new StartFailed("the application did not answer within 5 minutes:\n" + tail(log));
  }

  void kill() {
    Process p = process;
    if (p != null && p.isAlive()) {
      p.destroyForcibly();
    }
  }

  /** An API call as the admin (HTTP Basic); fails on any status but 2xx. */
  JsonNode admin(String method, String path, String body) throws Exception {
    return call(basic("admin", adminPassword), method, path, body);
  }

  JsonNode call(String authorization, String method, String path, String body) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(LoadBench.uri(port, path))
            .timeout(Duration.ofSeconds(60))
            .header("Authorization", authorization)
            .header("Content-Type", "application/json")
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body))
            .build();
    HttpResponse<String> r = LoadBench.send(http, request);
    if (r.statusCode() >= 300) {
      throw new IllegalStateException(
          method + " " + path + " -> " + r.statusCode() + ": " + r.body());
    }
    return r.body().isEmpty() ? null : JSON.readTree(r.body());
  }

  static String basic(String user, String password) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  private static String tail(Path log) {
    try {
      List<String> lines = Files.readAllLines(log);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    } catch (IOException e) {
      return "(no log)";
    }
  }
}
