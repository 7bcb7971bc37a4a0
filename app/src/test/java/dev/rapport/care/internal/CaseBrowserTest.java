package dev.rapport.care.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.listening.MentionDetails;
import dev.rapport.people.Network;
import dev.rapport.people.PersonId;
import dev.rapport.people.SocialIdentities;
import dev.rapport.support.Browser;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Work a case in Debian's headless chromium: find it in the /cases queue, open it, assign it, reply
 * (the text is shown as text, never as HTML), mark it resolved and close it happily; screenshots
 * under target/screenshots/cases.png and case.png.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CaseBrowserTest {

  @LocalServerPort int port;
  @Autowired CaseIntake intake;
  @Autowired Brands brands;
  @Autowired SocialIdentities identities;
  @Autowired dev.rapport.access.Users users;

  Browser browser;
  WebDriver driver;
  WebDriverWait wait;
  CareCase kase;
  String brand;

  @BeforeAll
  void start() {
    brand = "Brandy" + UUID.randomUUID().toString().substring(0, 6);
    brands.add(brand, "brand");
    PersonId author =
        identities.resolveAuthor(
            Network.MASTODON,
            "@care" + UUID.randomUUID().toString().substring(0, 8) + "@example.social",
            null,
            "Casey Customer",
            null,
            null);
    kase =
        intake
            .take(
                new MentionDetails.Detail(
                    System.nanoTime(),
                    author,
                    "mastodon",
                    "browser-" + UUID.randomUUID(),
                    "@casey@example.social",
                    "en",
                    "My " + brand + " export is <b>broken</b> since Monday",
                    null,
                    Instant.now(),
                    null,
                    "negative",
                    List.of(
                        new MentionDetails.Reading("intent", "COMPLAINT", false, 0.9, List.of())),
                    List.of()),
                Instant.now())
            .orElseThrow();
    browser = new Browser();
    driver = browser.driver();
    driver.manage().window().setSize(new Dimension(1440, 1000));
    wait = new WebDriverWait(driver, Duration.ofSeconds(20));
    driver.get("http://127.0.0.1:" + port + "/login");
    driver.findElement(By.id("username")).sendKeys("admin");
    driver.findElement(By.id("password")).sendKeys("test-admin-password");
    driver.findElement(By.cssSelector("button[type=submit]")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("global-search")));
  }

  /** The queue and a case at desktop and phone width: nothing spills, Tab reaches every action. */
  @Test
  void theQueueAndACaseFitADesktopAndAPhone() {
    for (dev.rapport.support.PageChecks.Viewport v : dev.rapport.support.PageChecks.VIEWPORTS) {
      dev.rapport.support.PageChecks.viewport(driver, v);
      driver.get("http://127.0.0.1:" + port + "/cases?view=all");
      wait.until(ExpectedConditions.presenceOfElementLocated(By.id("case-" + kase.id())));
      dev.rapport.support.PageChecks.check(browser, "cases", v);
      driver.get("http://127.0.0.1:" + port + "/cases/" + kase.id());
      wait.until(ExpectedConditions.presenceOfElementLocated(By.id("case-status")));
      dev.rapport.support.PageChecks.check(browser, "case", v);
    }
    dev.rapport.support.PageChecks.viewport(driver, dev.rapport.support.PageChecks.DESKTOP);
  }

  @AfterAll
  void stop() {
    if (browser != null) {
      browser.close();
    }
  }

  @Test
  void workACase() {
    driver.get("http://127.0.0.1:" + port + "/cases?view=unassigned");
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("case-" + kase.id())));
    String row = driver.findElement(By.id("case-" + kase.id())).getText();
    assertThat(row).contains(brand, "complaint", "<b>broken</b>", "Casey Customer", "due in");
    assertThat(driver.findElements(By.cssSelector("main b"))).isEmpty();
    browser.screenshot(Path.of("target/screenshots/cases.png"));

    driver.findElement(By.cssSelector("#case-" + kase.id() + " a")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("case-status")));
    assertThat(driver.findElement(By.id("case-status")).getText()).isEqualTo("New");

    new Select(driver.findElement(By.id("assign-user")))
        .selectByValue(String.valueOf(users.byUsername("admin").orElseThrow().id()));
    driver.findElement(By.cssSelector("form[action$='/assign'] button")).click();
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("main"), "assigned."));
    assertThat(driver.findElement(By.id("case-owner")).getText()).isNotEqualTo("queue");

    driver.findElement(By.id("reply-text")).sendKeys("Sorry! A fix ships <i>today</i>.");
    driver.findElement(By.cssSelector("form[action$='/reply'] button")).click();
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.cssSelector("main"), "waits on the customer"));
    assertThat(driver.findElement(By.id("case-status")).getText()).isEqualTo("Waiting on customer");
    assertThat(driver.findElement(By.cssSelector(".care-history")).getText())
        .contains("Sorry! A fix ships <i>today</i>.");
    assertThat(driver.findElement(By.id("case-sla")).getText()).isEqualTo("answered in time");
    browser.screenshot(Path.of("target/screenshots/case.png"));

    new Select(driver.findElement(By.id("case-status-select"))).selectByValue("resolved");
    driver.findElement(By.cssSelector("form[action$='/status'] button")).click();
    wait.until(ExpectedConditions.textToBe(By.id("case-status"), "Resolved"));

    new Select(driver.findElement(By.id("close-outcome"))).selectByValue("resolved_happy");
    driver.findElement(By.cssSelector("form[action$='/close'] button")).click();
    wait.until(ExpectedConditions.textToBe(By.id("case-status"), "Closed"));
    assertThat(driver.findElement(By.id("case-outcome")).getText()).isEqualTo("resolved happy");
    assertThat(driver.findElements(By.id("reply-text"))).isEmpty();
    assertThat(browser.console()).filteredOn(l -> !l.contains("favicon")).isEmpty();
  }
}
