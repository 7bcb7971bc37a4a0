package dev.rapport.sales.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.access.Users;
import dev.rapport.support.Browser;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The inbox worked by keyboard in Debian's headless chromium: j/k move, ? shows the keys, a and s
 * focus their choices, r opens the suggested reply, e finishes an item; a screenshot is saved under
 * target/screenshots/inbox.png.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InboxBrowserTest {

  @LocalServerPort int port;
  @Autowired RealMentions real;
  @Autowired InboxWork work;
  @Autowired Users users;

  Browser browser;
  WebDriver driver;
  WebDriverWait wait;
  final List<Item> mine = new ArrayList<>();

  @BeforeAll
  void start() throws Exception {
    String word = real.rule("Browser inbox rule");
    long admin = users.byUsername("admin").orElseThrow().id();
    String[] texts = {
      "Can anyone recommend a good CRM? We are evaluating vendors <b>now</b> ",
      "Acme support is terrible, my invoices have been broken for a week ",
      "How do I export contacts from Acme? ",
    };
    for (String t : texts) {
      Item item =
          real.awaitItem(
              real.ingest("browser-inbox", RealMentions.mastodon(t + word, "5" + mine.size())));
      mine.add(work.assign(item.id(), admin));
    }
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

  @AfterAll
  void stop() {
    if (browser != null) {
      browser.close();
    }
  }

  void keys(CharSequence k) {
    new Actions(driver).sendKeys(k).perform();
  }

  WebElement current() {
    return driver.findElement(By.cssSelector(".inbox-item.current"));
  }

  @Test
  void theInboxIsWorkedByKeyboard() {
    driver.get("http://127.0.0.1:" + port + "/inbox?view=mine");
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".inbox-item")));
    List<WebElement> rows = driver.findElements(By.cssSelector(".inbox-item"));
    assertThat(rows).hasSizeGreaterThanOrEqualTo(3);
    assertThat(driver.findElement(By.cssSelector("main")).getText())
        .contains("Buying signal", "Complaint", "Question", "Browser inbox rule")
        .contains("<b>now</b>");
    assertThat(driver.findElements(By.cssSelector("main b"))).isEmpty();

    keys("j");
    String first = current().getAttribute("id");
    keys("j");
    assertThat(current().getAttribute("id")).isNotEqualTo(first);
    keys("k");
    assertThat(current().getAttribute("id")).isEqualTo(first);

    keys("?");
    assertThat(driver.findElement(By.id("inbox-keys")).isDisplayed()).isTrue();
    keys("?");
    assertThat(driver.findElement(By.id("inbox-keys")).isDisplayed()).isFalse();

    keys("a");
    assertThat(driver.switchTo().activeElement().getAttribute("id")).startsWith("assign-");
    keys(Keys.ESCAPE);
    keys("r");
    WebElement reply = driver.switchTo().activeElement();
    assertThat(reply.getTagName()).isEqualTo("textarea");
    assertThat(reply.getAttribute("value")).isNotBlank();
    keys(Keys.ESCAPE);
    browser.screenshot(Path.of("target/screenshots/inbox.png"));

    keys("s");
    WebElement snooze = driver.switchTo().activeElement();
    assertThat(snooze.getAttribute("id")).startsWith("snooze-");
    String snoozed = current().getAttribute("id");
    keys(Keys.ENTER);
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.cssSelector("main"), "snoozed until"));
    assertThat(driver.findElements(By.id(snoozed))).isEmpty();

    keys("j");
    String finishing = current().getAttribute("id");
    keys("e");
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("main"), "done."));
    assertThat(driver.findElements(By.id(finishing))).isEmpty();
    assertThat(browser.console()).filteredOn(l -> !l.contains("favicon")).isEmpty();
  }
}
