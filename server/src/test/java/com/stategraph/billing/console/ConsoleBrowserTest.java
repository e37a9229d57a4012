package com.stategraph.billing.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.stategraph.billing.support.ExportFixtures;
import com.stategraph.billing.support.SyncServerTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The console in real headless Chromium (Debian's chromium and chromium-driver): sign in, add a
 * file source, sync it, see the chart and tables with the right totals, a member who cannot reach
 * Billing Connections, sign out. Screenshots of each page go to target/screenshots/, or to
 * docs/screenshots/ when run with -Dstategraph.screenshots=docs (the suite never changes tracked files).
 */
class ConsoleBrowserTest extends SyncServerTest {
    private static final Path SHOTS = "docs".equals(System.getProperty("stategraph.screenshots"))
            ? Path.of(System.getProperty("stategraph.repo", ".."), "docs", "screenshots")
            : Path.of("target", "screenshots");
    private static ChromeDriver browser;

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

    /** Each test starts signed out with an empty browser log, so one that fails half-way does not fail the next. */
    @org.junit.jupiter.api.BeforeEach
    void signedOut() {
        browser.get(url("/login"));
        browser.manage().deleteAllCookies();
        browser.manage().logs().get(LogType.BROWSER);
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private void signIn(String email, String password) {
        browser.get(url("/login"));
        browser.findElement(By.id("email")).sendKeys(email);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.id("sign-in")).click();
        // The sign-in's redirect must land before the caller navigates, or it replaces the caller's page.
        waiting().until(driver -> !driver.getCurrentUrl().contains("/login"));
    }

    private void shoot(String name) throws Exception {
        Files.createDirectories(SHOTS);
        Path png = browser.getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(png, SHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    private void assertNoConsoleErrors(String page) {
        List<LogEntry> errors = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
                .filter(e -> !e.getMessage().contains("favicon.ico"))
                .toList();
        assertThat(errors).as("browser console errors on " + page).isEmpty();
    }

    /** A new member of the tenant whose password is "correct horse battery " and the name in lower case. */
    private String member(String tenant, String name) {
        String email = name.toLowerCase() + "-" + tenant.substring(0, 8) + "@example.com";
        var created = api.post(ADMIN_KEY, "/api/v1/tenants/" + tenant + "/users", Map.of("email", email, "name", name,
                "role", "member", "password", "correct horse battery " + name.toLowerCase()));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        return email;
    }

    private WebDriverWait waiting() {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        // A page being replaced (Apply, refresh, htmx swaps) leaves stale elements for a moment.
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
        return wait;
    }

    @Test
    void signInConnectSyncSeeSpendAndAMemberWhoCannotManageSources() throws Exception {
        String tenant = newTenant();
        String admin = "admin-" + tenant.substring(0, 8) + "@example.com";
        String member = "member-" + tenant.substring(0, 8) + "@example.com";
        for (String[] u : List.of(new String[] {admin, "admin"}, new String[] {member, "member"})) {
            var created = api.post(ADMIN_KEY, "/api/v1/tenants/" + tenant + "/users",
                    Map.of("email", u[0], "name", u[1].equals("admin") ? "Ana Admin" : "Max Member", "role", u[1],
                            "password", "correct horse battery " + u[1]));
            assertThat(created.status()).as(created.raw()).isEqualTo(201);
        }
        String second = newTenant();
        assertThat(api.post(ADMIN_KEY, "/api/v1/tenants/" + second + "/users", Map.of("email", admin, "name", "Ana Admin",
                "role", "member", "password", "not used: the user exists")).status()).isEqualTo(201);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        LocalDate first = today.withDayOfMonth(1);
        Path dir = tempDir("console-");
        String ps = first + "T00:00:00Z";
        ExportFixtures.csv(dir.resolve("focus.csv"), false, false,
                List.of("BilledCost", "EffectiveCost", "BillingCurrency", "BillingPeriodStart", "ChargePeriodStart",
                        "ServiceName", "SubAccountId", "RegionId", "Tags", "ResourceId"),
                List.of(List.of("1200.125", "1200.125", "USD", ps, first + "T00:00:00Z", "Compute", "prod-acct", "us-east-1",
                                "{\"team\":\"web\",\"env\":\"prod\"}", "i-0web"),
                        List.of("34.5", "34.5", "USD", ps, today + "T00:00:00Z", "Storage", "dev-acct", "eu-west-1",
                                "{\"team\":\"data\"}", "bucket-data"),
                        List.of("0.375", "0.375", "USD", ps, today + "T00:00:00Z", "Storage", "dev-acct", "eu-west-1", "", "")));
        // Last month's rows, enough that the sync takes a few seconds and its progress can be watched.
        LocalDate lastMonth = first.minusMonths(1);
        List<String> old = List.of("0.01", "0.01", "USD", lastMonth + "T00:00:00Z", lastMonth + "T00:00:00Z", "Compute",
                "prod-acct", "us-east-1", "");
        ExportFixtures.csv(dir.resolve("focus-last-month.csv"), false, false,
                List.of("BilledCost", "EffectiveCost", "BillingCurrency", "BillingPeriodStart", "ChargePeriodStart",
                        "ServiceName", "SubAccountId", "RegionId", "Tags"), java.util.Collections.nCopies(300_000, old));
        // A row from before the sync window: not loaded, and said so in a warning next to the status.
        LocalDate longAgo = first.minusMonths(5);
        ExportFixtures.csv(dir.resolve("focus-old.csv"), false, false,
                List.of("BilledCost", "BillingCurrency", "BillingPeriodStart", "ChargePeriodStart"),
                List.of(List.of("9", "USD", longAgo + "T00:00:00Z", longAgo + "T00:00:00Z")));

        // Sign in: an empty Spend page says how to connect a source.
        signIn(admin, "correct horse battery admin");
        waiting().until(ExpectedConditions.urlContains("/spend"));
        // Ana is in two tenants; the console opens one of them: go to the one she administers.
        browser.get(url("/console/t/" + tenant + "/spend"));
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("empty")));
        assertThat(browser.findElement(By.id("empty")).getText()).contains("Connect a billing source");
        shoot("spend-empty");

        // Billing Connections: add a file source, then sync it.
        browser.findElement(By.id("nav-billing")).click();
        new Select(browser.findElement(By.id("provider"))).selectByValue("aws");
        browser.findElement(By.id("source_uri")).sendKeys("file://" + dir + "/");
        browser.findElement(By.id("add")).click();
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("sources")));
        assertThat(browser.findElement(By.id("sources")).getText()).contains("file://" + dir + "/").contains("never synced");
        WebElement listed = browser.findElement(By.id("sources"));
        browser.findElement(By.cssSelector("#sources button.sync")).click();
        // The page was already /billing: wait for the one the sync's form redirects to, not the old one.
        waiting().until(ExpectedConditions.stalenessOf(listed));
        WebElement status = waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#sources .status")));
        assertThat(status.getText()).matches("(?s).*(queued|running).*");
        shoot("billing-sync-running");
        String page = (String) browser.executeScript("window.sameDocument = true; return document.URL;");
        // The status cell updates itself (htmx polls it) until the sync is done: no reload.
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#sources .status"), "ok"));
        assertThat(browser.executeScript("return window.sameDocument === true && document.URL;")).isEqualTo(page);
        browser.navigate().refresh();
        assertThat(browser.findElement(By.id("sources")).getText()).contains("ok").contains("300003");
        WebElement warnings = browser.findElement(By.cssSelector("#sources .status .last-warnings"));
        assertThat(warnings.getText()).contains("1 warning");
        warnings.findElement(By.tagName("summary")).click();
        assertThat(warnings.getText()).contains("ROWS_OUTSIDE_WINDOW").contains("were not loaded");
        assertNoConsoleErrors("Billing Connections");
        shoot("billing-connections");

        // Spend: the chart is drawn, and every total is exact and in its currency.
        browser.get(url("/console/t/" + tenant + "/spend?from=" + first + "&to=" + today.plusDays(1)));
        waiting().until(ExpectedConditions.attributeToBe(By.id("spend-chart"), "data-rendered", "true"));
        assertThat(browser.findElement(By.id("range-total")).getText()).isEqualTo("USD 1,235.00");
        // Amounts in cents with thousands grouped; the exact amount is the tooltip.
        WebElement byService = browser.findElement(By.cssSelector("table[data-title='By service']"));
        assertThat(byService.getText()).contains("Compute USD 1,200.13 97.2 %").contains("Storage USD 34.88 2.8 %");
        assertThat(byService.findElement(By.cssSelector("tbody tr td.num")).getAttribute("title")).isEqualTo("USD 1,200.125");
        assertThat(browser.findElement(By.cssSelector("table[data-title='By tag team']")).getText())
                .contains("web USD 1,200.13").contains("data USD 34.50").contains("untagged USD 0.38");
        assertThat(browser.findElement(By.cssSelector("table[data-title='By sub-account']")).getText())
                .contains("prod-acct USD 1,200.13").contains("dev-acct USD 34.88");
        assertThat(browser.findElement(By.cssSelector("table[data-title='Top resources']")).getText())
                .contains("i-0web USD 1,200.13").contains("bucket-data USD 34.50").contains("(none) USD 0.38");
        assertThat(browser.findElement(By.cssSelector("table[data-title='By provider']")).getText())
                .as("rows that name no provider: the source's cloud").contains("AWS USD 1,235.00");
        assertThat(browser.findElement(By.id("month-to-date")).getText()).contains("USD 1,235.00");
        new Select(browser.findElement(By.id("stack"))).selectByValue("tag:team");
        WebElement drawn = browser.findElement(By.id("spend-chart"));
        browser.findElement(By.id("apply")).click();
        waiting().until(ExpectedConditions.stalenessOf(drawn));
        waiting().until(ExpectedConditions.attributeToBe(By.id("spend-chart"), "data-rendered", "true"));
        assertThat(browser.getCurrentUrl()).contains("stack=tag");
        assertNoConsoleErrors("Spend");
        shoot("spend");
        browser.manage().window().setSize(new Dimension(390, 844));
        browser.navigate().refresh();
        waiting().until(ExpectedConditions.attributeToBe(By.id("spend-chart"), "data-rendered", "true"));
        Long overflow = (Long) browser.executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        assertThat(overflow).as("no sideways scrolling of the page at 390 px").isLessThanOrEqualTo(0L);
        shoot("spend-390px");
        browser.get(url("/console/t/" + tenant + "/billing"));
        Long billingOverflow = (Long) browser.executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        assertThat(billingOverflow).as("wide tables scroll inside their card at 390 px").isLessThanOrEqualTo(0L);
        shoot("billing-connections-390px");
        browser.manage().window().setSize(new Dimension(1280, 900));

        // The tenant switcher: Ana is a member of a second tenant, where she only sees Spend.
        browser.get(url("/console/t/" + tenant + "/spend"));
        String secondName = null;
        for (var t : api.get(ADMIN_KEY, "/api/v1/user/tenants").body().path("results")) {
            if (t.path("id").asString().equals(second)) {
                secondName = t.path("name").asString();
            }
        }
        new Select(browser.findElement(By.id("tenant-switch"))).selectByVisibleText(secondName);
        waiting().until(ExpectedConditions.urlContains("/console/t/" + second + "/spend"));
        assertThat(browser.findElements(By.id("nav-billing"))).as("a member there").isEmpty();
        assertThat(browser.findElement(By.id("nav-invitations")).getAttribute("href")).endsWith("/console/invitations");
        // Signing in again opens the tenant used last in this browser, not the first one.
        browser.findElement(By.id("logout")).click();
        waiting().until(ExpectedConditions.urlContains("/login?logout"));
        signIn(admin, "correct horse battery admin");
        waiting().until(ExpectedConditions.urlContains("/console/t/" + second + "/spend"));

        // The source's runs, and the removal confirmation that says the rows go too.
        browser.get(url("/console/t/" + tenant + "/billing"));
        browser.findElement(By.cssSelector("#sources td.uri a")).click();
        assertThat(browser.findElement(By.id("runs")).getText()).contains("ok").contains("manual");
        shoot("billing-source-runs");
        browser.get(url("/console/t/" + tenant + "/billing"));
        browser.findElement(By.cssSelector("#sources a.danger")).click();
        assertThat(browser.findElement(By.id("remove-warning")).getText()).contains("300003 loaded billing rows will be deleted too");
        shoot("billing-remove-confirm");

        // Sign out.
        browser.get(url("/console/t/" + tenant + "/spend"));
        browser.findElement(By.id("logout")).click();
        waiting().until(ExpectedConditions.urlContains("/login?logout"));
        browser.get(url("/console/t/" + tenant + "/spend"));
        waiting().until(ExpectedConditions.urlContains("/login"));
        shoot("login");

        // A member sees Spend but neither the menu entry nor the pages of Billing Connections.
        signIn(member, "correct horse battery member");
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("range-total")));
        assertThat(browser.findElements(By.id("nav-billing"))).isEmpty();
        assertNoConsoleErrors("member's Spend");
        browser.get(url("/console/t/" + tenant + "/billing"));
        assertThat(browser.findElement(By.id("message")).getText()).contains("admin privileges required");
        // The browser logs the refused page itself (status 403), and nothing else.
        assertThat(browser.manage().logs().get(LogType.BROWSER).getAll())
                .allMatch(e -> e.getLevel().intValue() < Level.SEVERE.intValue() || e.getMessage().contains("status of 403"));
        browser.findElement(By.cssSelector("form[action='/logout'] button")).click();
    }

    @Test
    void markupInBillingDataRendersAsText() throws Exception {
        // Anyone who can tag a cloud resource or name a service writes into the page: it must stay text.
        String tenant = newTenant();
        String email = "xss-" + tenant.substring(0, 8) + "@example.com";
        assertThat(api.post(ADMIN_KEY, "/api/v1/tenants/" + tenant + "/users", Map.of("email", email, "name", "Xavier",
                "role", "member", "password", "correct horse battery member")).status()).isEqualTo(201);
        String formPayload = "</script><form id=\"injected-form\" action=\"/logout\"><button>go</button></form>";
        String refreshPayload = "</script><meta http-equiv=refresh content=0;url=/login?x>";
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        LocalDate first = today.withDayOfMonth(1);
        Path dir = tempDir("console-xss-");
        ExportFixtures.csv(dir.resolve("focus.csv"), false, false,
                List.of("BilledCost", "EffectiveCost", "BillingCurrency", "BillingPeriodStart", "ChargePeriodStart",
                        "ServiceName", "Tags"),
                List.of(List.of("5", "5", "USD", first + "T00:00:00Z", today + "T00:00:00Z", formPayload,
                        "{\"team\":\"" + refreshPayload.replace("\"", "\\\"") + "\"}")));
        String source = addSource(tenant, "aws", "file://" + dir + "/");
        assertThat(syncAndWait(tenant, source).path("status").asString()).isEqualTo("ok");

        signIn(email, "correct horse battery member");
        String spend = url("/console/t/" + tenant + "/spend?from=" + first + "&to=" + today.plusDays(1) + "&stack=tag:team");
        browser.get(spend);
        waiting().until(ExpectedConditions.attributeToBe(By.id("spend-chart"), "data-rendered", "true"));

        assertThat(browser.findElements(By.id("injected-form"))).as("no injected element").isEmpty();
        assertThat(browser.findElements(By.cssSelector("meta[http-equiv]"))).as("no injected refresh").isEmpty();
        assertThat(browser.findElement(By.cssSelector("table[data-title='By service']")).getText()).contains(formPayload);
        assertThat(browser.findElement(By.cssSelector("table[data-title='By tag team']")).getText()).contains(refreshPayload);
        assertThat(browser.getCurrentUrl()).as("the page did not navigate away").isEqualTo(spend);
        String csp = (String) browser.executeScript(
                "return fetch(location.href).then(r => r.headers.get('Content-Security-Policy') + '|' + r.headers.get('Referrer-Policy'))");
        assertThat(csp).contains("form-action 'self'").contains("base-uri 'none'").endsWith("|same-origin");
        assertNoConsoleErrors("Spend with markup in the data");
        var login = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(url("/login"))).build(),
                java.net.http.HttpResponse.BodyHandlers.discarding());
        // An anonymous visitor gets no session, only the sign-in form's CSRF cookie.
        assertThat(login.headers().allValues("Set-Cookie")).noneSatisfy(cookie -> assertThat(cookie).startsWith("SESSION="));
        assertThat(login.headers().allValues("Set-Cookie")).anySatisfy(cookie -> assertThat(cookie)
                .startsWith("XSRF-TOKEN=").contains("HttpOnly").containsIgnoringCase("SameSite=Lax"));
        browser.findElement(By.id("logout")).click();
    }

    @Test
    void anInvitedUserJoinsOnlyByAcceptingAfterSignIn() throws Exception {
        String tenant = newTenant();
        String tenantAdmin = api.post(ADMIN_KEY, "/api/v1/tenants/" + tenant + "/api-keys",
                Map.of("name", "inviter", "role", "admin")).text("key");
        String email = "invited-" + tenant.substring(0, 8) + "@example.com";
        String home = newTenant();
        assertThat(api.post(ADMIN_KEY, "/api/v1/tenants/" + home + "/users", Map.of("email", email, "name", "Ines",
                "role", "member", "password", "correct horse battery ines")).status()).isEqualTo(201);
        var invited = api.post(tenantAdmin, "/api/v1/tenants/" + tenant + "/users", Map.of("email", email, "name", "Ines",
                "role", "member"));
        assertThat(invited.status()).as(invited.raw()).isEqualTo(201);
        assertThat(invited.text("status")).isEqualTo("invited");

        signIn(email, "correct horse battery ines");
        waiting().until(ExpectedConditions.urlContains("/console/invitations"));
        WebElement list = browser.findElement(By.id("invitations"));
        String tenantName = api.get(ADMIN_KEY, "/api/v1/user/tenants").body().findValues("name").stream()
                .map(n -> n.asString()).filter(n -> list.getText().contains(n)).findFirst().orElse(null);
        assertThat(tenantName).as("the invitation names the tenant").isNotNull();
        browser.get(url("/console/t/" + tenant + "/spend"));
        assertThat(browser.findElement(By.id("message")).getText()).as("not a member before accepting")
                .contains("membership of this tenant required");
        // The browser logs that refused page (403) itself; read the log empty before going on.
        assertThat(browser.manage().logs().get(LogType.BROWSER).getAll())
                .allMatch(e -> e.getLevel().intValue() < Level.SEVERE.intValue() || e.getMessage().contains("status of 403")
                        || e.getMessage().contains("favicon.ico"));
        browser.get(url("/console/invitations"));
        shoot("invitations");
        browser.findElement(By.cssSelector("#invitations button.accept")).click();
        waiting().until(ExpectedConditions.urlContains("/console/t/" + tenant + "/spend"));
        assertThat(api.get(tenantAdmin, "/api/v1/tenants/" + tenant + "/users").body().path("results").get(0)
                .path("status").asString()).isEqualTo("active");
        assertNoConsoleErrors("after accepting an invitation");
        browser.findElement(By.id("logout")).click();
    }

    @Test
    void anInviteeOpensTheMailedLinkSetsTheirOwnPasswordAndJoins() throws Exception {
        String tenant = newTenant();
        String tenantAdmin = api.post(ADMIN_KEY, "/api/v1/tenants/" + tenant + "/api-keys",
                Map.of("name", "inviter", "role", "admin")).text("key");
        String email = "newcomer-" + tenant.substring(0, 8) + "@example.com";
        var invited = api.post(tenantAdmin, "/api/v1/tenants/" + tenant + "/users", Map.of("email", email, "name", "Nia",
                "role", "member"));
        assertThat(invited.status()).as(invited.raw()).isEqualTo(201);
        assertThat(invited.body().path("invitation_sent").asBoolean()).isTrue();
        String link = com.stategraph.billing.support.Mailbox.invitationLink(MAIL, email);

        browser.get(link);
        shoot("invitation-link");
        assertThat(browser.findElement(By.id("invitation")).getText()).contains(email).contains("member");
        browser.findElement(By.id("password")).sendKeys("my own password 1");
        browser.findElement(By.id("password_again")).sendKeys("my own password 1");
        browser.findElement(By.id("join-button")).click();
        waiting().until(ExpectedConditions.urlContains("/login?joined"));
        assertThat(browser.findElement(By.id("joined")).getText()).contains("Sign in with your new password");
        signIn(email, "my own password 1");
        waiting().until(ExpectedConditions.urlContains("/console/t/" + tenant + "/spend"));
        assertNoConsoleErrors("after joining through an invitation link");
        browser.findElement(By.id("logout")).click();
        waiting().until(ExpectedConditions.urlContains("/login?logout"));

        browser.get(link);
        assertThat(browser.findElement(By.id("invitation-closed")).getText()).as("the link works once").contains("not valid");
        // The browser logs that page's 404 itself; read the log empty so the next test starts clean.
        assertThat(browser.manage().logs().get(LogType.BROWSER).getAll())
                .allMatch(e -> e.getLevel().intValue() < Level.SEVERE.intValue() || e.getMessage().contains("404"));
    }

    @Test
    void theEstimatesPageShowsEachStatesResourcesComponentsAndWhatIsNotEstimated() throws Exception {
        awaitOperatorsPriceBook();
        String tenant = newTenant();
        String email = member(tenant, "Erin");
        var pushed = api.sendStreamed(ADMIN_KEY, "PUT", "/api/v1/tenants/" + tenant + "/states/envs/prod",
                com.stategraph.billing.support.TerraformStates.state(1, "console")
                        .managed("aws_instance", "web", "aws", Map.of("id", "i-1", "instance_type", "m5.large", "region", "us-east-1",
                                "tags_all", Map.of("team", "web")))
                        .managed("aws_appsync_graphql_api", "cdn", "aws", Map.of("id", "E1", "tags_all", Map.of("team", "edge")))
                        .json());
        assertThat(pushed.status()).as(pushed.raw()).isEqualTo(201);
        String state = pushed.text("id");
        var costs = awaitEstimate(state);
        assertThat(costs.status()).as(costs.raw()).isEqualTo(200);
        String monthly = new java.math.BigDecimal(costs.text("monthly_cost")).setScale(2, java.math.RoundingMode.HALF_UP).toPlainString();

        signIn(email, "correct horse battery erin");
        waiting().until(ExpectedConditions.urlContains("/console/t/" + tenant));
        browser.findElement(By.id("nav-estimates")).click();
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("estimate-total")));

        assertThat(browser.findElement(By.id("estimate-total")).getText()).contains("USD " + monthly).contains("2 resources")
                .contains("50.00 % priced");
        assertThat(browser.findElement(By.cssSelector("table[data-title='By state']")).getText()).contains("envs/prod")
                .contains("USD " + monthly);
        assertThat(browser.findElement(By.cssSelector("table[data-title='By tag team']")).getText()).contains("web").contains("edge");
        assertThat(browser.findElement(By.id("unsupported")).getText()).contains("aws_appsync_graphql_api.cdn");
        String resources = browser.findElement(By.id("state-resources")).getText();
        assertThat(resources).contains("aws_instance.web").contains("Instance usage (Linux/UNIX, on-demand, m5.large)")
                .contains("730 hours").contains("type not priced").contains("aws_appsync_graphql_api.cdn type not priced us-east-1 not estimated");
        shoot("estimates");
        assertNoConsoleErrors("Estimates");
        browser.findElement(By.id("logout")).click();
    }

    @Test
    void theSpendPageSplitsSpendByAttributionAndSetsEstimatesAgainstActuals() throws Exception {
        awaitOperatorsPriceBook();
        String tenant = newTenant();
        String email = member(tenant, "Ada");
        var pushed = api.sendStreamed(ADMIN_KEY, "PUT", "/api/v1/tenants/" + tenant + "/states/envs/prod",
                com.stategraph.billing.support.TerraformStates.state(1, "console")
                        .managed("aws_instance", "web", "aws", Map.of("id", "i-0web", "instance_type", "m5.large", "region", "us-east-1",
                                "tags_all", Map.of("team", "web")))
                        .managed("aws_instance", "idle", "aws", Map.of("id", "i-0idle", "instance_type", "m5.large", "region", "us-east-1",
                                "tags_all", Map.of("team", "data")))
                        .json());
        assertThat(pushed.status()).as(pushed.raw()).isEqualTo(201);
        String state = pushed.text("id");
        assertThat(awaitEstimate(state).status()).isEqualTo(200);

        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        String ps = today.withDayOfMonth(1) + "T00:00:00Z";
        String day = today + "T00:00:00Z";
        List<String> header = List.of("BilledCost", "EffectiveCost", "BillingCurrency", "BillingPeriodStart", "ChargePeriodStart",
                "ServiceName", "RegionId", "ResourceId", "ChargeCategory");
        // i-0web is managed (attributed); the bucket no state manages (unmanaged); a tax and a credit name no resource.
        List<List<String>> rows = List.of(
                List.of("1200.125", "1200.125", "USD", ps, day, "Amazon EC2", "us-east-1",
                        "arn:aws:ec2:us-east-1:123456789012:instance/i-0web", "Usage"),
                List.of("34.5", "34.5", "USD", ps, day, "Amazon S3", "eu-west-1", "arn:aws:s3:::bucket-data", "Usage"),
                List.of("0.375", "0.375", "USD", ps, day, "Tax", "", "", "Tax"),
                List.of("-0.125", "-0.125", "USD", ps, day, "Credits", "", "", "Credit"));
        // A complete day for the run rate (today's lines are not one yet): i-0web two days ago, in its own billing period.
        LocalDate earlier = today.minusDays(2);
        List<String> complete = List.of("600.0625", "600.0625", "USD", earlier.withDayOfMonth(1) + "T00:00:00Z", earlier + "T00:00:00Z",
                "Amazon EC2", "us-east-1", "arn:aws:ec2:us-east-1:123456789012:instance/i-0web", "Usage");
        Path dir = tempDir("console-attribution-");
        ExportFixtures.csv(dir.resolve("focus.csv"), false, false, header, rows);
        ExportFixtures.csv(dir.resolve("focus-earlier.csv"), false, false, header, List.of(complete));
        String source = addSource(tenant, "aws", dir.toUri().toString());
        syncAndWait(tenant, source);
        var computed = awaitAttribution(tenant, null);
        // This month's attributed lines: today's i-0web, and the earlier one when it falls in this month too.
        assertThat(computed.path("attributed_count").asLong()).as(computed.toString())
                .isEqualTo(earlier.getMonth() == today.getMonth() ? 2 : 1);

        signIn(email, "correct horse battery ada");
        waiting().until(ExpectedConditions.urlContains("/console/t/" + tenant));
        browser.get(url("/console/t/" + tenant + "/spend?from=" + earlier + "&to=" + today.plusDays(1)));
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("attribution")));

        java.math.BigDecimal attributed = new java.math.BigDecimal(rows.get(0).get(1)).add(new java.math.BigDecimal(complete.get(1)));
        java.math.BigDecimal unmanaged = new java.math.BigDecimal(rows.get(1).get(1));
        java.math.BigDecimal unallocated = new java.math.BigDecimal(rows.get(2).get(1)).add(new java.math.BigDecimal(rows.get(3).get(1)));
        java.math.BigDecimal total = attributed.add(unmanaged).add(unallocated);
        String coverage = attributed.multiply(java.math.BigDecimal.valueOf(100)).divide(total, 2, java.math.RoundingMode.HALF_EVEN)
                .toPlainString();
        WebElement split = browser.findElement(By.id("attribution"));
        assertThat(split.getText()).contains(coverage + " %").contains(Money.format(total.toPlainString(), "USD"))
                .doesNotContain("matcher").doesNotContain("(exact)");
        // each amount as money, its exact value in the tooltip
        Map<String, java.math.BigDecimal> parts = Map.of("attributed", attributed, "unmanaged", unmanaged, "unallocated", unallocated);
        for (var part : parts.entrySet()) {
            WebElement cost = split.findElement(By.cssSelector("tr[data-status='" + part.getKey() + "'] td.num"));
            assertThat(cost.getText()).isEqualTo(Money.format(part.getValue().toPlainString(), "USD"));
            assertThat(cost.getAttribute("title")).isEqualTo(Money.exact(part.getValue().toPlainString(), "USD"));
        }
        assertThat(split.findElement(By.cssSelector("tr[data-status='unallocated']")).getText()).contains("No resource ID");
        // what "No resource ID" holds, by charge category, from the rows (the range cuts the month: read from the lines)...
        assertThat(split.findElement(By.id("no-resource-id")).getText())
                .contains("Tax " + Money.format(rows.get(2).get(1), "USD")).contains("Credit " + Money.format(rows.get(3).get(1), "USD"));
        // ...and the monthly rollup keeps the category of each line that names no resource, for whole months
        Map<String, java.math.BigDecimal> kept = new java.util.TreeMap<>();
        jdbc.sql("SELECT charge_category, sum(effective_cost) FROM cost_monthly_resources"
                        + " WHERE tenant_id = ?::uuid AND resource_key IS NULL GROUP BY charge_category")
                .param(tenant).query(rs -> {
                    kept.put(rs.getString(1), rs.getBigDecimal(2));
                });
        assertThat(kept.keySet()).containsExactly("Credit", "Tax");
        assertThat(kept.get("Tax")).isEqualByComparingTo(rows.get(2).get(1));
        assertThat(kept.get("Credit")).isEqualByComparingTo(rows.get(3).get(1));
        assertThat(split.findElements(By.cssSelector(".split .part"))).as("one bar part per positive amount").hasSize(3);
        assertThat(browser.findElement(By.id("top-unmanaged")).getText()).contains("arn:aws:s3:::bucket-data")
                .contains(Money.format(unmanaged.toPlainString(), "USD")).doesNotContain("i-0web");

        WebElement compare = browser.findElement(By.id("estimate-vs-actual"));
        WebElement byState = compare.findElement(By.cssSelector("table[data-title='Estimate vs actual by state']"));
        WebElement prod = byState.findElement(By.xpath(".//tbody/tr[td[1][text()='envs/prod']]"));
        // The run rate: the complete day's 600.0625 x 730 / 24 a month, far above the instance's estimate: over.
        java.math.BigDecimal rate = new java.math.BigDecimal(complete.get(1)).multiply(java.math.BigDecimal.valueOf(730))
                .divide(java.math.BigDecimal.valueOf(24), 10, java.math.RoundingMode.HALF_EVEN);
        assertThat(prod.getText()).contains(Money.format(complete.get(1), "USD")).contains(Money.format(rate.toPlainString(), "USD"))
                .containsPattern(" x\\d+\\.\\d$");
        assertThat(prod.getAttribute("class")).isEqualTo("over");
        assertThat(compare.findElement(By.cssSelector("table[data-title='Estimate vs actual by resource type']")).getText())
                .contains("aws_instance");
        String byTeam = compare.findElement(By.cssSelector("table[data-title='Estimate vs actual by tag team']")).getText();
        assertThat(byTeam).contains("web").contains("data");
        browser.executeScript("arguments[0].scrollIntoView()", split);
        shoot("spend-attribution");
        browser.executeScript("arguments[0].scrollIntoView()", compare);
        shoot("spend-estimate-vs-actual");
        assertNoConsoleErrors("Spend with attribution");

        browser.get(url("/console/t/" + tenant + "/estimates?state=" + state));
        WebElement actuals = waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("state-actuals")));
        WebElement web = actuals.findElement(By.xpath(".//tbody/tr[td[1][text()='aws_instance.web']]"));
        assertThat(web.getText()).contains(Money.format(complete.get(1), "USD")).contains(Money.format(rate.toPlainString(), "USD"));
        assertThat(web.getAttribute("class")).isEqualTo("over");
        WebElement idle = actuals.findElement(By.xpath(".//tbody/tr[td[1][text()='aws_instance.idle']]"));
        assertThat(idle.getText()).contains("USD 0.00");
        assertThat(actuals.findElement(By.cssSelector(".estimate-without-spend")).getText()).contains("aws_instance.idle");
        browser.executeScript("arguments[0].scrollIntoView()", actuals);
        shoot("state-actuals");
        assertNoConsoleErrors("a state's estimate vs actual");
        browser.findElement(By.id("logout")).click();
    }

    @Test
    void anActiveAnomalyIsShownOnTheSpendPageAndDismissedWithAReason() throws Exception {
        String tenant = newTenant();
        String email = member(tenant, "Noor");
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        LocalDate spike = today.minusDays(1);
        List<List<String>> rows = new java.util.ArrayList<>();
        for (LocalDate day = today.minusDays(30); !day.isAfter(spike); day = day.plusDays(1)) {
            String cost = day.equals(spike) ? "912.40" : day.getDayOfMonth() % 3 == 0 ? "204.00" : "196.00";
            rows.add(List.of(cost, cost, "USD", day.withDayOfMonth(1) + "T00:00:00Z", day + "T00:00:00Z", "Amazon SageMaker",
                    "444444444444"));
        }
        Path dir = tempDir("console-anomalies-");
        ExportFixtures.csv(dir.resolve("focus.csv"), false, false, List.of("BilledCost", "EffectiveCost", "BillingCurrency",
                "BillingPeriodStart", "ChargePeriodStart", "ServiceName", "SubAccountId"), rows);
        assertThat(syncAndWait(tenant, addSource(tenant, "aws", dir.toUri().toString())).path("status").asString()).isEqualTo("ok");
        var found = api.get(ADMIN_KEY, "/api/v1/tenants/" + tenant + "/costs/anomalies").body().path("results");
        java.time.Instant deadline = java.time.Instant.now().plusSeconds(60);
        while (found.isEmpty()) {
            assertThat(java.time.Instant.now()).as("the scan after the sync found the spike").isBefore(deadline);
            sleep(200);
            found = api.get(ADMIN_KEY, "/api/v1/tenants/" + tenant + "/costs/anomalies").body().path("results");
        }
        assertThat(found).hasSize(1);
        String id = found.get(0).path("id").asString();

        signIn(email, "correct horse battery noor");
        browser.get(url("/console/t/" + tenant + "/spend"));
        WebElement panel = waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("anomalies")));
        WebElement row = panel.findElement(By.cssSelector("tr[data-anomaly='" + id + "']"));
        String difference = new java.math.BigDecimal(found.get(0).path("difference").asString()).toPlainString();
        assertThat(row.getText()).contains(spike.toString()).contains("high").contains("Amazon SageMaker in 444444444444")
                .contains(Money.format("912.40", "USD")).contains(Money.format(difference, "USD").replaceFirst(" ", " +"));
        browser.executeScript("arguments[0].scrollIntoView()", panel);
        shoot("spend-anomalies");
        assertNoConsoleErrors("Spend with an anomaly");

        row.findElement(By.name("reason")).sendKeys("quarterly model retraining");
        row.findElement(By.cssSelector("button[type='submit']")).click();
        WebElement notice = waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("p.notice")));
        assertThat(notice.getText()).contains("Dismissed the anomaly of " + spike);
        assertThat(browser.findElements(By.id("anomalies"))).as("no active anomaly is left").isEmpty();
        var dismissed = api.get(ADMIN_KEY, "/api/v1/tenants/" + tenant + "/costs/anomalies?status=dismissed").body().path("results");
        assertThat(dismissed).hasSize(1);
        assertThat(dismissed.get(0).path("dismissed_reason").asString()).isEqualTo("quarterly model retraining");
        assertThat(dismissed.get(0).path("dismissed_by").asString()).isEqualTo(email);
        browser.findElement(By.id("logout")).click();
    }

    @Test
    void theReportingCurrencyConvertsTheSpendPage() throws Exception {
        String tenant = newTenant();
        String email = member(tenant, "Rita");
        java.time.YearMonth march = java.time.YearMonth.of(2025, 3);
        String start = march.atDay(1) + "T00:00:00Z";
        String day = march.atDay(10) + "T00:00:00Z";
        Path usd = tempDir("console-usd-");
        ExportFixtures.csv(usd.resolve("focus.csv"), false, false, List.of("BilledCost", "EffectiveCost", "BillingCurrency",
                "BillingPeriodStart", "ChargePeriodStart", "ServiceName"), List.of(List.of("200", "200", "USD", start, day, "Amazon EC2"),
                List.of("100", "100", "USD", march.plusMonths(1).atDay(1) + "T00:00:00Z", march.plusMonths(1).atDay(10) + "T00:00:00Z",
                        "Amazon EC2")));
        Path eur = tempDir("console-eur-");
        ExportFixtures.csv(eur.resolve("focus.csv"), false, false, List.of("BilledCost", "EffectiveCost", "BillingCurrency",
                "BillingPeriodStart", "ChargePeriodStart", "ServiceName"), List.of(List.of("30.25", "30.25", "EUR", start, day,
                "Virtual Machines"), List.of("20", "20", "EUR", march.plusMonths(1).atDay(1) + "T00:00:00Z",
                march.plusMonths(1).atDay(10) + "T00:00:00Z", "Virtual Machines")));
        syncAndWait(tenant, addSource(tenant, "aws", usd.toUri().toString()));
        syncAndWait(tenant, addSource(tenant, "azure", eur.toUri().toString()));
        assertThat(api.put(ADMIN_KEY, "/api/v1/exchange-rates/USD/EUR/" + march, Map.of("rate", new java.math.BigDecimal("0.8")))
                .status()).isEqualTo(200);
        assertThat(api.put(ADMIN_KEY, "/api/v1/tenants/" + tenant + "/reporting-currency", Map.of("reporting_currency", "EUR"))
                .status()).isEqualTo(200);

        signIn(email, "correct horse battery rita");
        browser.get(url("/console/t/" + tenant + "/spend?from=" + march.atDay(1) + "&to=" + march.plusMonths(1).atDay(1)));
        WebElement total = waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("range-total")));
        String converted = new java.math.BigDecimal("200").multiply(new java.math.BigDecimal("0.8")).add(new java.math.BigDecimal("30.25"))
                .toPlainString();
        assertThat(total.getText()).isEqualTo(Money.format(converted, "EUR"));
        assertThat(browser.findElement(By.id("converted")).getText()).contains("converted");
        assertThat(browser.findElement(By.cssSelector("table[data-title='By service']")).getText())
                .contains(Money.format("160", "EUR")).contains(Money.format("30.25", "EUR"));
        // Each table downloads as CSV, in the currency shown, with the original currencies kept.
        String csv = (String) browser.executeScript("return fetch(document.querySelector(\"a.download[data-view='service']\").href)"
                + ".then(r => r.headers.get('Content-Disposition'))");
        String body = (String) browser.executeScript("return fetch(document.querySelector(\"a.download[data-view='service']\").href)"
                + ".then(r => r.text())");
        assertThat(csv).startsWith("attachment; filename=\"spend-service-" + march.atDay(1));
        assertThat(body.lines().toList()).contains("key,currency,cost,original,series_period,series_cost")
                .anySatisfy(l -> assertThat(l).startsWith("Amazon EC2,EUR,160,").endsWith("," + march.atDay(1) + ",160"));
        // Any billing currency can be picked: every line is converted into it (EUR at one over the USD-to-EUR rate).
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("currency"))).selectByValue("USD");
        browser.findElement(By.id("apply")).click();
        String inUsd = new java.math.BigDecimal("200").add(new java.math.BigDecimal("30.25")
                .divide(new java.math.BigDecimal("0.8"), 6, java.math.RoundingMode.HALF_EVEN)).toPlainString();
        waiting().until(ExpectedConditions.textToBe(By.id("range-total"), Money.format(inUsd, "USD")));
        assertThat(browser.findElement(By.id("converted")).getText()).contains("converted");
        assertThat(browser.findElements(By.id("left-out"))).isEmpty();
        // A month without a rate: the page shows what is billed in the currency and says what is left out.
        browser.get(url("/console/t/" + tenant + "/spend?from=" + march.plusMonths(1).atDay(1) + "&to=" + march.plusMonths(2).atDay(1)));
        waiting().until(ExpectedConditions.textToBe(By.id("range-total"), Money.format("20", "EUR")));
        assertThat(browser.findElement(By.id("left-out")).getText()).contains("Left out of these amounts: " + Money.format("100", "USD"))
                .contains("no exchange rate from USD to EUR for " + march.plusMonths(1));
        assertThat(browser.findElements(By.id("converted"))).isEmpty();
        assertNoConsoleErrors("Spend in the reporting currency");
        browser.findElement(By.id("logout")).click();
    }

    @Test
    void theFinOpsPageShowsForecastBudgetsSavingsAndInvoicesWithTheirCsv() throws Exception {
        String tenant = newTenant();
        String email = member(tenant, "Femi");
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        String period = today.withDayOfMonth(1) + "T00:00:00Z";
        Path dir = tempDir("console-finops-");
        ExportFixtures.csv(dir.resolve("focus.csv"), false, false, List.of("BilledCost", "EffectiveCost", "ListCost", "ContractedCost",
                "BillingCurrency", "BillingPeriodStart", "ChargePeriodStart", "ServiceName", "InvoiceId", "InvoiceIssuerName"),
                List.of(List.of("80", "60", "100", "80", "USD", period, today + "T00:00:00Z", "Amazon EC2", "INV-7", "AWS Inc."),
                        List.of("9", "9", "10", "9", "USD", period, today + "T00:00:00Z", "Amazon S3", "INV-7", "AWS Inc.")));
        syncAndWait(tenant, addSource(tenant, "aws", dir.toUri().toString()));
        assertThat(api.post(ADMIN_KEY, "/api/v1/tenants/" + tenant + "/budgets", Map.of("name", "Platform", "period", "monthly",
                "amount", new java.math.BigDecimal("5000"), "currency", "USD")).status()).isEqualTo(201);

        signIn(email, "correct horse battery femi");
        browser.findElement(By.id("nav-finops")).click();
        WebElement budgets = waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("budgets")));
        // Amounts in their currency with thousands grouped, percentages with their sign, headers in words.
        assertThat(budgets.getText()).contains("Platform").contains(Money.format("5000", "USD")).contains(Money.format("69", "USD"))
                .contains("1.38 %").doesNotContain("PERCENT");
        assertThat(browser.findElement(By.id("forecast")).getText()).contains("USD").contains("69");
        String savings = browser.findElement(By.id("savings")).getText();
        // EC2: list 100, effective 60: total savings 40, rate 40.00
        assertThat(savings).contains("Amazon EC2").contains(Money.format("40", "USD")).contains("40.00 %")
                .contains("EFFECTIVE SAVINGS RATE %");
        assertThat(browser.findElement(By.id("invoices")).getText()).contains("INV-7").contains(Money.format("89", "USD"));
        assertThat(browser.findElement(By.id("from")).getAttribute("value")).as("the range is shown, not dashes")
                .isEqualTo(YearMonth.now(ZoneOffset.UTC).minusMonths(3).toString());
        assertThat(browser.findElements(By.cssSelector("#savings td.num"))).isNotEmpty();
        String csv = (String) browser.executeScript("return fetch(document.querySelector(\"a.download[data-view='invoices']\").href)"
                + ".then(r => r.text())");
        assertThat(csv.lines().findFirst().orElse("")).startsWith("billing_period,invoice_issuer,invoice_id,currency,billed_cost");
        browser.executeScript("arguments[0].scrollIntoView()", budgets);
        shoot("finops");
        assertNoConsoleErrors("FinOps");
        browser.findElement(By.id("logout")).click();
    }

    /** The identity provider's answer to the next sign-in: this person, with these groups. */
    private static void nextSignIn(String email, String name, List<String> groups) {
        OIDC.enqueueCallback(new no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback("idp", email, "JWT",
                List.of("stategraph-console"), Map.of("email", email, "email_verified", true, "name", name, "groups", groups)));
    }

    @Test
    void singleSignOnGivesTheRoleOfTheGroupClaimAndSignsOut() throws Exception {
        var created = api.post(ADMIN_KEY, "/api/v1/tenants", Map.of("name", OIDC_TENANT));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        String tenant = created.text("id");
        String email = "grace@sso.example.com";

        // A member of the "finops" group: a member of the tenant, who cannot open Billing Connections.
        nextSignIn(email, "Grace Hopper", List.of("finops", "unrelated"));
        browser.get(url("/login"));
        browser.findElement(By.id("sso")).click();
        waiting().until(ExpectedConditions.urlContains("/console/t/" + tenant));
        assertThat(browser.findElement(By.cssSelector(".logout")).getText()).contains("Grace Hopper");
        assertThat(browser.findElements(By.id("nav-billing"))).as("a member's console").isEmpty();
        assertThat(jdbc.sql("SELECT role FROM tenant_members m JOIN users u ON u.id = m.user_id WHERE u.email = ? AND m.tenant_id = ?::uuid")
                .params(email, tenant).query(String.class).single()).isEqualTo("member");
        assertThat(jdbc.sql("SELECT count(*) FROM spring_session WHERE principal_name = ?").param(email).query(Long.class).single())
                .as("the session is kept in the database").isEqualTo(1);
        shoot("sso-member");
        browser.findElement(By.id("logout")).click();
        waiting().until(ExpectedConditions.urlContains("/login?logout"));
        browser.get(url("/console/t/" + tenant + "/spend"));
        waiting().until(ExpectedConditions.urlContains("/login"));
        assertThat(browser.findElements(By.id("sso"))).as("signed out: the sign-in page again").hasSize(1);

        // Now in "finops-admins": an admin.
        nextSignIn(email, "Grace Hopper", List.of("finops-admins"));
        browser.findElement(By.id("sso")).click();
        waiting().until(ExpectedConditions.urlContains("/console/t/" + tenant));
        assertThat(browser.findElements(By.id("nav-billing"))).as("an admin's console").hasSize(1);
        assertNoConsoleErrors("after single sign-on");
        browser.findElement(By.id("logout")).click();
        waiting().until(ExpectedConditions.urlContains("/login?logout"));

        // In neither group any more: the membership the groups gave is gone.
        nextSignIn(email, "Grace Hopper", List.of());
        browser.findElement(By.id("sso")).click();
        waiting().until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
        assertThat(jdbc.sql("SELECT count(*) FROM tenant_members m JOIN users u ON u.id = m.user_id WHERE u.email = ?")
                .param(email).query(Long.class).single()).isZero();
        browser.get(url("/console/t/" + tenant + "/spend"));
        assertThat(browser.getPageSource()).as("no longer a member").contains("You cannot open this page").doesNotContain("nav-billing");
        // The 403 above is the browser's log's last entry: read now, so the next test starts with an empty log.
        assertThat(browser.manage().logs().get(LogType.BROWSER).getAll()).anySatisfy(e -> assertThat(e.getMessage()).contains("403"));
        browser.manage().deleteAllCookies();
    }

    @Test
    void singleSignOnLinksToAnExistingAccountOnlyWhenTheProviderSaysTheEmailIsVerified() throws Exception {
        String tenant = newTenant();
        String email = "local-" + tenant.substring(0, 8) + "@example.com";
        assertThat(api.post(ADMIN_KEY, "/api/v1/tenants/" + tenant + "/users", Map.of("email", email, "name", "Lou Local",
                "role", "admin", "password", "correct horse battery lou")).status()).isEqualTo(201);
        java.util.List<Map<String, Object>> unverified = List.of(
                Map.of("email", email, "name", "Mallory", "groups", List.of()),
                Map.of("email", email, "email_verified", false, "name", "Mallory", "groups", List.of()));
        for (Map<String, Object> claims : unverified) {
            OIDC.enqueueCallback(new no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback("idp", "mallory", "JWT",
                    List.of("stategraph-console"), claims));
            browser.get(url("/login"));
            browser.findElement(By.id("sso")).click();
            waiting().until(ExpectedConditions.urlContains("/login?sso-error=unverified"));
            assertThat(browser.findElement(By.id("sso-unverified")).getText()).as(claims.toString())
                    .contains("did not confirm that your email address is verified");
            browser.get(url("/console/t/" + tenant + "/spend"));
            waiting().until(ExpectedConditions.urlContains("/login"));
        }
        assertThat(jdbc.sql("SELECT count(*) FROM spring_session WHERE lower(principal_name) = lower(?)").param(email)
                .query(Long.class).single()).as("nobody signed in as the local account").isZero();
        assertThat(jdbc.sql("SELECT name FROM users WHERE email = ?").param(email).query(String.class).single()).isEqualTo("Lou Local");
        browser.manage().logs().get(LogType.BROWSER);
        browser.manage().deleteAllCookies();
    }
}
