package dev.rapport.sales.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.access.Users;
import dev.rapport.support.Browser;
import java.time.Duration;
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

/**
 * The home page and the left navigation count the user's waiting inbox items, in headless chromium:
 * assigning one more item to the user raises both by one (other tests may have assigned items to
 * the same user before, so the test compares before and after).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class HomeInboxCountBrowserTest {

  @LocalServerPort int port;
  @Autowired RealMentions real;
  @Autowired InboxWork work;
  @Autowired Users users;

  @Test
  void assigningAnItemRaisesTheHomePageAndNavigationCounts() throws Exception {
    String word = real.rule("Home inbox count rule");
    long admin = users.byUsername("admin").orElseThrow().id();
    Item item =
        real.awaitItem(
            real.ingest(
                "home-inbox",
                RealMentions.mastodon(
                    "Can anyone recommend a good CRM for a small team? " + word, "7001")));
    try (Browser browser = new Browser()) {
      WebDriver driver = browser.driver();
      WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
      driver.get("http://127.0.0.1:" + port + "/login");
      driver.findElement(By.id("username")).sendKeys("admin");
      driver.findElement(By.id("password")).sendKeys("test-admin-password");
      driver.findElement(By.cssSelector("button[type=submit]")).click();
      wait.until(ExpectedConditions.presenceOfElementLocated(By.id("global-search")));

      driver.get("http://127.0.0.1:" + port + "/");
      wait.until(ExpectedConditions.presenceOfElementLocated(By.id("day-inbox")));
      long before = waiting(driver);

      work.assign(item.id(), admin);

      driver.get("http://127.0.0.1:" + port + "/");
      wait.until(ExpectedConditions.presenceOfElementLocated(By.id("day-inbox-waiting")));
      assertThat(waiting(driver)).isEqualTo(before + 1);
      wait.until(ExpectedConditions.textToBe(By.id("nav-count-inbox"), String.valueOf(before + 1)));
    }
  }

  private static long waiting(WebDriver driver) {
    var found = driver.findElements(By.id("day-inbox-waiting"));
    if (found.isEmpty()) {
      return 0;
    }
    Matcher m = Pattern.compile("^(\\d+) item").matcher(found.get(0).getText());
    assertThat(m.find()).as("waiting text: %s", found.get(0).getText()).isTrue();
    return Long.parseLong(m.group(1));
  }
}
