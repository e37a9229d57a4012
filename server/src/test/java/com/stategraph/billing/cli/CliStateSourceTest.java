package com.stategraph.billing.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.stategraph.billing.support.HttpApi;
import com.stategraph.billing.support.SyncServerTest;
import com.stategraph.billing.support.TerraformStates;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** stategraph state source add, list, sync and remove, against a directory the operator allowed (file://). */
class CliStateSourceTest extends SyncServerTest {
    @Test
    void addSyncListAndRemove() throws Exception {
        Path dir = tempDir("states-");
        Files.createDirectories(dir.resolve("envs/prod"));
        Files.writeString(dir.resolve("envs/prod/terraform.tfstate"), TerraformStates.state(1, "p")
                .managed("aws_instance", "web", "aws", Map.of("id", "i-1", "instance_type", "t3.large", "region", "us-east-1")).json());
        String tenant = newTenant();
        CliRunner cli = new CliRunner(api.base(), ADMIN_KEY).env("STATEGRAPH_TENANT_ID", tenant);

        var added = cli.run("state", "source", "add", "--source-uri", "file://" + dir + "/**/*.tfstate");
        assertThat(added.exit()).as(added.err()).isZero();
        String id = HttpApi.JSON.readTree(added.out()).path("id").asString();

        var synced = cli.run("state", "source", "sync", id);
        assertThat(synced.exit()).as(synced.err()).isZero();
        assertThat(synced.out()).contains("Synced 1 objects: 1 states pushed, 0 unchanged, 0 removed");
        JsonNode states = HttpApi.JSON.readTree(cli.run("state", "list", "--format", "json").out());
        assertThat(states.size()).isEqualTo(1);
        assertThat(states.get(0).path("name").asString()).isEqualTo(dir.toString().substring(1) + "/envs/prod/terraform.tfstate");

        var listed = cli.run("state", "source", "list", "--format", "csv");
        assertThat(listed.out()).contains(id).contains(",ok,");

        var declined = cli.run("state", "source", "remove", id);
        assertThat(declined.exit()).isNotZero();
        var removed = cli.run("state", "source", "remove", id, "--auto-approve");
        assertThat(removed.exit()).as(removed.err()).isZero();
        assertThat(HttpApi.JSON.readTree(cli.run("state", "list", "--format", "json").out()).size()).isZero();
    }
}
