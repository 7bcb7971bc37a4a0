package dev.rapport.bench.load;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Random;

/**
 * One signed-in user working: opens person pages, pages through the person list (page and API),
 * searches, tries rule queries, and fetches the static file the figures are quoted against, with a
 * random think time between requests.
 */
final class VirtualUser {

  private final LoadApp app;
  private final Workspace ws;
  private final Workspace.SignedIn user;
  private final int thinkMs;
  private final Recorder recorder;
  private final Random random;
  private final HttpClient api =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  VirtualUser(
      LoadApp app,
      Workspace ws,
      Workspace.SignedIn user,
      int thinkMs,
      Recorder recorder,
      int seed) {
    this.app = app;
    this.ws = ws;
    this.user = user;
    this.thinkMs = thinkMs;
    this.recorder = recorder;
    this.random = new Random(seed);
  }

  void work(long endNanos) {
    while (System.nanoTime() < endNanos) {
      int dice = random.nextInt(100);
      if (dice < 25) {
        long id = pick(ws.personIds());
        page("GET /persons/{id} (person page)", "/persons/" + id);
      } else if (dice < 35) {
        page("GET /persons?page=N (person list page)", "/persons?page=" + random.nextInt(5));
      } else if (dice < 45) {
        apiGet(
            "GET /api/v1/persons?q= (person list API)",
            "/api/v1/persons?size=50&q=" + Workspace.enc(pick(ws.terms())));
      } else if (dice < 60) {
        page("GET /search?q= (search page)", "/search?q=" + Workspace.enc(pick(ws.terms())));
      } else if (dice < 75) {
        apiPost(
            "POST /api/v1/listening/rules/test (rule tester)",
            "/api/v1/listening/rules/test",
            "{\"query\":\"%s\",\"limit\":20}".formatted(pick(ws.queries()).replace("\"", "\\\"")));
      } else {
        page(Recorder.BASELINE, "/css/rapport.css");
      }
      think();
    }
  }

  private void page(String route, String path) {
    timed(route, user.session(), HttpRequest.newBuilder(LoadBench.uri(app.port, path)).GET());
  }

  private void apiGet(String route, String path) {
    timed(
        route,
        api,
        HttpRequest.newBuilder(LoadBench.uri(app.port, path))
            .header("Authorization", user.bearer())
            .GET());
  }

  private void apiPost(String route, String path, String json) {
    timed(
        route,
        api,
        HttpRequest.newBuilder(LoadBench.uri(app.port, path))
            .header("Authorization", user.bearer())
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  private void timed(String route, HttpClient http, HttpRequest.Builder request) {
    long start = System.nanoTime();
    try {
      HttpResponse<String> r =
          LoadBench.send(http, request.timeout(Duration.ofSeconds(60)).build());
      long took = System.nanoTime() - start;
      int status = r.statusCode();
      // a redirect to the login page means the session was lost: that is a failure too
      boolean toLogin = r.headers().firstValue("Location").orElse("").contains("/login");
      if (status >= 200 && status < 400 && !toLogin) {
        recorder.ok(route, took);
      } else {
        recorder.failed(route, took, "status " + status + (toLogin ? " to /login" : ""));
      }
    } catch (Exception e) {
      recorder.failed(route, System.nanoTime() - start, e.getClass().getSimpleName());
    }
  }

  private void think() {
    if (thinkMs <= 0) {
      return;
    }
    try {
      Thread.sleep(random.nextInt(thinkMs + 1));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private <T> T pick(java.util.List<T> list) {
    return list.get(random.nextInt(list.size()));
  }
}
