package com.stategraph.billing.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.stategraph.billing.support.ConsoleForms;
import com.stategraph.billing.support.ServerTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Password sign-in to the console over HTTP, behind a proxy (X-Forwarded-For, X-Forwarded-Proto):
 * session cookies HttpOnly and SameSite=Lax, Secure behind TLS; failed sign-ins limited per account
 * and per address: an account's attempts wait longer and longer (never refused), an address past its
 * limit is refused before the password is looked at.
 */
class SignInTest extends ServerTest {
    @org.springframework.beans.factory.annotation.Autowired
    private com.stategraph.billing.auth.SignInThrottle throttle;

    private String user(String tenant, String password) {
        String email = "u-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        var created = api.post(ADMIN_KEY, "/api/v1/tenants/" + tenant + "/users",
                Map.of("email", email, "name", "Uma", "role", "member", "password", password));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        return email;
    }

    private String base() {
        return "http://localhost:" + port;
    }

    private static Map<String, String> from(String address) {
        return Map.of("X-Forwarded-For", address);
    }

    @Test
    void sessionCookiesAreHttpOnlyLaxAndSecureBehindTls() throws Exception {
        String tenant = newTenant();
        String email = user(tenant, "correct horse battery");
        ConsoleForms.SignIn plain = ConsoleForms.signIn(base(), email, "correct horse battery", from("198.51.100.1"));
        assertThat(plain.location()).endsWith("/console");
        String cookie = plain.response().headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("SESSION=")).findFirst()
                .orElseThrow();
        assertThat(cookie).contains("HttpOnly").containsIgnoringCase("SameSite=Lax").doesNotContain("Secure");
        assertThat(ConsoleForms.get(base() + "/console/t/" + tenant + "/spend", plain.sessionCookie()).statusCode()).isEqualTo(200);

        ConsoleForms.SignIn tls = ConsoleForms.signIn(base(), email, "correct horse battery",
                Map.of("X-Forwarded-For", "198.51.100.2", "X-Forwarded-Proto", "https"));
        assertThat(tls.location()).as("the proxy's scheme and port").isEqualTo("https://localhost/console");
        assertThat(tls.response().headers().allValues("Set-Cookie")).anySatisfy(c ->
                assertThat(c).startsWith("SESSION=").contains("Secure").contains("HttpOnly"));
    }

    @Test
    void wrongPasswordsSlowAnAccountDownButNeverShutItsOwnerOut() throws Exception {
        String tenant = newTenant();
        String email = user(tenant, "correct horse battery");
        List<java.time.Duration> delays = new java.util.ArrayList<>();
        for (int i = 0; i < 8; i++) {
            delays.add(throttle.delayFor(email));
            // From a new address each time, as a guesser with many addresses would.
            ConsoleForms.SignIn wrong = ConsoleForms.signIn(base(), email, "wrong password " + i, from("203.0.113." + (10 + i)));
            assertThat(wrong.location()).as("attempt " + (i + 1)).endsWith("/login?error");
        }
        delays.add(throttle.delayFor(email));
        // ServerTest's server: 3 free failures, then 50 ms doubling, capped at 200 ms.
        assertThat(delays).containsExactly(Duration.ZERO, Duration.ZERO, Duration.ZERO, Duration.ofMillis(50), Duration.ofMillis(100),
                Duration.ofMillis(200), Duration.ofMillis(200), Duration.ofMillis(200), Duration.ofMillis(200));
        for (String address : new String[] {"203.0.113.10", "198.51.100.99"}) {
            ConsoleForms.SignIn owner = ConsoleForms.signIn(base(), email, "correct horse battery", from(address));
            assertThat(owner.location()).as("the right password, from " + address).endsWith("/console");
            assertThat(ConsoleForms.get(base() + "/console/t/" + tenant + "/spend", owner.sessionCookie()).statusCode())
                    .as("signed in").isEqualTo(200);
        }
        assertThat(throttle.delayFor(email)).as("a good sign-in clears the account's count").isEqualTo(Duration.ZERO);
    }

    @Test
    void anAddressIsBlockedAfterTwentyFailuresOverAnyAccounts() throws Exception {
        String tenant = newTenant();
        String email = user(tenant, "correct horse battery");
        for (int i = 0; i < 20; i++) {
            ConsoleForms.SignIn wrong = ConsoleForms.signIn(base(), "nobody-" + i + "@example.com", "guess", from("192.0.2.77"));
            assertThat(wrong.location()).endsWith("/login?error");
        }
        ConsoleForms.SignIn refused = ConsoleForms.signIn(base(), email, "correct horse battery", from("192.0.2.77"));
        assertThat(refused.location()).as("from the guessing address").endsWith("/login?throttled");
        assertThat(refused.response().headers().firstValue("Retry-After")).hasValue("900");
        assertThat(ConsoleForms.get(base() + "/login?throttled", "x=y").body()).contains("Too many failed sign-ins from this address")
                .contains("15 minutes");
        assertThat(ConsoleForms.signIn(base(), email, "correct horse battery", from("192.0.2.78")).location())
                .as("the same account from elsewhere").endsWith("/console");
    }

    @Test
    void anonymousRequestsWriteNoSession() throws Exception {
        long before = anonymousSessions();
        for (int i = 0; i < 20; i++) {
            for (String path : List.of("/login", "/favicon.ico", "/console", "/console/t/" + UUID.randomUUID() + "/spend",
                    "/invitations/not-a-token", "/no-such-page")) {
                var answer = ConsoleForms.get(base() + path, "x=y");
                assertThat(answer.headers().allValues("Set-Cookie")).as(path).noneMatch(c -> c.startsWith("SESSION="));
            }
        }
        assertThat(anonymousSessions()).as("session rows without a signed-in person").isEqualTo(before);
        // A sign-in still makes exactly one.
        String email = user(newTenant(), "correct horse battery");
        ConsoleForms.SignIn signedIn = ConsoleForms.signIn(base(), email, "correct horse battery", from("198.51.100.40"));
        assertThat(signedIn.sessionCookie()).startsWith("SESSION=");
        assertThat(jdbc.sql("SELECT count(*) FROM spring_session WHERE principal_name = ?").param(email).query(Long.class).single())
                .isEqualTo(1);
    }

    private long anonymousSessions() {
        return jdbc.sql("SELECT count(*) FROM spring_session WHERE principal_name IS NULL").query(Long.class).single();
    }
}
