package dev.rapport.sales.mail;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.people.PersonEmails;
import dev.rapport.people.PersonId;
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
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Settings › Mail and a person's email panel in Debian's headless chromium, against GreenMail:
 * connect a mailbox with the form, check now, see the unknown sender, open the known person and
 * find their (hostile) HTML mail as text, then send them an email from the panel. Screenshots:
 * target/screenshots/mail-settings.png and target/screenshots/mail-person.png.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MailBrowserTest {

  @LocalServerPort int port;
  @Autowired PersonEmails emails;

  MailServer server;
  Browser browser;
  WebDriver driver;
  WebDriverWait wait;
  PersonId ada;
  String adaAddress;

  @BeforeAll
  void start() throws Exception {
    server = new MailServer().start();
    String tag = UUID.randomUUID().toString().substring(0, 6);
    adaAddress = "ada-" + tag + "@customer.test";
    ada = emails.createWithEmail(adaAddress, "Ada Byron");
    server.append(
        "INBOX",
        MailServer.html(
            "<q-" + tag + "@customer.test>",
            "Ada Byron <" + adaAddress + ">",
            MailServer.ADDRESS,
            "Pricing for 40 seats",
            "<p>Could you send <b>pricing</b> for 40 seats?</p><script>alert('mail')</script>"),
        MailServer.message(
            "<u-" + tag + "@else.test>",
            "Grace Hopper <grace-" + tag + "@else.test>",
            MailServer.ADDRESS,
            "Introduction",
            "Hello, a friend sent me your way."));
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
    server.stop();
  }

  static String subject(jakarta.mail.internet.MimeMessage m) {
    try {
      return String.valueOf(m.getSubject());
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  void type(String name, String value) {
    var input = driver.findElement(By.name(name));
    input.clear();
    input.sendKeys(value);
  }

  @Test
  void aMailboxIsConnectedReadAndUsedFromAPersonsPage() {
    driver.get("http://127.0.0.1:" + port + "/settings/mail");
    type("address", MailServer.ADDRESS);
    type("username", MailServer.LOGIN);
    type("password", MailServer.PASSWORD);
    type("imapHost", "127.0.0.1");
    type("imapPort", String.valueOf(server.imapPort));
    new Select(driver.findElement(By.name("imapSecurity"))).selectByValue("none");
    type("smtpHost", "127.0.0.1");
    type("smtpPort", String.valueOf(server.smtpPort));
    new Select(driver.findElement(By.name("smtpSecurity"))).selectByValue("none");
    driver.findElement(By.cssSelector("form.form-grid button[type=submit]")).click();
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("main"), "Connected"));

    driver.findElements(By.xpath("//button[normalize-space()='Check now']")).get(0).click();
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("main"), "Checked:"));
    String page = driver.findElement(By.cssSelector("main")).getText();
    assertThat(page).contains("Unknown senders", "Grace Hopper", "Introduction", "Add as person");
    assertThat(driver.findElement(By.cssSelector("main")).getText())
        .doesNotContain(MailServer.PASSWORD);
    browser.screenshot(Path.of("target/screenshots/mail-settings.png"));

    driver.get("http://127.0.0.1:" + port + "/persons/" + ada.value());
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(By.id("mail"), "Pricing for 40 seats"));
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.id("timeline"), "Pricing for 40 seats"));
    assertThat(driver.findElement(By.id("timeline")).getText())
        .contains("Could you send pricing for 40 seats?");
    assertThat(
            driver.findElements(
                By.cssSelector("#timeline b, #mail b, #timeline script, #mail script")))
        .isEmpty();
    assertThat(browser.dialog()).isNull();

    var panel = driver.findElement(By.id("mail"));
    new Select(panel.findElement(By.name("inReplyTo"))).selectByVisibleText("Pricing for 40 seats");
    panel.findElement(By.name("subject")).sendKeys("Re: Pricing for 40 seats");
    panel.findElement(By.name("body")).sendKeys("40 seats are 12 per seat and month.");
    panel.findElement(By.cssSelector("button[type=submit]")).click();
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.cssSelector(".mail-panel"), "Sent, and on the timeline."));
    assertThat(server.green.getReceivedMessages())
        .filteredOn(m -> subject(m).equals("Re: Pricing for 40 seats"))
        .hasSize(1);
    driver.navigate().refresh();
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(By.id("timeline"), "40 seats are 12"));
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("mail"), "(2 messages)"));
    ((org.openqa.selenium.JavascriptExecutor) driver)
        .executeScript("document.getElementById('mail').scrollIntoView({block:'center'})");
    browser.screenshot(Path.of("target/screenshots/mail-person.png"));
  }
}
