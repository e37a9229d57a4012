package com.stategraph.billing.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.stategraph.billing.support.ServerTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The remove confirmation with a real terminal: the CLI runs as its own process, under
 * util-linux {@code script}, which gives it a pseudo-terminal that the test types into.
 */
class CliTerminalPromptTest extends ServerTest {
    private String tenant;

    @BeforeEach
    void tenant() {
        tenant = newTenant();
    }

    private record Outcome(int exit, String output) {
    }

    private Outcome remove(String sourceId, String typed, boolean withTerminal) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cli = List.of(java, "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "cost", "billing-source", "remove", "--tenant", tenant, sourceId);
        List<String> command = new ArrayList<>();
        if (withTerminal) {
            command.addAll(List.of("script", "-qec", String.join(" ", cli.stream().map(CliTerminalPromptTest::quote).toList()), "/dev/null"));
        } else {
            command.addAll(cli);
        }
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().put("STATEGRAPH_API_BASE", api.base());
        pb.environment().put("STATEGRAPH_API_KEY", ADMIN_KEY);
        Process process = pb.start();
        process.getOutputStream().write(typed.getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().close();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Outcome(process.exitValue(), new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    private static String quote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }

    private int status(String id) {
        return api.get(ADMIN_KEY, "/api/v1/tenants/" + tenant + "/billing-sources/" + id).status();
    }

    @Test
    void yesAtTheTerminalRemoves() throws Exception {
        String id = createAwsSource(tenant, "s3://tty-yes/focus/*.parquet");
        Outcome outcome = remove(id, "yes\n", true);
        assertThat(outcome.exit()).as(outcome.output()).isZero();
        assertThat(outcome.output()).contains("Only 'yes' will be accepted", "Removed billing source " + id);
        assertThat(status(id)).isEqualTo(404);
    }

    @Test
    void anythingElseAtTheTerminalCancels() throws Exception {
        String id = createAwsSource(tenant, "s3://tty-no/focus/*.parquet");
        Outcome outcome = remove(id, "no\n", true);
        assertThat(outcome.exit()).as(outcome.output()).isEqualTo(1);
        assertThat(outcome.output()).contains("Cancelled");
        assertThat(status(id)).isEqualTo(200);
    }

    @Test
    void withoutATerminalItCancelsEvenIfYesIsPiped() throws Exception {
        String id = createAwsSource(tenant, "s3://tty-none/focus/*.parquet");
        Outcome outcome = remove(id, "yes\n", false);
        assertThat(outcome.exit()).as(outcome.output()).isEqualTo(1);
        assertThat(outcome.output()).contains("no terminal to confirm on");
        assertThat(status(id)).isEqualTo(200);
    }
}
