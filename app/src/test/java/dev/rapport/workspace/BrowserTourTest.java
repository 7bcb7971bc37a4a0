package dev.rapport.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.lifecycle.ChangedBy;
import dev.rapport.lifecycle.Lifecycle;
import dev.rapport.lifecycle.ProductLine;
import dev.rapport.lifecycle.Stage;
import dev.rapport.people.PersonId;
import dev.rapport.support.Browser;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
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

/**
 * The tour a new user takes, in Debian's headless chromium: sign in, search a person, open them,
 * and see their identities, stage and timeline. The data goes in through the public API and the
 * lifecycle facade, as other features would put it there.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BrowserTourTest {

  private static final String ADMIN = "admin";
  private static final String PASSWORD = "test-admin-password";

  @LocalServerPort int port;
  @Autowired Lifecycle lifecycle;

  @Test
  void signInSearchOpenAPersonAndSeeIdentitiesStageAndTimeline() throws Exception {
    long personId =
        createPerson(
            """
            {"firstName":"Imogen","lastName":"Quartermaine","emails":["imogen@fjordlight.example"],
             "title":"Head of Customer Experience","tags":["browser-tour"],"mayContact":true,
             "consentBasis":"legitimate_interest"}
            """);
    post(
        "/api/v1/persons/" + personId + "/identities",
        """
        {"network":"mastodon","handle":"@imogenq@mastodon.social",
         "profileUrl":"https://mastodon.social/@imogenq","displayName":"Imogen Q.",
         "bio":"CX, live bands & karaoke","followers":812}
        """);
    ProductLine line = lifecycle.productLines().get(0);
    Stage lead =
        lifecycle.activeModel().stages().stream()
            .filter(s -> s.position() == 2)
            .findFirst()
            .orElse(lifecycle.activeModel().stages().get(1));
    lifecycle.move(
        new PersonId(personId),
        line.id(),
        lead.id(),
        ChangedBy.user(ADMIN),
        "asked for a CRM recommendation on Mastodon");

    try (Browser browser = new Browser()) {
      WebDriver driver = browser.driver();
      WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(20));
      driver.get(base() + "/login");
      driver.findElement(By.id("username")).sendKeys(ADMIN);
      driver.findElement(By.id("password")).sendKeys(PASSWORD);
      driver.findElement(By.cssSelector("button[type=submit]")).click();
      wait.until(ExpectedConditions.presenceOfElementLocated(By.id("global-search")));

      WebElement search = driver.findElement(By.id("global-search"));
      search.sendKeys("Quartermaine", Keys.ENTER);
      WebElement hit =
          wait.until(
              ExpectedConditions.elementToBeClickable(
                  By.cssSelector("#person-results a[href='/persons/" + personId + "']")));
      assertThat(hit.getText()).contains("Imogen Quartermaine");
      hit.click();

      wait.until(ExpectedConditions.urlContains("/persons/" + personId));
      assertThat(driver.findElement(By.tagName("h1")).getText()).contains("Imogen Quartermaine");
      assertThat(driver.findElement(By.id("identities")).getText())
          .contains("imogenq")
          .containsIgnoringCase("mastodon");
      wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("stage"), lead.name()));
      assertThat(driver.findElement(By.id("stage")).getText()).contains(line.name());
      wait.until(
          ExpectedConditions.textToBePresentInElementLocated(
              By.id("timeline"), "asked for a CRM recommendation"));
      browser.screenshot(Path.of("target", "screenshots", "person.png"));
    }
  }

  private String base() {
    return "http://localhost:" + port;
  }

  private long createPerson(String json) throws Exception {
    String body = post("/api/v1/persons", json);
    Matcher id = Pattern.compile("\"id\"\\s*:\\s*(\\d+)").matcher(body);
    assertThat(id.find()).as("person id in %s", body).isTrue();
    return Long.parseLong(id.group(1));
  }

  private String post(String path, String json) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(base() + path))
            .header("Content-Type", "application/json")
            .header(
                "Authorization",
                "Basic "
                    + Base64.getEncoder()
                        .encodeToString((ADMIN + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)))
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build();
    HttpResponse<String> response =
        HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as("POST %s: %s", path, response.body()).isEqualTo(201);
    return response.body();
  }
}
