package com.stategraph.billing.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.stategraph.billing.support.ExportFixtures;
import com.stategraph.billing.support.SyncServerTest;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/**
 * Each kind of bad input fails the sync with an error naming the file (and the row and column
 * where there is one), and leaves the rows an earlier sync loaded exactly as they were.
 */
class BadInputSyncTest extends SyncServerTest {
    private static final YearMonth MONTH = YearMonth.now(ZoneOffset.UTC).minusMonths(1);
    private static final List<String> HEADER = List.of("BilledCost", "BillingCurrency", "BillingPeriodStart",
            "ChargePeriodStart", "ServiceName", "Tags");

    interface BadFile {
        /** Writes the bad file into dir and returns its name. */
        String write(Path dir) throws Exception;
    }

    static List<String> good(String cost) {
        return List.of(cost, "USD", MONTH.atDay(1) + "T00:00:00Z", MONTH.atDay(2) + "T00:00:00Z", "Compute", "{\"team\":\"a\"}");
    }

    static Stream<Arguments> badFiles() {
        return Stream.of(
                Arguments.of("truncated Parquet", (BadFile) dir -> {
                    Path full = dir.resolve("full.tmp");
                    ExportFixtures.parquet(full, ExportFixtures.GCP_SCHEMA, List.of(Map.of("BillingCurrency", "USD")));
                    byte[] bytes = Files.readAllBytes(full);
                    Files.write(dir.resolve("z-truncated.parquet"), Arrays.copyOf(bytes, bytes.length - 40));
                    Files.delete(full);
                    return "z-truncated.parquet";
                }, List.of("truncated")),
                Arguments.of("not Parquet", (BadFile) dir -> {
                    Files.writeString(dir.resolve("z-fake.parquet"), "BilledCost,BillingCurrency\n1,USD\n");
                    return "z-fake.parquet";
                }, List.of("not a Parquet file")),
                Arguments.of("Parquet named .csv", (BadFile) dir -> {
                    ExportFixtures.parquet(dir.resolve("z-parquet.csv"), ExportFixtures.GCP_SCHEMA, List.of(Map.of("BillingCurrency", "USD")));
                    return "z-parquet.csv";
                }, List.of("this is a Parquet file, not CSV")),
                Arguments.of("CSV without BilledCost", (BadFile) dir -> {
                    ExportFixtures.csv(dir.resolve("z-nocost.csv"), false, false, HEADER.subList(1, 6),
                            List.of(good("1").subList(1, 6)));
                    return "z-nocost.csv";
                }, List.of("missing mandatory FOCUS column BilledCost")),
                Arguments.of("bad decimal", (BadFile) dir -> {
                    ExportFixtures.csv(dir.resolve("z-decimal.csv"), false, false, HEADER,
                            List.of(good("1"), good("12,5x")));
                    return "z-decimal.csv";
                }, List.of("row 2, column BilledCost", "a value of 5 characters is not a decimal number")),
                Arguments.of("decimal PostgreSQL cannot hold", (BadFile) dir -> {
                    ExportFixtures.csv(dir.resolve("z-huge-decimal.csv"), false, false, HEADER,
                            List.of(good("1"), good("2"), good("1e200000")));
                    return "z-huge-decimal.csv";
                }, List.of("row 3, column BilledCost", "the value has 200001 digits before the decimal point")),
                Arguments.of("decimal with too many fraction digits, after many rollup flushes", (BadFile) dir -> {
                    List<List<String>> rows = manyDistinctRows(300);
                    rows.set(249, List.of("1e-20000", "USD", MONTH.atDay(1) + "T00:00:00Z", MONTH.atDay(3) + "T00:00:00Z",
                            "Compute", "{}"));
                    ExportFixtures.csv(dir.resolve("z-tiny-decimal.csv"), false, false, HEADER, rows);
                    return "z-tiny-decimal.csv";
                }, List.of("row 250, column BilledCost", "20000 digits after the decimal point")),
                Arguments.of("a value the database refuses, after many rollup flushes", (BadFile) dir -> {
                    // jsonb cannot hold the character NUL: PostgreSQL refuses the row inside COPY, not the normaliser.
                    List<List<String>> rows = manyDistinctRows(300);
                    rows.set(149, List.of("1", "USD", MONTH.atDay(1) + "T00:00:00Z", MONTH.atDay(3) + "T00:00:00Z",
                            "Compute", "{\"team\":\"a\\u0000b\"}"));
                    ExportFixtures.csv(dir.resolve("z-nul.csv"), false, false, HEADER, rows);
                    return "z-nul.csv";
                }, List.of("row 150, column Tags", "the database cannot store this value")),
                Arguments.of("Latin-1 text", (BadFile) dir -> {
                    List<String> latin = new ArrayList<>(good("2"));
                    latin.set(4, "Müller Storage");
                    Path utf8 = dir.resolve("latin1.tmp");
                    ExportFixtures.csv(utf8, false, false, HEADER, List.of(good("1"), latin));
                    // The same text written in Latin-1, as some tools export it: "ü" is the single byte 0xFC.
                    Files.write(dir.resolve("z-latin1.csv"),
                            Files.readString(utf8).getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
                    Files.delete(utf8);
                    return "z-latin1.csv";
                }, List.of("row 2, column ServiceName", "is not valid UTF-8")),
                Arguments.of("row group over the server's limit", (BadFile) dir -> {
                    // About 6 MB of text in one row group; the sync test server reads row groups of at most 4 MB.
                    List<Map<String, Object>> rows = new ArrayList<>();
                    java.time.Instant start = MONTH.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
                    java.util.Random random = new java.util.Random(3);
                    for (int i = 0; i < 6_000; i++) {
                        StringBuilder text = new StringBuilder();
                        for (int c = 0; c < 1000; c++) {
                            text.append((char) ('a' + random.nextInt(26)));
                        }
                        rows.add(Map.of("BilledCost", 0.5, "BillingCurrency", "USD", "BillingPeriodStart", start,
                                "ChargePeriodStart", start, "ResourceId", text.toString()));
                    }
                    ExportFixtures.parquet(dir.resolve("z-big-row-group.parquet"), ExportFixtures.AWS_SCHEMA, rows,
                            org.apache.parquet.hadoop.metadata.CompressionCodecName.UNCOMPRESSED);
                    return "z-big-row-group.parquet";
                }, List.of("row group 1 holds 6 MiB uncompressed", "at most 4 MiB", "STATEGRAPH_SYNC_MAX_ROW_GROUP_BYTES")),
                Arguments.of("year 10000", (BadFile) dir -> {
                    List<String> row = new ArrayList<>(good("1"));
                    row.set(3, "+10000-01-01T00:00:00Z");
                    ExportFixtures.csv(dir.resolve("z-year.csv"), false, false, HEADER, List.of(good("1"), row));
                    return "z-year.csv";
                }, List.of("row 2, column ChargePeriodStart", "outside the years 0001 to 9999")),
                Arguments.of("bad timestamp", (BadFile) dir -> {
                    List<String> row = new ArrayList<>(good("1"));
                    row.set(3, "yesterday");
                    ExportFixtures.csv(dir.resolve("z-time.csv"), false, false, HEADER, List.of(good("1"), good("2"), row));
                    return "z-time.csv";
                }, List.of("row 3, column ChargePeriodStart", "a value of 9 characters is not a date-time")),
                Arguments.of("invalid tag JSON", (BadFile) dir -> {
                    List<String> row = new ArrayList<>(good("1"));
                    row.set(5, "{\"team\": ");
                    ExportFixtures.csv(dir.resolve("z-tags.csv"), false, false, HEADER, List.of(row));
                    return "z-tags.csv";
                }, List.of("row 1, column Tags", "not valid JSON")),
                Arguments.of("empty file", (BadFile) dir -> {
                    Files.write(dir.resolve("z-empty.csv"), new byte[0]);
                    return "z-empty.csv";
                }, List.of("the file is empty")),
                Arguments.of("huge field", (BadFile) dir -> {
                    List<String> row = new ArrayList<>(good("1"));
                    row.set(4, "x".repeat(5 * 1024 * 1024));
                    ExportFixtures.csv(dir.resolve("z-huge.csv"), false, false, HEADER, List.of(good("1"), row));
                    return "z-huge.csv";
                }, List.of("row 2, column ServiceName: a field is longer than 4,194,304 characters, the most one CSV field may hold")));
    }

    /** Rows with many distinct (day, service, tag) keys, so the load writes its rollup sums many times on the way. */
    static List<List<String>> manyDistinctRows(int n) {
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            rows.add(List.of("0.5", "USD", MONTH.atDay(1) + "T00:00:00Z", MONTH.atDay(1 + i % 28) + "T00:00:00Z",
                    "Service " + (i % 11), "{\"team\":\"t" + (i % 13) + "\"}"));
        }
        return rows;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badFiles")
    void badInputFailsTheSyncAndKeepsTheEarlierRows(String name, BadFile bad, List<String> expected) throws Exception {
        Path dir = tempDir("bad-");
        ExportFixtures.csv(dir.resolve("a-good.csv"), false, false, HEADER, List.of(good("10.25"), good("0.75")));
        String tenant = newTenant();
        String source = addSource(tenant, "aws", "file://" + dir + "/");
        assertThat(syncAndWait(tenant, source).path("status").asString()).isEqualTo("ok");
        assertThat(sum(source, "billed_cost")).isEqualByComparingTo("11.00");

        String badName = bad.write(dir);
        // Forced, so the good file is read too (and first, by name), not kept as unchanged.
        JsonNode run = syncAndWait(tenant, source, Map.of("force", true));

        assertThat(run.path("status").asString()).isEqualTo("error");
        // the failed run says what it read: the good file whole, and the file it failed on
        assertThat(run.path("files").asInt()).isEqualTo(2);
        assertThat(run.path("bytes").asLong()).isGreaterThanOrEqualTo(Files.size(dir.resolve("a-good.csv")));
        String error = run.path("error").asString();
        assertThat(error).startsWith("file://" + dir.resolve(badName));
        for (String fragment : expected) {
            assertThat(error).contains(fragment);
        }
        JsonNode src = source(tenant, source);
        assertThat(src.path("last_status").asString()).isEqualTo("error");
        assertThat(src.path("last_error").asString()).isEqualTo(error);
        assertThat(src.path("last_row_count").asLong()).as("rows of the last good sync").isEqualTo(2);
        assertThat(rows(source)).isEqualTo(2);
        assertThat(sum(source, "billed_cost")).isEqualByComparingTo(new BigDecimal("11.00"));
    }

    @Test
    void aLinkLeadingOutOfTheFileSourceRootFailsTheSyncWithoutQuotingWhatItLeadsTo() throws Exception {
        Path dir = tempDir("links-");
        ExportFixtures.csv(dir.resolve("a-good.csv"), false, false, HEADER, List.of(good("10.25")));
        Files.createSymbolicLink(dir.resolve("passwd.csv"), Path.of("/etc/passwd"));
        String tenant = newTenant();
        String source = addSource(tenant, "aws", "file://" + dir + "/");
        JsonNode run = syncAndWait(tenant, source);
        assertThat(run.path("status").asString()).isEqualTo("error");
        assertThat(run.path("error").asString()).contains("passwd.csv").contains("leads outside").doesNotContain("root:");
        assertThat(run.toString()).doesNotContain("root:x");
        assertThat(rows(source)).as("nothing loaded").isZero();
    }

    @Test
    void noPermissionOnTheBucketFailsWithItsUri() {
        String tenant = newTenant();
        String source = addSource(tenant, "gcp", "gs://forbidden-bucket/focus/*.parquet");
        JsonNode run = syncAndWait(tenant, source);
        assertThat(run.path("status").asString()).isEqualTo("error");
        assertThat(run.path("error").asString()).startsWith("gs://forbidden-bucket/focus/").contains("access denied");
        assertThat(source(tenant, source).path("last_status").asString()).isEqualTo("error");
    }

    @Test
    void aMissingBucketFailsWithItsUriAndKeepsTheRows() {
        String tenant = newTenant();
        String source = addSource(tenant, "aws", "s3://no-such-billing-bucket/focus/");
        JsonNode run = syncAndWait(tenant, source);
        assertThat(run.path("status").asString()).isEqualTo("error");
        assertThat(run.path("error").asString()).contains("no-such-billing-bucket").contains("does not exist");
    }
}
