package dev.rapport.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.access.Role;
import dev.rapport.people.PersonId;
import dev.rapport.support.AccessFixtures;
import dev.rapport.support.AccessFixtures.TestUser;
import dev.rapport.support.Browser;
import dev.rapport.support.TestRecords;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The home page is the seller's day, in headless chromium: setting a cadence on a person they own
 * (on the person page, by keyboard-reachable form) makes a touch due, and the home page and the
 * left navigation's count show it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DayBrowserTest {

  @LocalServerPort int port;
  @Autowired AccessFixtures access;
  @Autowired TestRecords records;
  @Autowired JdbcClient jdbc;

  String base() {
    return "http://localhost:" + port;
  }

  @Test
  void settingACadenceMakesATouchDueOnTheHomePageAndInTheNavigationCount() {
    TestUser seller = access.user(Role.SALES);
    PersonId person = records.person();
    jdbc.sql("update person set owner_user_id = :o, full_name = 'Dana Day' where id = :id")
        .param("o", seller.id())
        .param("id", person.value())
        .update();
    try (Browser browser = new Browser()) {
      WebDriver driver = browser.driver();
      WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
      driver.get(base() + "/login");
      driver.findElement(By.id("username")).sendKeys(seller.username());
      driver.findElement(By.id("password")).sendKeys(seller.password());
      driver.findElement(By.cssSelector("button[type=submit]")).click();
      wait.until(ExpectedConditions.presenceOfElementLocated(By.id("global-search")));

      driver.get(base() + "/");
      wait.until(ExpectedConditions.presenceOfElementLocated(By.id("day-touch")));
      assertThat(driver.findElements(By.id("day-due-" + person.value()))).isEmpty();
      assertThat(driver.findElement(By.id("nav-count-touch")).getText()).isEmpty();

      driver.get(base() + "/persons/" + person.value());
      By every = By.id("every-" + person.value());
      wait.until(ExpectedConditions.presenceOfElementLocated(every));
      driver.findElement(every).sendKeys("7");
      driver.findElement(every).submit();
      wait.until(
          ExpectedConditions.textToBePresentInElementLocated(
              By.id("touch-panel-" + person.value()), "Cadence saved."));

      driver.get(base() + "/");
      wait.until(ExpectedConditions.presenceOfElementLocated(By.id("day-due-" + person.value())));
      assertThat(driver.findElement(By.id("day-due-" + person.value())).getText())
          .contains("Dana Day")
          .contains("today");
      wait.until(ExpectedConditions.textToBe(By.id("nav-count-touch"), "1"));
      browser.screenshot(Path.of("target/screenshots/home-day.png"));
      assertThat(browser.console())
          .noneMatch(line -> line.contains("SEVERE") && !line.contains("favicon.ico"));
    }
  }
}
