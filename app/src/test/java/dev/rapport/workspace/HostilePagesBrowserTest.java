package dev.rapport.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.shared.CsvWriter;
import dev.rapport.support.Browser;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Hostile text (script tags, event handlers, javascript: and data: URLs, SVG, CSS, template syntax,
 * Unicode tricks) goes in through the API and the webhook as persons, accounts, identities, notes,
 * rules and posts, and through CSV imports of accounts and persons (names, emails, titles, tags, a
 * notes column, the file name); then headless chromium visits every page the application maps (the
 * list comes from the page routes, so a new page is visited too), the imported records' pages and
 * the import's problem list, and fails on any alert dialog, any Content-Security-Policy violation
 * and any console error.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class HostilePagesBrowserTest {

  private static final String ADMIN = "admin";
  private static final String PASSWORD = "test-admin-password";

  static final List<String> CORPUS =
      List.of(
          "<script>alert('xss-1')</script>",
          "<img src=x onerror=alert('xss-2')>",
          "<svg/onload=alert('xss-3')>",
          "\"><script>alert('xss-4')</script>",
          "' onmouseover='alert(5)' x='",
          "javascript:alert('xss-6')",
          "data:text/html;base64,PHNjcmlwdD5hbGVydCg3KTwvc2NyaXB0Pg==",
          "<a href=\"javascript:alert(8)\">click</a>",
          "<style>*{display:none}</style><div style=\"background:url(javascript:alert(9))\">",
          "[[${7*7}]] [(${T(java.lang.Runtime).getRuntime()})] {{constructor.constructor('alert(10)')()}}",
          "__${T(java.lang.System).exit(0)}__::.x",
          "\u202egnp.exe<iframe src=javascript:alert(11)>",
          "\uff1cscript\uff1ealert(12)\uff1c/script\uff1e",
          "<math><mi xlink:href=\"javascript:alert(13)\">x</mi></math>",
          "hx-get=\"/logout\" hx-trigger=\"load\" <div hx-get=\"/api/v1/me\" hx-trigger=\"load\">");

  @LocalServerPort int port;

  @Autowired
  @org.springframework.beans.factory.annotation.Qualifier("requestMappingHandlerMapping")
  RequestMappingHandlerMapping mappings;

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  private String base() {
    return "http://127.0.0.1:" + port;
  }

  @Test
  void hostileRecordsRunNoScriptAndEveryPagePassesTheContentSecurityPolicy() throws Exception {
    Map<String, String> ids = seed();
    List<String> pages = pages(ids);
    assertThat(pages)
        .contains(
            "/persons/" + ids.get("person"),
            "/persons/" + ids.get("importedPerson"),
            "/accounts/" + ids.get("importedAccount"),
            "/imports/" + ids.get("import"),
            "/listening/rules",
            "/");

    List<String> problems = new ArrayList<>();
    try (Browser browser = new Browser()) {
      WebDriver driver = browser.driver();
      WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(20));
      driver.get(base() + "/login");
      driver.findElement(By.id("username")).sendKeys(ADMIN);
      driver.findElement(By.id("password")).sendKeys(PASSWORD);
      driver.findElement(By.cssSelector("button[type=submit]")).click();
      wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
      browser.console();
      for (String page : pages) {
        driver.get(base() + page);
        wait.until(
            d ->
                "complete"
                    .equals(
                        ((org.openqa.selenium.JavascriptExecutor) d)
                            .executeScript("return document.readyState")));
        pause(); // htmx panels load after the document
        String dialog = browser.dialog();
        if (dialog != null) {
          problems.add(page + ": a dialog opened: " + dialog);
        }
        for (String line : browser.console()) {
          if (line.contains("Content Security Policy") || line.contains("Refused to")) {
            problems.add(page + ": CSP violation: " + line);
          } else if (line.startsWith("SEVERE") && !line.contains("status of 4")) {
            problems.add(page + ": console error: " + line);
          }
        }
      }
      driver.get(base() + "/persons/" + ids.get("person"));
      assertThat(driver.getPageSource()).contains("&lt;script&gt;alert('xss-1')&lt;/script&gt;");
      driver.get(base() + "/persons/" + ids.get("importedPerson"));
      assertThat(driver.getPageSource())
          .as("the imported person's page shows the hostile name as text")
          .contains("&lt;img src=x onerror=alert('xss-2')&gt;");
      driver.get(base() + "/imports/" + ids.get("import"));
      assertThat(driver.getPageSource())
          .as("the import's problems show the hostile column and email as text")
          .contains("&lt;svg/onload=alert('xss-3')&gt;");
    }
    assertThat(problems).as("pages visited: %s", pages).isEmpty();
  }

  @Test
  void everyPageSendsTheContentSecurityPolicyAndTheSessionCookieIsSameSite() throws Exception {
    HttpResponse<String> login = send(HttpRequest.newBuilder(URI.create(base() + "/login")));
    String csp = login.headers().firstValue("Content-Security-Policy").orElse("");
    assertThat(csp)
        .contains("script-src 'self'", "style-src 'self'", "object-src 'none'")
        .doesNotContain("unsafe-inline", "unsafe-eval");
    assertThat(login.headers().allValues("Set-Cookie"))
        .filteredOn(c -> c.startsWith("JSESSIONID="))
        .allSatisfy(c -> assertThat(c).containsIgnoringCase("SameSite=Lax").contains("HttpOnly"));
  }

  @Test
  void protocolLevelRefusalsUnderApiAreProblemDetailsNotTomcatPages() throws Exception {
    HttpResponse<String> longQuery =
        send(
            HttpRequest.newBuilder(URI.create(base() + "/api/v1/persons?q=" + "a".repeat(10_000)))
                .header("Authorization", basic()));
    assertThat(longQuery.statusCode()).isEqualTo(414);
    assertProblem(longQuery);
    assertThat(longQuery.body()).contains("\"field\":\"query\"");

    HttpResponse<String> hugeQuery =
        send(
            HttpRequest.newBuilder(URI.create(base() + "/api/v1/persons?q=" + "a".repeat(100_000)))
                .header("Authorization", basic()));
    assertThat(hugeQuery.statusCode()).isBetween(400, 499);
    assertProblem(hugeQuery);

    HttpResponse<String> traversal =
        send(
            HttpRequest.newBuilder(URI.create(base() + "/api/v1/visibility/%2e%2e"))
                .header("Authorization", basic()));
    assertThat(traversal.statusCode()).isBetween(400, 404);
    assertProblem(traversal);

    HttpResponse<String> unknown =
        send(
            HttpRequest.newBuilder(URI.create(base() + "/api/v1/no-such-thing"))
                .header("Authorization", basic())
                .header("Accept", "text/html"));
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertProblem(unknown);
  }

  private static void assertProblem(HttpResponse<String> r) {
    assertThat(r.headers().firstValue("Content-Type").orElse(""))
        .as("%s", r.body())
        .startsWith("application/problem+json");
    assertThat(r.body())
        .contains("\"type\":\"https://rapport.dev/problems/", "\"status\":" + r.statusCode())
        .doesNotContain("<html", "Tomcat", "Whitelabel", "\"timestamp\"");
  }

  /** The mapped GET pages, path variables filled with the seeded records' ids. */
  private List<String> pages(Map<String, String> ids) {
    TreeSet<String> pages = new TreeSet<>();
    mappings
        .getHandlerMethods()
        .forEach(
            (info, method) -> {
              var methods = info.getMethodsCondition().getMethods();
              if (!methods.isEmpty() && !methods.contains(RequestMethod.GET)) {
                return;
              }
              for (String pattern : info.getPatternValues()) {
                if (pattern.startsWith("/api")
                    || pattern.startsWith("/error")
                    || pattern.equals("/denied")
                    || pattern.equals("/logout")
                    || pattern.contains("progress")
                    || pattern.endsWith(".csv")) {
                  continue;
                }
                pages.add(fill(pattern, ids));
              }
            });
    pages.add("/persons/" + ids.get("importedPerson"));
    pages.add("/accounts/" + ids.get("importedAccount"));
    pages.add("/imports/" + ids.get("import"));
    pages.add("/search?q=" + enc(CORPUS.get(0)));
    pages.add("/persons?q=" + enc(CORPUS.get(1)));
    pages.add("/settings/audit?objectType=" + enc(CORPUS.get(3)));
    return List.copyOf(pages);
  }

  private static String fill(String pattern, Map<String, String> ids) {
    Matcher m = Pattern.compile("\\{[^}]+}").matcher(pattern);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String before = pattern.substring(0, m.start());
      String id =
          before.contains("account")
              ? ids.get("account")
              : before.contains("imports")
                  ? ids.get("import")
                  : before.contains("rules")
                      ? ids.get("rule")
                      : before.contains("deals")
                          ? ids.get("deal")
                          : before.contains("users")
                              ? ids.get("user")
                              : before.contains("sources") ? ids.get("source") : ids.get("person");
      if (m.group().equals("{subject}") || m.group().equals("{s}")) {
        id = "persons";
      }
      m.appendReplacement(out, Matcher.quoteReplacement(id));
    }
    m.appendTail(out);
    return out.toString();
  }

  /** Hostile records through the public API and the webhook, as any client could send them. */
  private Map<String, String> seed() throws Exception {
    Map<String, String> ids = new LinkedHashMap<>();
    String account =
        id(
            post(
                "/api/v1/accounts",
                "{\"name\":"
                    + json(CORPUS.get(3))
                    + ",\"domains\":[\"hostile.example\"],\"industry\":"
                    + json(CORPUS.get(8))
                    + ",\"location\":"
                    + json(CORPUS.get(11))
                    + "}"));
    ids.put("account", account);
    String person =
        id(
            post(
                "/api/v1/persons",
                "{\"firstName\":"
                    + json(CORPUS.get(0))
                    + ",\"lastName\":"
                    + json(CORPUS.get(1))
                    + ",\"title\":"
                    + json(CORPUS.get(9))
                    + ",\"tags\":[\"<b>tag</b>\",\"javascript:x\"],\"accountId\":"
                    + account
                    + "}"));
    ids.put("person", person);
    post(
        "/api/v1/persons/" + person + "/identities",
        "{\"network\":\"mastodon\",\"handle\":\"@xss@mastodon.social\","
            + "\"profileUrl\":\"https://mastodon.social/@xss\",\"displayName\":"
            + json(CORPUS.get(2))
            + ",\"bio\":"
            + json(String.join(" ", CORPUS))
            + "}");
    for (int i = 0; i < CORPUS.size(); i++) {
      post(
          "/api/v1/persons/" + person + "/touchpoints",
          "{\"kind\":\"note\",\"channel\":\"manual\",\"direction\":\"in\",\"summary\":"
              + json(CORPUS.get(i))
              + ",\"occurredAt\":\"2026-01-01T00:00:00Z\",\"source\":{\"type\":\"xss.note\","
              + "\"id\":\"n"
              + i
              + "-"
              + System.nanoTime()
              + "\"}}");
    }
    ids.put(
        "rule",
        id(
            post(
                "/api/v1/listening/rules",
                "{\"name\":" + json(CORPUS.get(4)) + ",\"query\":\"alert OR script\"}")));
    String created =
        post("/api/v1/sources", "{\"name\":" + json(CORPUS.get(7)) + ",\"kind\":\"webhook\"}");
    ids.put("source", id(created.substring(created.indexOf("\"source\""))));
    Matcher token = Pattern.compile("\"token\":\"([^\"]+)\"").matcher(created);
    if (token.find()) {
      StringBuilder posts = new StringBuilder("{\"posts\":[");
      for (int i = 0; i < CORPUS.size(); i++) {
        posts
            .append(i == 0 ? "" : ",")
            .append("{\"network\":\"mastodon\",\"id\":\"xss-")
            .append(i)
            .append('-')
            .append(System.nanoTime())
            .append("\",\"text\":")
            .append(json("alert script " + CORPUS.get(i)))
            .append(",\"author\":{\"handle\":\"@mallory")
            .append(i)
            .append("@evil.example\",\"displayName\":")
            .append(json(CORPUS.get(i)))
            .append("},\"createdAt\":\"2026-11-23T16:30:00Z\"}");
      }
      posts.append("]}");
      send(
          HttpRequest.newBuilder(URI.create(base() + "/api/v1/ingest"))
              .header("Authorization", "Bearer " + token.group(1))
              .header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofString(posts.toString())));
    }
    ids.put("user", "1");
    // a deal whose name, gate evidence and stakeholder criteria carry the corpus
    String deal =
        id(
            post(
                "/api/v1/opportunities",
                "{\"name\":"
                    + json(CORPUS.get(0))
                    + ",\"amount\":100,\"currency\":\"EUR\",\"closeDate\":\"2030-01-01\","
                    + "\"primaryPersonId\":"
                    + person
                    + ",\"accountId\":"
                    + account
                    + ",\"source\":\"REFERRAL\",\"sourceRef\":"
                    + json(CORPUS.get(5))
                    + "}"));
    post(
        "/api/v1/opportunities/" + deal + "/gates/1", "{\"evidence\":" + json(CORPUS.get(1)) + "}");
    send(
        HttpRequest.newBuilder(
                URI.create(base() + "/api/v1/opportunities/" + deal + "/stakeholders/" + person))
            .header("Authorization", basic())
            .header("Content-Type", "application/json")
            .PUT(
                HttpRequest.BodyPublishers.ofString(
                    "{\"role\":\"CHAMPION\",\"criteria\":" + json(CORPUS.get(2)) + "}")));
    ids.put("deal", deal);
    importCsv(ids);
    return ids;
  }

  /**
   * Hostile accounts and persons through the CSV import, as a user would upload them: every
   * imported column carries the corpus, a notes column (not a field, so its header is reported) and
   * a row with a hostile email (refused, so the email is quoted in the problem list) too.
   */
  private void importCsv(Map<String, String> ids) throws Exception {
    StringWriter accounts = new StringWriter();
    try (CsvWriter csv =
        CsvWriter.open(accounts, List.of("name", "domains", "industry", "location"))) {
      for (int i = 0; i < CORPUS.size(); i++) {
        csv.row(
            CORPUS.get(i),
            "csv-xss-" + i + ".example",
            CORPUS.get((i + 1) % CORPUS.size()),
            CORPUS.get((i + 2) % CORPUS.size()));
      }
    }
    awaitImport(upload("accounts", "<svg onload=alert('csv-file')>.csv", accounts.toString()));
    StringWriter persons = new StringWriter();
    try (CsvWriter csv =
        CsvWriter.open(
            persons,
            List.of(
                "first_name",
                "last_name",
                "email",
                "title",
                "account_domain",
                "tags",
                "notes " + CORPUS.get(2)))) {
      for (int i = 0; i < CORPUS.size(); i++) {
        csv.row(
            CORPUS.get(i),
            CORPUS.get(1),
            "csv-xss-" + i + "@csv-xss-" + i + ".example",
            CORPUS.get((i + 3) % CORPUS.size()),
            "csv-xss-" + i + ".example",
            CORPUS.get((i + 4) % CORPUS.size()) + ";" + CORPUS.get((i + 5) % CORPUS.size()),
            CORPUS.get((i + 6) % CORPUS.size()));
      }
      csv.row("Bad", "Email", CORPUS.get(2) + "@x.example", "t", "", "", "");
    }
    String job = awaitImport(upload("persons", "persons <b>bold</b>.csv", persons.toString()));
    ids.put("import", job);
    ids.put("importedPerson", id(get("/api/v1/persons?q=" + enc("csv-xss-0@csv-xss-0.example"))));
    ids.put("importedAccount", id(get("/api/v1/accounts?q=" + enc("csv-xss-0.example"))));
  }

  private String upload(String kind, String fileName, String csv) throws Exception {
    String boundary = "----rapport" + System.nanoTime();
    String body =
        "--"
            + boundary
            + "\r\n"
            + "Content-Disposition: form-data; name=\"kind\"\r\n\r\n"
            + kind
            + "\r\n"
            + "--"
            + boundary
            + "\r\n"
            + "Content-Disposition: form-data; name=\"file\"; filename=\""
            + fileName
            + "\"\r\n"
            + "Content-Type: text/csv\r\n\r\n"
            + csv
            + "\r\n"
            + "--"
            + boundary
            + "--\r\n";
    HttpResponse<String> r =
        send(
            HttpRequest.newBuilder(URI.create(base() + "/api/v1/imports"))
                .header("Authorization", basic())
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
    Matcher m = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"").matcher(r.body());
    assertThat(m.find()).as(r.body()).isTrue();
    return m.group(1);
  }

  private String awaitImport(String id) throws Exception {
    for (int i = 0; i < 600; i++) {
      String status = get("/api/v1/imports/" + id);
      if (status.contains("\"finishedAt\":\"")) {
        assertThat(status).contains("\"status\":\"done\"").doesNotContain("\"created\":0,");
        return id;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("import " + id + " did not finish");
  }

  private String get(String path) throws Exception {
    return send(HttpRequest.newBuilder(URI.create(base() + path)).header("Authorization", basic()))
        .body();
  }

  private String post(String path, String body) throws Exception {
    HttpResponse<String> r =
        send(
            HttpRequest.newBuilder(URI.create(base() + path))
                .header("Authorization", basic())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    return r.body();
  }

  private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return http.send(
        request.timeout(Duration.ofSeconds(60)).build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private static String id(String json) {
    Matcher m = Pattern.compile("\"id\"\\s*:\\s*(\\d+)").matcher(json);
    return m.find() ? m.group(1) : "1";
  }

  private static String basic() {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((ADMIN + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
  }

  private static String enc(String s) {
    return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private static String json(String s) {
    StringBuilder out = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        default -> {
          if (c < 0x20 || c > 0x7e) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }

  private static void pause() throws InterruptedException {
    Thread.sleep(400);
  }
}
