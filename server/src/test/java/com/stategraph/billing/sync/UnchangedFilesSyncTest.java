package com.stategraph.billing.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.stategraph.billing.support.SyncServerTest;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A re-sync reads only what changed: files are compared by the version their store lists (here
 * GCS generations, through the JSON API stub, which counts every download of an object's bytes).
 */
class UnchangedFilesSyncTest extends SyncServerTest {
    private static final YearMonth CURRENT = YearMonth.now(ZoneOffset.UTC);
    private static final YearMonth PREVIOUS = CURRENT.minusMonths(1);

    /** What the test put in the bucket: each file's cost by month, so the expected sums come from the inputs. */
    private final Map<String, Map<YearMonth, BigDecimal>> written = new HashMap<>();
    private String bucket;

    private void put(String name, int seed, YearMonth... months) {
        StringBuilder csv = new StringBuilder("BilledCost,BillingCurrency,BillingPeriodStart,ChargePeriodStart,ChargeCategory\n");
        Map<YearMonth, BigDecimal> costs = new HashMap<>();
        for (YearMonth m : months) {
            for (int i = 0; i < 30; i++) {
                BigDecimal cost = new BigDecimal(seed + "." + String.format("%02d", i));
                costs.merge(m, cost, BigDecimal::add);
                csv.append(cost).append(",USD,").append(m.atDay(1)).append("T00:00:00Z,").append(m.atDay(1 + i % 27))
                        .append("T00:00:00Z,Usage\n");
            }
        }
        written.put(name, costs);
        GCS.put(bucket, "focus/" + name, csv.toString().getBytes(StandardCharsets.UTF_8));
    }

    private void remove(String name) {
        written.remove(name);
        GCS.delete(bucket, "focus/" + name);
    }

    private BigDecimal expected() {
        return written.values().stream().flatMap(m -> m.values().stream()).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** Downloads of each file during {@code sync}. */
    private Map<String, Integer> downloadsDuring(Runnable sync) {
        Map<String, Integer> before = new HashMap<>();
        written.keySet().forEach(f -> before.put(f, GCS.downloads(bucket, "focus/" + f)));
        int all = GCS.downloads(bucket);
        sync.run();
        Map<String, Integer> during = new HashMap<>();
        written.keySet().forEach(f -> during.put(f, GCS.downloads(bucket, "focus/" + f) - before.getOrDefault(f, 0)));
        during.put("*", GCS.downloads(bucket) - all);
        return during;
    }

    private static List<String> unchangedPeriods(JsonNode run) {
        List<String> periods = new ArrayList<>();
        run.path("unchanged").forEach(u -> periods.add(u.path("period").asString()));
        return periods;
    }

    @Test
    void onlyChangedAddedAndRemovedFilesReloadTheirPeriodsAndForceReadsEverything() {
        bucket = "unchanged-" + UUID.randomUUID().toString().substring(0, 8);
        GCS.createBucket(bucket);
        put("previous-a.csv", 1, PREVIOUS);
        put("previous-b.csv", 2, PREVIOUS);
        put("current-a.csv", 3, CURRENT);
        // Rows of both months in one file: read again whenever either month is reloaded.
        put("mixed.csv", 4, PREVIOUS, CURRENT);
        String tenant = newTenant();
        String source = addSource(tenant, Map.of("provider", "gcp", "source_uri", "gs://" + bucket + "/focus/*.csv",
                "window_months", 2));
        JsonNode[] run = new JsonNode[1];
        Runnable sync = () -> run[0] = syncAndWait(tenant, source);

        Map<String, Integer> first = downloadsDuring(sync);
        assertThat(run[0].path("status").asString()).as(run[0].toString()).isEqualTo("ok");
        assertThat(first).allSatisfy((f, n) -> assertThat(n).as(f).isPositive());
        assertThat(run[0].path("unchanged").isEmpty()).isTrue();
        assertThat(sum(source, "billed_cost")).isEqualByComparingTo(expected());
        long rowsBefore = rows(source);
        assertThat(rowsBefore).isEqualTo(4 * 30 + 30);

        // Nothing changed: no data file is read, every row is kept, and the run says which periods it kept.
        Map<String, Integer> second = downloadsDuring(sync);
        assertThat(run[0].path("status").asString()).as(run[0].toString()).isEqualTo("ok");
        assertThat(second.get("*")).as("downloads of an unchanged re-sync").isZero();
        assertThat(run[0].path("files").asInt()).isZero();
        assertThat(run[0].path("bytes").asLong()).isZero();
        assertThat(run[0].path("rows").asLong()).isZero();
        assertThat(unchangedPeriods(run[0])).containsExactly(PREVIOUS.toString(), CURRENT.toString());
        JsonNode previous = run[0].path("unchanged").get(0);
        assertThat(previous.path("rows").asLong()).isEqualTo(3 * 30);
        assertThat(previous.path("files").asInt()).isEqualTo(3);
        assertThat(rows(source)).isEqualTo(rowsBefore);
        assertThat(sum(source, "billed_cost")).isEqualByComparingTo(expected());
        assertThat(source(tenant, source).path("last_row_count").asLong()).isEqualTo(rowsBefore);

        // The current month's file is rewritten (a new generation): its month reloads, the mixed file with it; the
        // previous month keeps its load, and its own files are not read.
        put("current-a.csv", 30, CURRENT);
        Map<String, Integer> third = downloadsDuring(sync);
        assertThat(run[0].path("status").asString()).as(run[0].toString()).isEqualTo("ok");
        assertThat(third.get("current-a.csv")).isPositive();
        assertThat(third.get("mixed.csv")).isPositive();
        assertThat(third.get("previous-a.csv")).isZero();
        assertThat(third.get("previous-b.csv")).isZero();
        assertThat(unchangedPeriods(run[0])).containsExactly(PREVIOUS.toString());
        assertThat(run[0].path("rows").asLong()).as("the current month's rows only").isEqualTo(2 * 30);
        assertThat(sum(source, "billed_cost")).isEqualByComparingTo(expected());

        // A new file of the previous month reloads that month from all its files; the current month is kept.
        put("previous-c.csv", 5, PREVIOUS);
        Map<String, Integer> fourth = downloadsDuring(sync);
        assertThat(fourth.get("previous-c.csv")).isPositive();
        assertThat(fourth.get("previous-a.csv")).isPositive();
        assertThat(fourth.get("current-a.csv")).isZero();
        assertThat(unchangedPeriods(run[0])).containsExactly(CURRENT.toString());
        assertThat(sum(source, "billed_cost")).isEqualByComparingTo(expected());

        // A removed file reloads the months it held rows of, without it.
        remove("previous-b.csv");
        Map<String, Integer> fifth = downloadsDuring(sync);
        assertThat(fifth.get("previous-a.csv")).isPositive();
        assertThat(fifth.get("current-a.csv")).isZero();
        assertThat(unchangedPeriods(run[0])).containsExactly(CURRENT.toString());
        assertThat(sum(source, "billed_cost")).isEqualByComparingTo(expected());
        assertThat(rows(source)).isEqualTo(4 * 30 + 30);

        // Force reads every file whatever was recorded.
        Map<String, Integer> forced = downloadsDuring(() -> run[0] = syncAndWait(tenant, source, Map.of("force", true)));
        assertThat(run[0].path("status").asString()).as(run[0].toString()).isEqualTo("ok");
        assertThat(forced).allSatisfy((f, n) -> assertThat(n).as(f).isPositive());
        assertThat(run[0].path("unchanged").isEmpty()).isTrue();
        assertThat(sum(source, "billed_cost")).isEqualByComparingTo(expected());

        // Files recorded by an older loader are read again, and so are their periods.
        jdbc.sql("UPDATE sync_files SET loader = 'loader 0' WHERE tenant_id = ?::uuid AND source_id = ?::uuid AND file_key = 'focus/current-a.csv'")
                .params(tenant, source).update();
        Map<String, Integer> older = downloadsDuring(sync);
        assertThat(older.get("current-a.csv")).isPositive();
        assertThat(older.get("mixed.csv")).isPositive();
        assertThat(older.get("previous-a.csv")).isZero();
        assertThat(unchangedPeriods(run[0])).containsExactly(PREVIOUS.toString());
        assertThat(sum(source, "billed_cost")).isEqualByComparingTo(expected());
    }
}
