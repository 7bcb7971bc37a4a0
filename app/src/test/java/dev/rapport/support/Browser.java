package dev.rapport.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless chromium driven through chromium-driver, with the flags this closed network
 * needs. An explicit driver path keeps Selenium Manager (which would download) from running.
 */
public final class Browser implements AutoCloseable {

  private final WebDriver driver;
  private final Path profile;

  public Browser() {
    try {
      profile = Files.createTempDirectory("rapport-chromium");
    } catch (IOException e) {
      throw new IllegalStateException("cannot create a chromium profile directory", e);
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary(System.getProperty("rapport.chromium", "/usr/bin/chromium"));
    options.addArguments(
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
        "--window-size=1400,1000",
        "--user-data-dir=" + profile);
    // console messages (CSP violations, script errors) are read back by the security tests;
    // an alert() is left open so a test can see that hostile text ran
    options.setCapability("goog:loggingPrefs", java.util.Map.of("browser", "ALL"));
    options.setUnhandledPromptBehaviour(org.openqa.selenium.UnexpectedAlertBehaviour.IGNORE);
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(
                Path.of(System.getProperty("rapport.chromedriver", "/usr/bin/chromedriver"))
                    .toFile())
            .usingAnyFreePort()
            .build();
    driver = new ChromeDriver(service, options);
    driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(5));
  }

  public WebDriver driver() {
    return driver;
  }

  /** The browser console's messages since the last call, as "LEVEL message". */
  public java.util.List<String> console() {
    return driver.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER).getAll().stream()
        .map(e -> e.getLevel() + " " + e.getMessage())
        .toList();
  }

  /** The text of an open alert, confirm or prompt dialog (dismissing it), or null when none. */
  public String dialog() {
    try {
      org.openqa.selenium.Alert alert = driver.switchTo().alert();
      String text = alert.getText();
      alert.dismiss();
      return text;
    } catch (org.openqa.selenium.NoAlertPresentException e) {
      return null;
    }
  }

  /** Saves a PNG of the current page, for the README tour and for failed-test forensics. */
  public Path screenshot(Path target) {
    try {
      Files.createDirectories(target.getParent());
      byte[] png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
      Files.write(target, png);
      return target;
    } catch (IOException e) {
      throw new IllegalStateException("cannot write screenshot " + target, e);
    }
  }

  @Override
  public void close() {
    driver.quit();
  }
}
