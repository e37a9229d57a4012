package com.stategraph.billing.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.stategraph.billing.support.ConsoleForms;
import com.stategraph.billing.support.HttpApi;
import com.stategraph.billing.support.ServerProcess;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A console session outlives the server process that made it and is good on any replica: signed in
 * on one server, that server stopped, the same cookie opens the console on another server of the
 * same PostgreSQL; signing out there ends it for every server.
 */
class SessionsAcrossReplicasProcessTest {
    private static final String KEY = "sgk_sessions-process-test-admin-key-0123456789";

    @Test
    void aSessionMadeOnOneServerWorksOnAnotherAfterTheFirstStops() throws Exception {
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start()) {
            Map<String, String> database = Map.of("DB_HOST", "127.0.0.1", "DB_PORT", String.valueOf(pg.getPort()), "DB_USER", "postgres",
                    "DB_NAME", "postgres");
            String cookie;
            String tenant;
            try (ServerProcess first = ServerProcess.start(database, KEY)) {
                HttpApi api = new HttpApi(first.port());
                tenant = api.post(KEY, "/api/v1/tenants", Map.of("name", "sessions")).text("id");
                assertThat(api.post(KEY, "/api/v1/tenants/" + tenant + "/users", Map.of("email", "sam@example.com", "name", "Sam Session",
                        "role", "member", "password", "correct horse battery")).status()).isEqualTo(201);
                ConsoleForms.SignIn signIn = ConsoleForms.signIn(first.base(), "sam@example.com", "correct horse battery", Map.of());
                assertThat(signIn.location()).endsWith("/console");
                cookie = signIn.sessionCookie();
                assertThat(ConsoleForms.get(first.base() + "/console/t/" + tenant + "/spend", cookie).body()).contains("Sam Session");
            }
            try (ServerProcess second = ServerProcess.start(database, KEY)) {
                HttpResponse<String> spend = ConsoleForms.get(second.base() + "/console/t/" + tenant + "/spend", cookie);
                assertThat(spend.statusCode()).as("the first server's session, on the second").isEqualTo(200);
                assertThat(spend.body()).contains("Sam Session");
                String csrf = spend.body().replaceAll("(?s).*name=\"_csrf\" value=\"([^\"]+)\".*", "$1");
                HttpResponse<String> out = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(second.base() + "/logout"))
                        // The form's CSRF token is checked against the cookie the page set with it.
                        .header("Cookie", String.join("; ", java.util.stream.Stream.concat(java.util.stream.Stream.of(cookie),
                                ConsoleForms.cookies(spend).stream()).toList()))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + java.net.URLEncoder.encode(csrf, java.nio.charset.StandardCharsets.UTF_8)))
                        .build(), HttpResponse.BodyHandlers.ofString());
                assertThat(out.statusCode()).isEqualTo(302);
                assertThat(ConsoleForms.get(second.base() + "/console/t/" + tenant + "/spend", cookie).statusCode())
                        .as("signed out").isEqualTo(302);
            }
        }
    }
}
