package dev.rapport.advocacy.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.people.Network;
import dev.rapport.people.PersonId;
import dev.rapport.people.SocialIdentities;
import dev.rapport.sales.DealWon;
import dev.rapport.support.Browser;
import dev.rapport.support.PageChecks;
import java.math.BigDecimal;
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
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The advocates page in Debian's headless chromium: the leaderboard shows who brought whom and the
 * revenue of their won deals, an advocate's reasons are listed, and a referral link is copied with
 * its button; a name with markup shows as text. A screenshot is saved under
 * target/screenshots/advocates.png.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdvocatesBrowserTest {

  @LocalServerPort int port;
  @Autowired SocialIdentities identities;
  @Autowired AdvocacyStore store;
  @Autowired AdvocacyScoring scoring;
  @Autowired Referrals referrals;

  Browser browser;
  WebDriver driver;
  WebDriverWait wait;
  PersonId advocate;
  String code;
  String name;

  @BeforeAll
  void start() {
    String tag = UUID.randomUUID().toString().substring(0, 6);
    name = "Ana <b>Bold</b> " + tag;
    advocate =
        identities.resolveAuthor(
            Network.MASTODON, "@ana" + tag + "@example.social", null, name, null, null);
    store.addSignal(
        advocate, Signal.Kind.REVIEW, "ask", "b" + tag, "wrote a review on G2", Instant.now());
    store.enlist(advocate, "ADVOCATE", "by hand", "spoke at our meetup", 15, Instant.now());
    scoring.rescore(advocate, "browser test");
    code = referrals.issue(advocate, null).code();
    Referrals.SignedUp signedUp =
        referrals.signup(
            new Referrals.Signup(
                code, "Rui Referred " + tag, "rui" + tag + "@example.com", null, null, null));
    referrals.credit(
        new DealWon(
            8_000_000_000L + Math.abs(tag.hashCode()),
            null,
            List.of(new PersonId(signedUp.referral().referred())),
            new BigDecimal("48000"),
            "EUR",
            new BigDecimal("9600"),
            "referral",
            Instant.now()));

    browser = new Browser();
    driver = browser.driver();
    driver.manage().window().setSize(new Dimension(1440, 1100));
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

  @Test
  void theAdvocatesAndCampaignsPagesFitTheScreenAndTheKeyboardReachesEverything() {
    for (PageChecks.Viewport v : PageChecks.VIEWPORTS) {
      PageChecks.viewport(driver, v);
      driver.get("http://127.0.0.1:" + port + "/advocates");
      wait.until(ExpectedConditions.presenceOfElementLocated(By.id("leader-" + advocate.value())));
      PageChecks.check(browser, "advocates", v);
      driver.get("http://127.0.0.1:" + port + "/campaigns");
      wait.until(ExpectedConditions.presenceOfElementLocated(By.id("new-campaign")));
      PageChecks.check(browser, "campaigns", v);
    }
    PageChecks.viewport(driver, PageChecks.DESKTOP);
  }

  @Test
  void theLeaderboardShowsWhoBroughtWhatAndAReferralLinkIsCopied() throws Exception {
    driver.get("http://127.0.0.1:" + port + "/advocates");
    WebElement line =
        wait.until(
            ExpectedConditions.presenceOfElementLocated(By.id("leader-" + advocate.value())));
    assertThat(line.getText()).contains(name, "48,000.00 EUR", "9,600.00 EUR");
    assertThat(line.findElement(By.cssSelector("td[data-label='People brought']")).getText())
        .isEqualTo("1");
    // social text is text: the name's markup shows, nothing is bold
    assertThat(driver.findElements(By.cssSelector("main b"))).isEmpty();

    WebElement card = driver.findElement(By.id("advocate-" + advocate.value()));
    card.findElement(By.tagName("summary")).click();
    assertThat(card.getText())
        .contains("wrote a review on G2", "referred Rui Referred", "won a deal");

    WebElement link = driver.findElement(By.id("link-" + code));
    String copied = link.getAttribute("value");
    assertThat(copied).isEqualTo("http://127.0.0.1:" + port + "/r/" + code);
    driver.findElement(By.cssSelector("[data-copy='link-" + code + "']")).click();
    wait.until(
        ExpectedConditions.textMatches(
            By.id("link-" + code + "-said"), java.util.regex.Pattern.compile("Copied|Selected")));
    assertThat(driver.switchTo().activeElement().getAttribute("id")).isEqualTo("link-" + code);
    browser.screenshot(Path.of("target/screenshots/advocates.png"));
    assertThat(browser.console()).filteredOn(l -> !l.contains("favicon")).isEmpty();

    // the copied link works for a visitor who is not signed in: it leaves for the landing page
    long before = referrals.clicks(code);
    java.net.http.HttpResponse<String> visit =
        java.net.http.HttpClient.newBuilder()
            .followRedirects(java.net.http.HttpClient.Redirect.NEVER)
            .build()
            .send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(copied)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
    assertThat(visit.statusCode()).isEqualTo(302);
    assertThat(visit.headers().firstValue("Location").orElseThrow()).endsWith("ref=" + code);
    assertThat(referrals.clicks(code)).isEqualTo(before + 1);
  }
}
