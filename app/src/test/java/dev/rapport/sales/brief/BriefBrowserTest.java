package dev.rapport.sales.brief;

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
 * A seller opens the printable pre-call brief of a person they own in headless chromium: the
 * heading names the person, the interests and openers sections are there, and the page logs no
 * error. A screenshot is saved under target/screenshots/brief.png.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BriefBrowserTest {

  @LocalServerPort int port;
  @Autowired AccessFixtures access;
  @Autowired TestRecords records;
  @Autowired JdbcClient jdbc;

  @Test
  void aSellerOpensTheBriefOfTheirPersonWithInterestsCautionsAndOpeners() {
    TestUser seller = access.user(Role.SALES);
    PersonId person = records.person();
    jdbc.sql("update person set owner_user_id = :o, full_name = 'Bria Brief' where id = :id")
        .param("o", seller.id())
        .param("id", person.value())
        .update();
    String base = "http://localhost:" + port;
    try (Browser browser = new Browser()) {
      WebDriver driver = browser.driver();
      WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
      driver.get(base + "/login");
      driver.findElement(By.id("username")).sendKeys(seller.username());
      driver.findElement(By.id("password")).sendKeys(seller.password());
      driver.findElement(By.cssSelector("button[type=submit]")).click();
      wait.until(ExpectedConditions.presenceOfElementLocated(By.id("global-search")));

      driver.get(base + "/brief/persons/" + person.value());
      wait.until(ExpectedConditions.presenceOfElementLocated(By.id("interests-heading")));
      assertThat(driver.findElement(By.tagName("h1")).getText())
          .isEqualTo("Pre-call brief: Bria Brief");
      assertThat(driver.findElement(By.id("interests-heading")).getText()).isEqualTo("Interests");
      assertThat(driver.findElements(By.id("openers-heading"))).hasSize(1);
      browser.screenshot(Path.of("target/screenshots/brief.png"));
      assertThat(browser.console())
          .noneMatch(line -> line.contains("SEVERE") && !line.contains("favicon.ico"));
    }
  }
}
