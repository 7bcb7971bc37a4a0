package dev.rapport.sales.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.access.Role;
import dev.rapport.access.Team;
import dev.rapport.access.Users;
import dev.rapport.support.AccessFixtures;
import dev.rapport.support.Browser;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Settings › Inbox in headless chromium: a rule added through the form shows in the ordered table,
 * moving it changes the order, and an SLA of 0 is refused with the reason beside the field.
 * Screenshots: target/screenshots/inbox-settings.png and inbox-settings-refused.png.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InboxSettingsBrowserTest {

  @LocalServerPort int port;
  @Autowired Users users;
  @Autowired Routes routes;
  @Autowired InboxSettings settings;
  @Autowired AccessFixtures fixtures;

  Browser browser;
  WebDriver driver;
  WebDriverWait wait;
  Map<Signal, Integer> slasBefore;

  @BeforeAll
  void start() {
    slasBefore = settings.slas();
    Team team = fixtures.team();
    fixtures.user(Role.SALES, team);
    routes.create(
        new Routes.Form(
            "Complaints to support",
            true,
            null,
            "complaint",
            null,
            null,
            null,
            null,
            null,
            team.id(),
            null));
    browser = new Browser();
    driver = browser.driver();
    driver.manage().window().setSize(new Dimension(1440, 1400));
    wait = new WebDriverWait(driver, Duration.ofSeconds(20));
    driver.get("http://127.0.0.1:" + port + "/login");
    driver.findElement(By.id("username")).sendKeys("admin");
    driver.findElement(By.id("password")).sendKeys("test-admin-password");
    driver.findElement(By.cssSelector("button[type=submit]")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("global-search")));
  }

  @AfterAll
  void stop() {
    routes.all().stream()
        .filter(
            r -> r.name().equals("Complaints to support") || r.name().equals("DACH buying signals"))
        .forEach(r -> routes.delete(r.id()));
    Map<String, Integer> back = new java.util.HashMap<>();
    slasBefore.forEach((s, m) -> back.put(s.key(), m));
    settings.setSlas(back);
    if (browser != null) {
      browser.close();
    }
  }

  @Test
  void rulesAreAddedAndReorderedAndAZeroSlaIsRefusedBesideItsField() {
    driver.get("http://127.0.0.1:" + port + "/settings/inbox");
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("rule-name")));
    driver.findElement(By.id("rule-name")).sendKeys("DACH buying signals");
    new Select(driver.findElement(By.id("rule-reading"))).selectByValue("buying");
    driver.findElement(By.id("rule-territory")).sendKeys("Germany, Austria, Switzerland");
    new Select(driver.findElement(By.id("rule-icp"))).selectByValue("true");
    long admin = users.byUsername("admin").orElseThrow().id();
    new Select(driver.findElement(By.id("rule-assign"))).selectByValue("user:" + admin);
    driver.findElement(By.cssSelector(".rule-form button[type=submit]")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("p.notice")));

    WebElement table = driver.findElement(By.cssSelector("table.rules"));
    assertThat(table.getText())
        .contains("DACH buying signals", "account in Germany, Austria, Switzerland")
        .contains("Complaints to support");
    assertThat(driver.findElements(By.cssSelector("table.rules tbody tr")).get(1).getText())
        .contains("DACH buying signals");
    driver.findElement(By.cssSelector("button[aria-label='Move DACH buying signals up']")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("p.notice")));
    assertThat(driver.findElements(By.cssSelector("table.rules tbody tr")).get(0).getText())
        .contains("DACH buying signals");
    browser.screenshot(Path.of("target/screenshots/inbox-settings.png"));

    WebElement complaint = driver.findElement(By.id("sla-sla.complaint"));
    complaint.clear();
    complaint.sendKeys("0");
    // the browser's own min=1 check would stop the form first; the server must refuse too
    ((org.openqa.selenium.JavascriptExecutor) driver)
        .executeScript("arguments[0].removeAttribute('min')", complaint);
    driver.findElement(By.cssSelector("#sla button[type=submit]")).click();
    WebElement error =
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("err-sla.complaint")));
    assertThat(error.getText()).contains("an SLA of 0 could never be met");
    assertThat(driver.findElement(By.id("sla-sla.complaint")).getAttribute("aria-invalid"))
        .isEqualTo("true");
    assertThat(settings.slas()).isEqualTo(slasBefore);
    driver.findElement(By.id("sla")).getLocation();
    ((org.openqa.selenium.JavascriptExecutor) driver)
        .executeScript("document.getElementById('sla').scrollIntoView()");
    browser.screenshot(Path.of("target/screenshots/inbox-settings-refused.png"));
  }
}
