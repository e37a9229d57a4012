package com.stategraph.billing.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.stategraph.billing.support.PriceBooks;
import com.stategraph.billing.support.ServerTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** stategraph pricing load and status against the running server. */
class CliPricingTest extends ServerTest {
    @Test
    void loadAGzippedBookFromAFileThenAPlainOneFromStandardInput() throws Exception {
        CliRunner admin = new CliRunner(api.base(), ADMIN_KEY);
        PriceBooks book = PriceBooks.book()
                .product("aws", "eu-west-1", "AmazonEC2", "Compute Instance", Map.of("instanceType", "m5.large"), "Hrs", "0.107")
                .product("gcp", "us-central1", "Compute Engine", "Compute Instance", Map.of("machineType", "n2-standard-2"), "h",
                        "0.0971");
        Path file = Files.createTempFile("products", ".csv.gz");
        Files.write(file, book.gzip());

        var loaded = admin.run("pricing", "load", file.toString());
        assertThat(loaded.exit()).as(loaded.err()).isZero();
        assertThat(loaded.out()).startsWith("2 products (aws 1, gcp 1), loaded ");

        var fromStdin = admin.stdin(PriceBooks.book()
                .product("azure", "westeurope", "Virtual Machines", "Compute", Map.of("skuName", "B2s"), "1 Hour", "0.0416").csv())
                .run("pricing", "load", "-");
        assertThat(fromStdin.exit()).as(fromStdin.err()).isZero();
        var status = admin.run("pricing", "status");
        assertThat(status.exit()).isZero();
        assertThat(status.out()).startsWith("1 products (azure 1), loaded ");

        var bad = admin.stdin("not,a,price,book\n").run("pricing", "load", "-");
        assertThat(bad.exit()).isEqualTo(1);
        assertThat(bad.err()).contains("line 1");
        String tenantAdmin = newKey(newTenant(), "admin");
        var refused = new CliRunner(api.base(), tenantAdmin).run("pricing", "load", file.toString());
        assertThat(refused.exit()).isEqualTo(1);
        assertThat(refused.err()).contains("Forbidden");
        assertThat(admin.run("pricing", "load", file.resolveSibling("missing.csv").toString()).exit()).isEqualTo(124);
    }
}
