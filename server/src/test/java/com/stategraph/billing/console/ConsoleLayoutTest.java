package com.stategraph.billing.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.stategraph.billing.demo.Demo;
import com.stategraph.billing.support.SyncServerTest;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Every console page with the demo's data, at a laptop's 1280x900 and a phone's 390x844: the page
 * is never wider than the window, no table is wider than its card unless it sits in a horizontal
 * scroll area that itself fits (and on the laptop, no table needs one), and no button, link or field
 * sits off-screen. Screenshots of each
 * page at both widths go to target/screenshots/layout/.
 */
class ConsoleLayoutTest extends SyncServerTest {
    private static final Path SHOTS = Path.of("target", "screenshots", "layout");
    private static final List<int[]> SIZES = List.of(new int[] {1280, 900}, new int[] {390, 844});
    private static ChromeDriver browser;

    @Autowired
    ConfigurableApplicationContext context;

    /** What is wrong with the page's layout, one line each; empty when nothing is. */
    private static final String PROBLEMS = """
            const vw = document.documentElement.clientWidth;
            const problems = [];
            const name = el => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '')
                + (el.dataset && el.dataset.title ? '[' + el.dataset.title + ']' : '')
                + (el.textContent ? ' "' + el.textContent.trim().replace(/\\s+/g, ' ').slice(0, 40) + '"' : '');
            const scroller = el => {
              for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
                const o = getComputedStyle(p).overflowX;
                if (o === 'auto' || o === 'scroll') return p;
              }
              return null;
            };
            const visible = el => {
              const r = el.getBoundingClientRect();
              return r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== 'hidden';
            };
            if (document.documentElement.scrollWidth > vw + 1) {
              problems.push('the page is ' + document.documentElement.scrollWidth + ' px wide in a ' + vw + ' px window');
            }
            for (const t of document.querySelectorAll('table')) {
              if (!visible(t)) continue;
              const s = scroller(t);
              const card = t.closest('.card') || document.body;
              const width = t.getBoundingClientRect().width;
              if (s) {
                const r = s.getBoundingClientRect();
                if (r.right > vw + 1 || r.left < -1) problems.push(name(t) + ': its scroll area reaches ' + Math.round(r.right) + ' px');
                if (r.width > card.clientWidth + 1) problems.push(name(t) + ': its scroll area is wider than its card');
                // on a laptop's screen nothing should need scrolling sideways: a cut column is a column nobody reads
                // (the FinOps page's exports, a dozen columns of figures each, are marked data-wide and scroll by design)
                if (vw >= 1000 && !t.dataset.wide && s.scrollWidth > s.clientWidth + 1) problems.push(name(t) + ' is cut at ' + s.clientWidth
                    + ' px of its ' + s.scrollWidth + ' px');
              } else if (width > card.clientWidth + 1) {
                problems.push(name(t) + ' is ' + Math.round(width) + ' px in a ' + card.clientWidth + ' px card, without a scroll area');
              }
            }
            for (const el of document.querySelectorAll('button, a, input, select, label, h1, h2, h3, .card')) {
              if (!visible(el) || scroller(el)) continue;
              const r = el.getBoundingClientRect();
              if (r.right > vw + 1 || r.left < -1) problems.push(name(el) + ' sits off-screen (' + Math.round(r.left) + ' to '
                  + Math.round(r.right) + ' px)');
            }
            return problems;
            """;

    @BeforeAll
    static void startBrowser() {
        browser = com.stategraph.billing.support.Browsers.chromium();
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private void size(int width, int height) {
        browser.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", width < 600));
    }

    @Test
    void everyPageFitsALaptopAndAPhone() throws Exception {
        new Demo(context, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)).prepare();
        UUID tenant = jdbc.sql("SELECT id FROM tenants WHERE name = 'demo'").query(UUID.class).single();
        UUID source = jdbc.sql("SELECT id FROM billing_sources WHERE tenant_id = ? ORDER BY provider LIMIT 1").param(tenant)
                .query(UUID.class).single();
        UUID state = jdbc.sql("SELECT id FROM terraform_states WHERE tenant_id = ? LIMIT 1").param(tenant).query(UUID.class).single();
        String password = Files.readString(dataDir().resolve("demo-console-password")).trim();

        Map<String, String> pages = new LinkedHashMap<>();
        String t = "/console/t/" + tenant;
        pages.put("spend", t + "/spend");
        pages.put("spend-usd", t + "/spend?currency=USD");
        pages.put("estimates", t + "/estimates");
        pages.put("estimates-state", t + "/estimates?state=" + state);
        pages.put("finops", t + "/finops");
        pages.put("billing", t + "/billing");
        pages.put("billing-source", t + "/billing/" + source);
        pages.put("invitations", "/console/invitations");

        browser.get(url("/login"));
        browser.findElement(By.id("email")).sendKeys("demo@stategraph.local");
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.id("sign-in")).click();
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> !d.getCurrentUrl().contains("/login"));

        Files.createDirectories(SHOTS);
        List<String> problems = new ArrayList<>();
        for (int[] size : SIZES) {
            size(size[0], size[1]);
            for (var page : pages.entrySet()) {
                browser.get(url(page.getValue()));
                assertThat(browser.getTitle()).as(page.getKey()).doesNotContainIgnoringCase("error");
                assertThat(browser.findElement(By.tagName("main")).getText()).as(page.getKey()).isNotBlank();
                if (page.getKey().equals("estimates-state")) {
                    // the demo's CloudFront distribution is priced by usage, which the demo does not give: it says so
                    String resource = browser.findElement(By.xpath("//table[@data-title='Resources']//tr[td[1]/strong"
                            + "[text()='aws_cloudfront_distribution.cdn']]")).getText();
                    assertThat(resource).contains("depends on usage").doesNotContain("not estimated");
                }
                if (page.getKey().equals("finops")) {
                    var days = browser.findElements(By.xpath("//table[@data-title='Month-end forecast']/tbody/tr/td[last()]"));
                    assertThat(days).isNotEmpty();
                    days.forEach(d -> assertThat(d.getText()).as("days remaining are days, not money").matches("\\d+"));
                }
                @SuppressWarnings("unchecked")
                List<String> found = (List<String>) browser.executeScript(PROBLEMS);
                found.forEach(p -> problems.add(page.getKey() + " at " + size[0] + " px: " + p));
                // the whole page, not only what the window shows
                long height = (Long) browser.executeScript("return document.documentElement.scrollHeight");
                size(size[0], (int) Math.min(Math.max(height, size[1]), 10_000));
                Path png = browser.getScreenshotAs(OutputType.FILE).toPath();
                Files.copy(png, SHOTS.resolve(page.getKey() + "-" + size[0] + ".png"), StandardCopyOption.REPLACE_EXISTING);
                size(size[0], size[1]);
            }
        }
        assertThat(problems).as("layout problems").isEmpty();
    }
}
