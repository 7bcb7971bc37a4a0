package dev.rapport.bench.load;

import java.net.CookieManager;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * What the virtual users work on: the demo workspace's persons, search terms from their names, rule
 * queries, a webhook source with a rule that matches part of its posts, and one signed-in user per
 * virtual user (a session cookie for pages, an API token for the API).
 */
record Workspace(
    List<Long> personIds,
    List<String> terms,
    List<String> queries,
    String webhookToken,
    List<SignedIn> users) {

  /** A user signed in twice: a session (its own cookie jar) and an API token. */
  record SignedIn(String name, HttpClient session, String bearer) {}

  private static final String[] ROLES = {"sales", "marketing", "support", "viewer"};
  private static final Pattern CSRF =
      Pattern.compile(
          "name=\"_csrf\"[^>]*value=\"([^\"]+)\"|value=\"([^\"]+)\"[^>]*name=\"_csrf\"");

  static Workspace prepare(LoadApp app, int users) throws Exception {
    JsonNode page = app.admin("GET", "/api/v1/persons?size=200", null);
    List<Long> ids = new ArrayList<>();
    Set<String> terms = new LinkedHashSet<>();
    for (JsonNode p : page.path("items")) {
      ids.add(p.path("id").asLong());
      String last = p.path("lastName").asString("");
      if (last.length() >= 3) {
        terms.add(last.substring(0, Math.min(5, last.length())).toLowerCase());
      }
    }
    if (ids.isEmpty()) {
      throw new IllegalStateException("the demo workspace has no persons");
    }
    app.admin("POST", "/api/v1/listening/rules", "{\"name\":\"load\",\"keywords\":\"rapport\"}");
    JsonNode source =
        app.admin(
            "POST",
            "/api/v1/sources",
            "{\"name\":\"load webhook\",\"kind\":\"WEBHOOK\",\"config\":{}}");
    String token = source.path("token").asString();
    List<String> queries =
        List.of(
            "rapport",
            "rapport AND release",
            "rapport OR crm",
            "\"new release\"",
            "rapport NOT spam",
            "(pricing OR price) AND rapport",
            "rapport NEAR/3 love");
    List<SignedIn> signedIn = new ArrayList<>();
    Random random = new Random(7);
    for (int i = 0; i < users; i++) {
      String name = "load%02d".formatted(i);
      String password = "pw-" + Long.toHexString(random.nextLong()) + "-" + i;
      app.admin(
          "POST",
          "/api/v1/users",
          "{\"username\":\"%s\",\"displayName\":\"Load user %d\",\"password\":\"%s\",\"roles\":[\"%s\"]}"
              .formatted(name, i, password, ROLES[i % ROLES.length]));
      JsonNode issued =
          app.call(
              LoadApp.basic(name, password),
              "POST",
              "/api/v1/me/tokens",
              "{\"name\":\"load\",\"scope\":\"READ_WRITE\"}");
      signedIn.add(
          new SignedIn(
              name, signIn(app, name, password), "Bearer " + issued.path("token").asString()));
    }
    return new Workspace(ids, List.copyOf(terms), queries, token, signedIn);
  }

  /** Signs in through the login form, as a browser does; the client keeps the session cookie. */
  private static HttpClient signIn(LoadApp app, String user, String password) throws Exception {
    HttpClient http =
        HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    HttpResponse<String> form =
        LoadBench.send(http, HttpRequest.newBuilder(LoadBench.uri(app.port, "/login")).build());
    Matcher m = CSRF.matcher(form.body());
    if (!m.find()) {
      throw new IllegalStateException("no CSRF token on the login page");
    }
    String csrf = m.group(1) != null ? m.group(1) : m.group(2);
    String body = "username=" + enc(user) + "&password=" + enc(password) + "&_csrf=" + enc(csrf);
    HttpResponse<String> r =
        LoadBench.send(
            http,
            HttpRequest.newBuilder(LoadBench.uri(app.port, "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
    String location = r.headers().firstValue("Location").orElse("");
    if (r.statusCode() != 302 || location.contains("error")) {
      throw new IllegalStateException(
          "sign-in of " + user + " failed: " + r.statusCode() + " " + location);
    }
    return http;
  }

  long mentions(LoadApp app) {
    try {
      JsonNode s = app.admin("GET", "/api/v1/ingest/stats", null);
      return s.path("mentions").asLong(s.path("stored").asLong(-1));
    } catch (Exception e) {
      return -1;
    }
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
