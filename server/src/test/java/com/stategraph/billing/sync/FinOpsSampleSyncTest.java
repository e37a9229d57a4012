package com.stategraph.billing.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.stategraph.billing.support.SyncServerTest;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.NamedCsvRecord;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The FinOps Foundation's FOCUS 1.0 sample (1,000 anonymized real lines of AWS, Microsoft and
 * Oracle billing; see its NOTICE.md), synced as it is: every line loaded with its exact cost, and
 * NEGATIVE_LIST_COST fires only on the lines that deserve it: its credit line is negative by design
 * (FOCUS credits, adjustments and corrections carry negative costs), its Microsoft usage lines with a
 * negative ListCost are odd. Expected figures are read from the file itself.
 */
class FinOpsSampleSyncTest extends SyncServerTest {
    private static final Set<String> NEGATIVE_BY_DESIGN = Set.of("Credit", "Adjustment");

    @Test
    void theRealSampleLoadsExactlyAndWarnsOnlyOfItsOddNegativeListCosts() throws Exception {
        Path dir = tempDir("finops-sample-");
        Path file = dir.resolve("focus_sample.csv");
        try (InputStream in = getClass().getResourceAsStream("/finops-focus-sample/focus_sample.csv")) {
            assertThat(in).as("the sample is on the test class path").isNotNull();
            Files.copy(in, file);
        }
        long lines = 0;
        BigDecimal billed = BigDecimal.ZERO;
        long odd = 0;
        long negativeByDesign = 0;
        Set<String> oddCategories = new TreeSet<>();
        try (CsvReader<NamedCsvRecord> csv = CsvReader.builder().ofNamedCsvRecord(file)) {
            for (NamedCsvRecord r : csv) {
                lines++;
                billed = billed.add(new BigDecimal(r.getField("BilledCost")));
                String list = r.getField("ListCost");
                if (!list.equals("NULL") && new BigDecimal(list).signum() < 0) {
                    if (NEGATIVE_BY_DESIGN.contains(r.getField("ChargeCategory")) || r.getField("ChargeClass").equals("Correction")) {
                        negativeByDesign++;
                    } else {
                        odd++;
                        oddCategories.add(r.getField("ChargeCategory"));
                    }
                }
            }
        }
        assertThat(lines).isEqualTo(1000);
        assertThat(negativeByDesign).as("the sample's credit").isPositive();
        assertThat(odd).as("the sample's odd Microsoft usage lines").isPositive();

        String tenant = newTenant();
        String source = addSource(tenant, "aws", "file://" + dir + "/");
        // The sample's billing periods are September and October 2024.
        JsonNode run = syncAndWait(tenant, source, Map.of("window_start", "2024-09-01"));

        assertThat(run.path("status").asString()).as(run.toString()).isEqualTo("ok");
        assertThat(run.path("rows").asLong()).isEqualTo(lines);
        assertThat(jdbc.sql("SELECT sum(billed_cost) FROM billing_rows WHERE source_id = ?::uuid").param(source)
                .query(BigDecimal.class).single()).isEqualByComparingTo(billed);
        Map<String, JsonNode> warnings = new LinkedHashMap<>();
        run.path("warnings").forEach(w -> warnings.put(w.path("code").asString(), w));
        assertThat(warnings).as(run.path("warnings").toString()).containsKey("NEGATIVE_LIST_COST");
        JsonNode negative = warnings.get("NEGATIVE_LIST_COST");
        assertThat(negative.path("count").asLong()).isEqualTo(odd);
        Set<String> sampled = new TreeSet<>();
        negative.path("samples").forEach(s -> sampled.add(s.path("value").asString()));
        assertThat(sampled).isNotEmpty().isSubsetOf(oddCategories);
    }
}
