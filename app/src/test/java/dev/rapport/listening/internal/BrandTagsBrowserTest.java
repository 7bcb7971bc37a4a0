package dev.rapport.listening.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.listening.NormalizedPost;
import dev.rapport.listening.Sources;
import dev.rapport.support.Browser;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
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
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The brand tags page in Debian's headless chromium: the chart is drawn (ECharts under the page's
 * Content-Security-Policy, no console error), the tables show the counts of posts ingested for the
 * test, a tag with a space is refused with a message naming the field, a valid one is added; a
 * screenshot is saved under target/screenshots/brand-tags.png.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BrandTagsBrowserTest {

  @LocalServerPort int port;
  @Autowired BrandTags tags;
  @Autowired Sources sources;

  Browser browser;
  WebDriver driver;
  WebDriverWait wait;
  String suffix;

  @BeforeAll
  void start() {
    suffix = UUID.randomUUID().toString().replace("-", "").replaceAll("[0-9]", "").substring(0, 5);
    tags.create("#Nikon" + suffix, "HASHTAG");
    tags.create("#SonyAlpha" + suffix, "PHOTO_SITE");
    tags.create("@canon" + suffix, "HANDLE");
    List<NormalizedPost> posts = new ArrayList<>();
    String[] texts = {
      "Golden hour with my #Nikon" + suffix,
      "#nikon" + suffix + " and #SonyAlpha" + suffix + " side by side",
      "Thanks @canon" + suffix + " for the quick repair",
      "#SONYALPHA" + suffix + " in the rain <b>wow</b>",
    };
    for (int day = 0; day < 6; day++) {
      for (int i = 0; i < texts.length; i++) {
        if ((day + i) % 3 == 0) {
          continue;
        }
        posts.add(
            TestPosts.post(
                "bt-browser-" + suffix + "-" + day + "-" + i,
                "@fan" + i + suffix + "@photo.social",
                "Fan " + i,
                texts[i],
                day * 86_400L + 60));
      }
    }
    sources.ingest("brand-tags-browser", posts);
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

  @Test
  void theBrandTagsPageShowsTheCountsAChartAndRefusesATagWithSpaces() {
    driver.get("http://127.0.0.1:" + port + "/listening/brand-tags");
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#brand-chart canvas")));
    String main = driver.findElement(By.cssSelector("main")).getText();
    assertThat(main)
        .contains("#Nikon" + suffix, "#SonyAlpha" + suffix, "@canon" + suffix)
        .contains("mastodon")
        .contains("@fan1" + suffix + "@photo.social");
    // a tag's total is the sum of its posts: 16 of the 24 posts above were sent, 8 with #Nikon
    assertThat(
            driver
                .findElement(
                    By.xpath(
                        "//table[contains(@class,'brand-tags')]//tr[td/code[text()='#Nikon"
                            + suffix
                            + "']]/td[3]"))
                .getText())
        .isEqualTo("8");
    browser.screenshot(Path.of("target/screenshots/brand-tags.png"));

    driver.findElement(By.id("brand-tag")).sendKeys("#nikon z6");
    driver.findElement(By.cssSelector(".brand-form button[type=submit]")).click();
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.cssSelector("main"), "tag: must be one word without spaces"));
    driver.findElement(By.id("brand-tag")).clear();
    driver.findElement(By.id("brand-tag")).sendKeys("#Pentax" + suffix);
    driver.findElement(By.cssSelector(".brand-form button[type=submit]")).click();
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.cssSelector("main"), "Brand tag #Pentax" + suffix + " added."));
    assertThat(browser.console()).filteredOn(l -> !l.contains("favicon")).isEmpty();
  }
}
