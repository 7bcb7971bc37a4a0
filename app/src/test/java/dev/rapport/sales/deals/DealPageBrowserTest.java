package dev.rapport.sales.deals;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.people.Network;
import dev.rapport.people.PersonId;
import dev.rapport.people.SocialIdentities;
import dev.rapport.sales.DealSource;
import dev.rapport.sales.Gate;
import dev.rapport.sales.GateEvidence;
import dev.rapport.sales.NewOpportunity;
import dev.rapport.sales.NewStakeholder;
import dev.rapport.sales.Opportunities;
import dev.rapport.sales.StakeholderRole;
import dev.rapport.sales.Stance;
import dev.rapport.support.Browser;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
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
 * A deal's page in headless chromium: the six gates, the stakeholder map with the decision maker's
 * identity, a move the gates refuse showing which gates are missing, a gate confirmed through its
 * form, and the history. A screenshot is saved under target/screenshots/deal.png.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DealPageBrowserTest {

  @LocalServerPort int port;
  @Autowired Opportunities deals;
  @Autowired SocialIdentities identities;

  @Test
  void theDealPageShowsGatesStakeholdersAndRefusesAGatedMove() {
    String handle = "@dm" + UUID.randomUUID().toString().substring(0, 6) + "@example.social";
    PersonId champion =
        identities.resolveAuthor(
            Network.MASTODON, "@ch" + handle.substring(3), null, "Chloe Champion", null, null);
    PersonId dm =
        identities.resolveAuthor(Network.MASTODON, handle, null, "Dana Decider", null, null);
    var deal =
        deals.create(
            new NewOpportunity(
                "Listening rollout for Northwind",
                null,
                null,
                new BigDecimal("48000"),
                "EUR",
                new BigDecimal("19000"),
                LocalDate.now().plusMonths(2),
                null,
                null,
                champion,
                List.of(dm),
                DealSource.REFERRAL,
                "partner Acme",
                null));
    deals.confirmGate(
        deal.id(),
        Gate.PROBLEM,
        new GateEvidence(
            "Complaints on Mastodon go unanswered over the weekend", List.of(), List.of()));
    deals.putStakeholder(
        deal.id(),
        new NewStakeholder(
            champion, StakeholderRole.CHAMPION, "Time saved", Stance.SUPPORTER, true));
    deals.putStakeholder(
        deal.id(),
        new NewStakeholder(dm, StakeholderRole.DECISION_MAKER, "Price, SSO", Stance.NEUTRAL, true));

    try (Browser browser = new Browser()) {
      WebDriver driver = browser.driver();
      driver.manage().window().setSize(new Dimension(1440, 1100));
      WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(20));
      driver.get("http://127.0.0.1:" + port + "/login");
      driver.findElement(By.id("username")).sendKeys("admin");
      driver.findElement(By.id("password")).sendKeys("test-admin-password");
      driver.findElement(By.cssSelector("button[type=submit]")).click();
      wait.until(ExpectedConditions.presenceOfElementLocated(By.id("global-search")));

      driver.get("http://127.0.0.1:" + port + "/deals/" + deal.id());
      assertThat(driver.findElements(By.cssSelector("ol.gates > li"))).hasSize(6);
      assertThat(driver.findElement(By.id("gate-1")).getText()).contains("holds", "weekend");
      assertThat(driver.findElement(By.id("gate-5")).getText())
          .contains("holds", "Dana Decider", "from the stakeholders");
      assertThat(driver.findElement(By.cssSelector(".stakeholders")).getText())
          .contains("DECISION_MAKER", "Dana Decider", "access", handle);

      new Select(driver.findElement(By.name("stageId")))
          .selectByVisibleText("Map the buying process (50%)");
      driver.findElement(By.xpath("//button[text()='Move']")).click();
      String error =
          wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("p.error")))
              .getText();
      assertThat(error)
          .contains("gate 2 (Measurable return agreed)", "gate 3 (Solution articulated)")
          .doesNotContain("gate 1 (");

      driver
          .findElement(By.cssSelector("#gate-2 textarea[name=evidence]"))
          .sendKeys("Twenty hours a week saved, agreed with their COO");
      driver.findElement(By.cssSelector("#gate-2 button")).click();
      wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("gate-2"), "holds"));
      assertThat(driver.findElement(By.cssSelector(".history")).getText()).contains("2 confirmed");
      browser.screenshot(Path.of("target/screenshots/deal.png"));
      assertThat(browser.dialog()).isNull();
    }
  }
}
