package dev.rapport.sales.board;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.access.Role;
import dev.rapport.access.Team;
import dev.rapport.sales.Gate;
import dev.rapport.sales.GateEvidence;
import dev.rapport.sales.Opportunities;
import dev.rapport.sales.Opportunity;
import dev.rapport.support.AccessFixtures;
import dev.rapport.support.AccessFixtures.TestUser;
import dev.rapport.support.Browser;
import java.nio.file.Path;
import java.sql.Date;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The deal board (kanban) in Debian's headless chromium: a card dragged to the next stage moves and
 * both columns' counts and totals change; a card dragged into a stage whose gates it lacks comes
 * back and the page names the missing gates; a viewer gets no drag handles. Screenshots of the
 * board, the list and the forecast go to target/screenshots/.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BoardBrowserTest {

  @LocalServerPort int port;
  @Autowired AccessFixtures access;
  @Autowired BoardFixtures fixtures;
  @Autowired Opportunities deals;
  @Autowired JdbcClient jdbc;

  Browser browser;
  WebDriver driver;
  WebDriverWait wait;
  TestUser seller;
  TestUser viewer;
  Opportunity ready;
  Opportunity gated;

  @BeforeAll
  void start() {
    Team team = access.team();
    seller = access.user(Role.SALES, team);
    viewer = access.user(Role.VIEWER, team);
    LocalDate close = LocalDate.now(ZoneOffset.UTC).plusDays(10);
    ready = fixtures.deal("Northwind rollout", seller.id(), "1000", "EUR", close);
    deals.confirmGate(
        ready.id(), Gate.PROBLEM, new GateEvidence("pains named on a call", null, null));
    gated = fixtures.deal("Contoso pilot", seller.id(), "2000", "EUR", close.plusDays(2));
    Opportunity usd = fixtures.deal("Fabrikam expansion", seller.id(), "3500", "USD", close);
    fixtures.placeIn(usd.id(), fixtures.stage(4));
    Opportunity commit = fixtures.deal("Tailspin renewal", seller.id(), "8000", "EUR", close);
    fixtures.placeIn(commit.id(), fixtures.stage(6));
    pastSnapshots(YearMonth.from(close));
    browser = new Browser();
    driver = browser.driver();
    driver.manage().window().setSize(new Dimension(1600, 1000));
    wait = new WebDriverWait(driver, Duration.ofSeconds(20));
  }

  /** Four earlier weeks of the seller's forecast, so the movement chart has a line to draw. */
  void pastSnapshots(YearMonth month) {
    LocalDate monday =
        LocalDate.now(ZoneOffset.UTC)
            .with(java.time.temporal.TemporalAdjusters.previousOrSame(java.time.DayOfWeek.MONDAY));
    for (int w = 1; w <= 4; w++) {
      jdbc.sql(
              "insert into deal_forecast_snapshot (week_start, owner_key, close_month, currency,"
                  + " category, deals, amount, weighted, taken_at)"
                  + " values (:w, :o, :m, 'EUR', 'COMMIT', 1, :a, :wt, current_timestamp)")
          .param("w", Date.valueOf(monday.minusWeeks(w)))
          .param("o", seller.id())
          .param("m", month.toString())
          .param("a", 6000 + 500 * (4 - w))
          .param("wt", 5000 + 400 * (4 - w))
          .update();
    }
  }

  @AfterAll
  void stop() {
    if (browser != null) {
      browser.close();
    }
  }

  void signIn(TestUser user) {
    driver.manage().deleteAllCookies();
    driver.get("http://127.0.0.1:" + port + "/login");
    driver.findElement(By.id("username")).sendKeys(user.username());
    driver.findElement(By.id("password")).sendKeys(user.password());
    driver.findElement(By.cssSelector("button[type=submit]")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("global-search")));
  }

  void openBoard(TestUser owner) {
    driver.get("http://127.0.0.1:" + port + "/deals/board?owner=" + owner.id());
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("board")));
  }

  String text(long stageId, String css) {
    return driver.findElement(By.cssSelector("#column-" + stageId + " " + css)).getText();
  }

  void drag(long dealId, long toStage) {
    WebElement card = driver.findElement(By.id("deal-" + dealId));
    WebElement target = driver.findElement(By.cssSelector("#column-" + toStage + " .board-cards"));
    new Actions(driver)
        .moveToElement(card)
        .clickAndHold()
        .moveByOffset(8, 8)
        .pause(Duration.ofMillis(150))
        .moveToElement(target)
        .pause(Duration.ofMillis(150))
        .moveByOffset(0, 5)
        .pause(Duration.ofMillis(150))
        .release()
        .perform();
  }

  @Test
  void aDealDraggedAcrossTheKanbanBoardChangesBothColumnsAndARefusedOneSnapsBack() {
    signIn(seller);
    openBoard(seller);
    long first = fixtures.stage(1).id();
    long second = fixtures.stage(2).id();
    assertThat(text(first, ".board-count")).isEqualTo("2");
    assertThat(text(first, ".board-total")).isEqualTo("3,000 EUR");
    assertThat(text(second, ".board-count")).isEqualTo("0");
    assertThat(driver.findElement(By.id("deal-" + gated.id())).getText())
        .contains("gate 1 missing");
    assertThat(driver.findElements(By.cssSelector(".drag-handle"))).isNotEmpty();

    drag(ready.id(), second);
    wait.until(
        ExpectedConditions.textToBe(By.cssSelector("#column-" + second + " .board-count"), "1"));
    assertThat(text(second, ".board-total")).isEqualTo("1,000 EUR");
    assertThat(text(first, ".board-count")).isEqualTo("1");
    assertThat(text(first, ".board-total")).isEqualTo("2,000 EUR");
    assertThat(fixtures.stageOf(ready.id())).isEqualTo(second);

    drag(gated.id(), second);
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(By.id("board-message"), "gate 1"));
    assertThat(driver.findElement(By.id("board-message")).getText())
        .contains(Gate.PROBLEM.named(), "Contoso pilot");
    WebElement back = driver.findElement(By.id("deal-" + gated.id()));
    assertThat(back.findElement(By.xpath("./ancestor::section[1]")).getAttribute("id"))
        .isEqualTo("column-" + first);
    assertThat(text(first, ".board-count")).isEqualTo("1");
    assertThat(text(second, ".board-count")).isEqualTo("1");
    assertThat(fixtures.stageOf(gated.id())).isEqualTo(first);
    browser.screenshot(Path.of("target/screenshots/board.png"));

    driver.get(
        "http://127.0.0.1:" + port + "/deals/list?owner=" + seller.id() + "&sort=amount&dir=desc");
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("table.deals-list")));
    assertThat(driver.findElements(By.cssSelector("table.deals-list tbody tr")))
        .extracting(r -> r.findElement(By.cssSelector("td")).getText())
        .containsExactly(
            "Tailspin renewal", "Fabrikam expansion", "Contoso pilot", "Northwind rollout");
    browser.screenshot(Path.of("target/screenshots/deals-list.png"));

    driver.get("http://127.0.0.1:" + port + "/forecast");
    wait.until(
        ExpectedConditions.presenceOfElementLocated(By.cssSelector("#forecast-chart canvas")));
    assertThat(driver.findElement(By.id("forecast-table")).getText())
        .contains("EUR", "USD", "Weighted");
    browser.screenshot(Path.of("target/screenshots/forecast.png"));
    assertThat(browser.console())
        .filteredOn(
            l ->
                !l.contains("favicon")
                    && !l.contains(
                        "/deals/board/move - Failed to load resource: the server responded with a status of 422"))
        .isEmpty();
  }

  @Test
  void aViewerSeesTheBoardButHasNothingToDrag() {
    signIn(viewer);
    openBoard(seller);
    assertThat(driver.findElement(By.id("board")).getAttribute("data-can-move")).isEqualTo("false");
    assertThat(driver.findElements(By.cssSelector(".board-card"))).isNotEmpty();
    assertThat(driver.findElements(By.cssSelector(".drag-handle"))).isEmpty();
    assertThat(driver.getPageSource()).doesNotContain("Sortable.min.js");
  }
}
