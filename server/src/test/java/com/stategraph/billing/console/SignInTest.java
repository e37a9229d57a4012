package com.stategraph.billing.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.stategraph.billing.support.ConsoleForms;
import com.stategraph.billing.support.ServerTest;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Password sign-in to the console over HTTP, behind a proxy (X-Forwarded-For, X-Forwarded-Proto):
 * session cookies HttpOnly and SameSite=Lax, Secure behind TLS; failed sign-ins limited per account
 * and per address, refused before the password is looked at.
 */
class SignInTest extends ServerTest {

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
    void anAccountIsLockedAfterFiveFailuresFromAnyAddress() throws Exception {
        String tenant = newTenant();
        String email = user(tenant, "correct horse battery");
        for (int i = 0; i < 5; i++) {
            ConsoleForms.SignIn wrong = ConsoleForms.signIn(base(), email, "wrong password " + i, from("203.0.113.10"));
            assertThat(wrong.location()).as("attempt " + (i + 1)).endsWith("/login?error");
        }
        for (String address : new String[] {"203.0.113.10", "203.0.113.11"}) {
            ConsoleForms.SignIn locked = ConsoleForms.signIn(base(), email, "correct horse battery", from(address));
            assertThat(locked.location()).as("the right password, from " + address).endsWith("/login?throttled");
            assertThat(locked.response().headers().firstValue("Retry-After")).hasValue("900");
            assertThat(ConsoleForms.get(base() + "/console/t/" + tenant + "/spend", locked.sessionCookie()).statusCode())
                    .as("not signed in").isEqualTo(302);
        }
        String page = ConsoleForms.get(base() + "/login?throttled", "SESSION=none").body();
        assertThat(page).contains("Too many failed sign-ins").contains("15 minutes");
        String other = user(tenant, "another good password");
        assertThat(ConsoleForms.signIn(base(), other, "another good password", from("203.0.113.10")).location())
                .as("another account from that address").endsWith("/console");
    }

    @Test
    void anAddressIsBlockedAfterTwentyFailuresOverAnyAccounts() throws Exception {
        String tenant = newTenant();
        String email = user(tenant, "correct horse battery");
        for (int i = 0; i < 20; i++) {
            ConsoleForms.SignIn wrong = ConsoleForms.signIn(base(), "nobody-" + i + "@example.com", "guess", from("192.0.2.77"));
            assertThat(wrong.location()).endsWith("/login?error");
        }
        assertThat(ConsoleForms.signIn(base(), email, "correct horse battery", from("192.0.2.77")).location())
                .as("from the guessing address").endsWith("/login?throttled");
        assertThat(ConsoleForms.signIn(base(), email, "correct horse battery", from("192.0.2.78")).location())
                .as("the same account from elsewhere").endsWith("/console");
    }
}
