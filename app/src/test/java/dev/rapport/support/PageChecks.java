package dev.rapport.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;

/**
 * What every page must hold in the browser, at a desktop and a phone viewport: no element spills
 * out of its card or panel (nor the page sideways), and Tab reaches every link, button and field.
 */
public final class PageChecks {

  /** A viewport the pages are checked at. */
  public record Viewport(String name, int width, int height, boolean mobile) {}

  public static final Viewport DESKTOP = new Viewport("desktop", 1440, 900, false);
  public static final Viewport PHONE = new Viewport("phone", 390, 844, true);
  public static final List<Viewport> VIEWPORTS = List.of(DESKTOP, PHONE);

  /** Where the test run saves each page's screenshot (module-relative: app/target/screenshots). */
  public static final Path SCREENSHOTS = Path.of("target", "screenshots");

  private static final String OVERFLOW =
      """
      const problems = [];
      const de = document.documentElement;
      if (de.scrollWidth > window.innerWidth + 1) {
        problems.push('the page scrolls sideways: ' + de.scrollWidth + 'px in ' + window.innerWidth + 'px');
      }
      const name = el => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '')
        + (typeof el.className === 'string' && el.className ? '.' + el.className.trim().split(/\\s+/).join('.') : '');
      for (const el of document.querySelectorAll('main *, nav.sidebar *, header.topbar *')) {
        if (el.closest('.visually-hidden, .skip, option, script, template')) continue;
        const style = getComputedStyle(el);
        if (style.display === 'none' || style.visibility === 'hidden') continue;
        const r = el.getBoundingClientRect();
        if (r.width === 0 || r.height === 0) continue;
        const scroller = el.parentElement.closest('.table-scroll');
        const box = scroller || el.parentElement.closest('.card, .panel, main, nav.sidebar, header.topbar');
        if (!box) continue;
        const b = box.getBoundingClientRect();
        if (r.left < b.left - 1 || r.right > b.right + 1) {
          problems.push(name(el) + ' [' + Math.round(r.left) + '..' + Math.round(r.right) + '] spills out of '
            + name(box) + ' [' + Math.round(b.left) + '..' + Math.round(b.right) + ']');
        }
      }
      return problems.slice(0, 20);
      """;

  private static final String MARK_FOCUSABLE =
      """
      const all = document.querySelectorAll('a[href], button, input, select, textarea, summary, [tabindex]');
      const seenRadio = new Set();
      const marked = [];
      let n = 0;
      for (const el of all) {
        if (el.disabled || el.type === 'hidden' || el.getAttribute('tabindex') === '-1') continue;
        if (el.closest('[aria-hidden="true"], [inert]')) continue;
        const closed = el.closest('details:not([open])');
        if (closed && el.tagName !== 'SUMMARY') continue;
        if (el.tagName === 'SUMMARY' && el.parentElement.parentElement.closest('details:not([open])')) continue;
        const style = getComputedStyle(el);
        if (style.display === 'none' || style.visibility === 'hidden' || el.getClientRects().length === 0) continue;
        if (el.type === 'radio') {
          if (seenRadio.has(el.name)) continue;
          seenRadio.add(el.name);
          el.form && el.form.querySelectorAll('input[type=radio][name="' + el.name + '"]')
            .forEach(r => r.setAttribute('data-kb', 'r-' + el.name));
          marked.push('r-' + el.name);
          continue;
        }
        const id = 'k' + (n++);
        el.setAttribute('data-kb', id);
        marked.push(id);
      }
      return marked;
      """;

  private PageChecks() {}

  /** Sets the viewport through the DevTools protocol, so the page sees exactly that size. */
  public static void viewport(WebDriver driver, Viewport v) {
    ((ChromeDriver) driver)
        .executeCdpCommand(
            "Emulation.setDeviceMetricsOverride",
            Map.of(
                "width",
                v.width(),
                "height",
                v.height(),
                "deviceScaleFactor",
                1,
                "mobile",
                v.mobile()));
  }

  /** Fails naming each element that spills out of its card, panel or the page. */
  @SuppressWarnings("unchecked")
  public static void assertNothingOverflows(WebDriver driver, String page) {
    List<String> problems = (List<String>) ((JavascriptExecutor) driver).executeScript(OVERFLOW);
    assertThat(problems).as("%s: elements outside their container", page).isEmpty();
  }

  /**
   * Presses Tab from the top of the page until focus leaves it or comes round again, and fails
   * naming every link, button or field it never reached.
   */
  @SuppressWarnings("unchecked")
  public static void assertKeyboardReachesEverything(WebDriver driver, String page) {
    JavascriptExecutor js = (JavascriptExecutor) driver;
    List<String> focusable = (List<String>) js.executeScript(MARK_FOCUSABLE);
    js.executeScript(
        "if (document.activeElement) document.activeElement.blur(); window.scrollTo(0, 0);"
            + " document.body.setAttribute('tabindex', '-1'); document.body.focus();");
    Set<String> reached = new LinkedHashSet<>();
    Actions keys = new Actions(driver);
    for (int i = 0; i < focusable.size() + 10; i++) {
      keys.sendKeys(Keys.TAB).perform();
      Object id =
          js.executeScript(
              "return document.activeElement && document.activeElement.getAttribute('data-kb');");
      if (id != null) {
        reached.add(id.toString());
      }
    }
    List<String> missed = new ArrayList<>();
    for (String id : focusable) {
      if (!reached.contains(id)) {
        missed.add(
            (String)
                js.executeScript(
                    "const e = document.querySelector('[data-kb=\"' + arguments[0] + '\"]');"
                        + " return e.tagName + ' ' + (e.textContent || e.name || e.id || '').trim().slice(0, 40);",
                    id));
      }
    }
    assertThat(missed).as("%s: actions Tab never reaches", page).isEmpty();
  }

  /** Both checks and a screenshot named after the page and viewport. */
  public static Path check(Browser browser, String page, Viewport v) {
    WebDriver driver = browser.driver();
    assertNothingOverflows(driver, page + " at " + v.name());
    Path shot = browser.screenshot(SCREENSHOTS.resolve(page + "-" + v.name() + ".png"));
    assertKeyboardReachesEverything(driver, page + " at " + v.name());
    return shot;
  }
}
