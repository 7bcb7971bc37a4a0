package dev.rapport.collab.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.access.Role;
import dev.rapport.access.Team;
import dev.rapport.people.Network;
import dev.rapport.people.PersonId;
import dev.rapport.people.SocialIdentities;
import dev.rapport.support.AccessFixtures;
import dev.rapport.support.AccessFixtures.TestUser;
import dev.rapport.support.Browser;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The deal's feed in Debian's headless chromium: user A @mentions colleague B in a person's feed, B
 * signs in, sees the unread notification count in the left navigation, opens the notifications
 * page, sees the notification and follows it to the person. Screenshots of the feed and of the
 * notifications page are saved under target/screenshots/.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FeedBrowserTest {

  @LocalServerPort int port;
  @Autowired AccessFixtures access;
  @Autowired SocialIdentities identities;

  Browser browser;
  WebDriver driver;
  WebDriverWait wait;
  TestUser maria;
  TestUser li;
  PersonId person;
  String name;

  @BeforeAll
  void start() {
    Team team = access.team();
    maria = access.user(Role.SALES, team);
    li = access.user(Role.SUPPORT, team);
    name = "Ana Feed " + UUID.randomUUID().toString().substring(0, 6);
    person =
        identities.resolveAuthor(
            Network.OTHER, "feed-" + UUID.randomUUID(), null, name, null, null);
    browser = new Browser();
    driver = browser.driver();
    driver.manage().window().setSize(new Dimension(1440, 1000));
    wait = new WebDriverWait(driver, Duration.ofSeconds(20));
  }

  @AfterAll
  void stop() {
    if (browser != null) {
      browser.close();
    }
  }

  String base() {
    return "http://127.0.0.1:" + port;
  }

  void signIn(TestUser user) {
    driver.manage().deleteAllCookies();
    driver.get(base() + "/login");
    driver.findElement(By.id("username")).sendKeys(user.username());
    driver.findElement(By.id("password")).sendKeys(user.password());
    driver.findElement(By.cssSelector("button[type=submit]")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("global-search")));
  }

  @Test
  void aMentionedColleagueSeesTheNotification() {
    signIn(maria);
    driver.get(base() + "/persons/" + person.value());
    String box = "comment-persons-" + person.value();
    WebElement text = wait.until(ExpectedConditions.elementToBeClickable(By.id(box)));
    // @ and the name: the autocomplete offers the colleague, Enter picks them
    text.sendKeys("@" + li.username());
    WebElement suggestion =
        wait.until(
            ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector(".mention-suggestions li.active")));
    assertThat(suggestion.getText()).contains(li.user().displayName(), "@" + li.username());
    text.sendKeys(org.openqa.selenium.Keys.ENTER);
    assertThat(text.getAttribute("value")).isEqualTo("@" + li.username() + " ");
    assertThat(driver.findElements(By.cssSelector(".mention-suggestions"))).isEmpty();
    text.sendKeys(
        "they ask about <b>SSO</b>: can you join Thursday's call? Notes:"
            + " https://example.com/notes/sso");
    driver.findElement(By.cssSelector(".feed-comment button[type=submit]")).click();
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.cssSelector(".feed-outcome"), "Notified " + li.user().displayName()));
    WebElement entry = driver.findElement(By.cssSelector("ol.feed .feed-entry"));
    assertThat(entry.findElement(By.cssSelector(".feed-mention")).getText())
        .isEqualTo("@" + li.username());
    assertThat(entry.findElement(By.cssSelector(".feed-body a")).getAttribute("href"))
        .isEqualTo("https://example.com/notes/sso");
    // the angle brackets are text, not markup
    assertThat(entry.getText()).contains("<b>SSO</b>");
    assertThat(entry.findElements(By.tagName("b"))).isEmpty();
    ((JavascriptExecutor) driver)
        .executeScript("document.getElementById('feed').scrollIntoView({block: 'start'})");
    browser.screenshot(Path.of("target/screenshots/feed.png"));
    assertThat(browser.console()).filteredOn(l -> !l.contains("favicon")).isEmpty();

    signIn(li);
    WebElement count =
        wait.until(
            ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#nav-count-notifications.count")));
    assertThat(count.getText()).isEqualTo("1");
    driver.findElement(By.cssSelector("nav.sidebar a[href='/notifications']")).click();
    WebElement notification =
        wait.until(
            ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".notification.unread")));
    assertThat(notification.getText())
        .contains(maria.user().displayName(), "mentioned you on", name)
        .contains("can you join Thursday's call?");
    assertThat(driver.findElement(By.cssSelector("main")).getText()).contains("1 unread");
    browser.screenshot(Path.of("target/screenshots/notifications.png"));

    notification.findElement(By.linkText(name)).click();
    wait.until(ExpectedConditions.urlContains("/persons/" + person.value()));
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.cssSelector("#feed"), "they ask about"));

    driver.get(base() + "/notifications");
    driver.findElement(By.xpath("//button[normalize-space()='Mark all read']")).click();
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("main"), "0 unread"));
    wait.until(
        ExpectedConditions.invisibilityOfElementLocated(
            By.cssSelector("#nav-count-notifications.count")));
    assertThat(driver.findElements(By.cssSelector(".notification.unread"))).isEmpty();
    assertThat(browser.console()).filteredOn(l -> !l.contains("favicon")).isEmpty();
  }
}
