package com.stategraph.billing.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.stategraph.billing.support.HttpApi;
import com.stategraph.billing.support.ServerTest;
import com.stategraph.billing.support.TerraformStates;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** stategraph state push, list, show and rm against the running server. */
class CliStateTest extends ServerTest {
    private static TerraformStates state(long serial) {
        return TerraformStates.state(serial, "lineage-1")
                .managed("aws_instance", "web", "aws", Map.of("id", "i-0abc", "availability_zone", "eu-west-1a",
                        "instance_type", "t3.micro"))
                .managed("aws_ebs_volume", "data", "aws", Map.of("id", "vol-0def", "availability_zone", "eu-west-1a", "size", 20));
    }

    @Test
    void pushFromAFileAndFromStandardInputThenListShowAndRemove() throws Exception {
        String tenant = newTenant();
        CliRunner cli = new CliRunner(api.base(), ADMIN_KEY).env("STATEGRAPH_TENANT_ID", tenant);
        Path file = Files.createTempFile("terraform", ".tfstate");
        Files.writeString(file, state(3).json());

        var pushed = cli.run("state", "push", "--name", "envs/prod/web", file.toString());
        assertThat(pushed.exit()).as(pushed.err()).isZero();
        assertThat(pushed.out()).contains("Pushed state envs/prod/web").contains("serial 3, 2 resources");

        var stale = cli.stdin(state(2).json()).run("state", "push", "--name", "envs/prod/web", "-");
        assertThat(stale.exit()).isEqualTo(1);
        assertThat(stale.err()).contains("serial 3");
        var newer = cli.stdin(state(4).json()).run("state", "push", "--name", "envs/prod/web", "-");
        assertThat(newer.exit()).as(newer.err()).isZero();
        assertThat(newer.out()).contains("serial 4");

        var listed = cli.run("state", "list", "--format", "json");
        assertThat(listed.exit()).isZero();
        JsonNode states = HttpApi.JSON.readTree(listed.out());
        assertThat(states.size()).isEqualTo(1);
        String id = states.get(0).path("id").asString();
        assertThat(states.get(0).path("name").asString()).isEqualTo("envs/prod/web");

        var shown = cli.run("state", "show", id);
        assertThat(shown.exit()).as(shown.err()).isZero();
        assertThat(shown.out()).contains("envs/prod/web  serial 4").contains("aws_instance.web").contains("eu-west-1")
                .contains("vol-0def");

        var missing = cli.run("state", "push", "--name", "x", file.resolveSibling("no-such.tfstate").toString());
        assertThat(missing.exit()).isEqualTo(124);

        var removed = cli.run("state", "rm", id);
        assertThat(removed.exit()).isZero();
        assertThat(cli.run("state", "show", id).exit()).isEqualTo(1);
    }
}
