package dev.rapport;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.support.Browser;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An admin erases a person from the person page in headless chromium, with the keyboard: the
 * confirmation names the identities that go to the blocklist and refuses an empty reason, the
 * erasure lands on the privacy settings with the new blocklist entries. Screenshots of both pages
 * go to app/target/screenshots.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PrivacyBrowserTest {

  private static final String ADMIN = "admin";
  private static final String PASSWORD = "test-admin-password";

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  @Test
  void anAdminErasesAPersonFromTheirPageAndSeesTheBlocklist() throws Exception {
    String tag = UUID.randomUUID().toString().substring(0, 8);
    String person =
        id(post("/api/v1/persons", "{\"firstName\":\"Erin\",\"lastName\":\"Erase" + tag + "\"}"));
    post(
        "/api/v1/persons/" + person + "/identities",
        "{\"network\":\"mastodon\",\"handle\":\"@erin" + tag + "@example.social\"}");
    try (Browser browser = new Browser()) {
      WebDriver driver = browser.driver();
      WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(20));
      driver.get(base() + "/login");
      driver.findElement(By.id("username")).sendKeys(ADMIN);
      driver.findElement(By.id("password")).sendKeys(PASSWORD);
      driver.findElement(By.cssSelector("button[type=submit]")).click();
      wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));

      driver.get(base() + "/persons/" + person);
      assertThat(driver.findElement(By.linkText("Export data")).getAttribute("href"))
          .endsWith("/api/v1/persons/" + person + "/export");
      WebElement erase = driver.findElement(By.linkText("Erase…"));
      erase.sendKeys(Keys.ENTER);
      wait.until(ExpectedConditions.urlContains("/persons/" + person + "/erase"));
      assertThat(driver.findElement(By.tagName("h1")).getText())
          .isEqualTo("Erase Erin Erase" + tag + " everywhere?");
      assertThat(driver.getPageSource()).contains("mastodon · @erin" + tag + "@example.social");
      browser.screenshot(Path.of("target", "screenshots", "privacy-erase.png"));

      // the browser refuses an empty reason before anything is sent
      WebElement button = driver.findElement(By.cssSelector("button.danger"));
      button.sendKeys(Keys.ENTER);
      assertThat(driver.getCurrentUrl()).contains("/erase");
      assertThat(count(person)).isEqualTo(1);

      WebElement reason = driver.findElement(By.name("reason"));
      reason.sendKeys("GDPR request " + tag);
      button.sendKeys(Keys.ENTER);
      wait.until(ExpectedConditions.urlContains("/settings/privacy?erased=" + person));
      assertThat(driver.findElement(By.cssSelector("p.notice")).getText())
          .isEqualTo("Person " + person + " was erased.");
      assertThat(driver.findElement(By.tagName("table")).getText())
          .contains("handle on mastodon")
          .contains("GDPR request " + tag)
          .doesNotContain("erin" + tag);
      browser.screenshot(Path.of("target", "screenshots", "privacy-blocklist.png"));
      assertThat(browser.console())
          .filteredOn(
              l ->
                  l.contains("Content Security Policy")
                      || (l.startsWith("SEVERE") && !l.contains("status of 4")))
          .isEmpty();
    }
    assertThat(count(person)).isZero();
  }

  private long count(String person) {
    return jdbc.sql("select count(*) from person where id = :id")
        .param("id", Long.parseLong(person))
        .query(Long.class)
        .single();
  }

  private String base() {
    return "http://127.0.0.1:" + port;
  }

  private String post(String path, String body) throws Exception {
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(URI.create(base() + path))
                .header("Authorization", basic())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .timeout(Duration.ofSeconds(60))
                .build(),
            HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    return r.body();
  }

  private static String id(String json) {
    Matcher m = Pattern.compile("\"id\"\\s*:\\s*(\\d+)").matcher(json);
    assertThat(m.find()).as(json).isTrue();
    return m.group(1);
  }

  private static String basic() {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((ADMIN + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
  }
}
