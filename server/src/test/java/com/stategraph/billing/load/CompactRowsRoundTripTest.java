package com.stategraph.billing.load;

import static org.assertj.core.api.Assertions.assertThat;

import com.stategraph.billing.format.ColumnKind;
import com.stategraph.billing.format.FocusColumn;
import com.stategraph.billing.support.ExportFixtures;
import com.stategraph.billing.support.SyncServerTest;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Nothing of an export is lost in the compact store: a file with every FOCUS column, columns
 * outside FOCUS and tags, rows of two billing periods alternating and more rows than one chunk
 * holds, is synced and every value read back through {@code billing_rows} is compared with the
 * file's: text exactly (long, Unicode, COPY-special characters), decimals to their written digits,
 * timestamps to the instant, JSON as a tree.
 */
class CompactRowsRoundTripTest extends SyncServerTest {
    private static final YearMonth LAST_MONTH = YearMonth.now(ZoneOffset.UTC).minusMonths(1);
    private static final YearMonth THIS_MONTH = YearMonth.now(ZoneOffset.UTC);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> OUTSIDE = List.of("x_Row", "x_Operation", "x_UsageType");
    /** More than one chunk per period, and a last chunk that is not full. */
    private static final int ROWS = RowChunk.ROWS * 2 + 1234;

    private static final String[] AWKWARD = {"plain", "tab\there", "new\nline", "back\\slash", "quote\"d, {braced}",
            "NULL", "Ünïcödé 東京 🚀", "x".repeat(5000), "carriage\rreturn", "  spaced  "};

    @Test
    void everyValueOfEveryColumnComesBackAsTheFileHadIt() throws Exception {
        List<String> header = new ArrayList<>();
        for (FocusColumn c : FocusColumn.values()) {
            header.add(c.focusName());
        }
        header.addAll(OUTSIDE);
        Random random = new Random(20261201);
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < ROWS; i++) {
            rows.add(row(i, random));
        }
        Path root = tempDir("roundtrip-");
        ExportFixtures.csv(root.resolve("focus/part-0.csv"), false, false, header, rows);
        String tenant = newTenant();
        String source = addSource(tenant, "aws", "file://" + root + "/focus/");

        JsonNode run = syncAndWait(tenant, source);
        assertThat(run.path("status").asString()).as(run.toString()).isEqualTo("ok");
        assertThat(run.path("rows").asLong()).isEqualTo(ROWS);
        assertThat(jdbc.sql("SELECT count(*) FROM billing_chunks WHERE source_id = ?::uuid").param(source)
                .query(Long.class).single()).as("rows are stored in chunks").isGreaterThanOrEqualTo(4).isLessThan(ROWS / 100);

        List<Map<String, Object>> stored = jdbc.sql("SELECT * FROM billing_rows WHERE source_id = ?::uuid")
                .param(source).query().listOfRows();
        assertThat(stored).hasSize(ROWS);
        Map<Integer, Map<String, Object>> byRow = new HashMap<>();
        for (Map<String, Object> r : stored) {
            int n = JSON.readTree(r.get("extra").toString()).path("x_Row").asInt();
            assertThat(byRow.put(n, r)).as("row %d read back once", n).isNull();
        }
        for (int i = 0; i < ROWS; i++) {
            Map<String, Object> back = byRow.get(i);
            assertThat(back).as("row %d", i).isNotNull();
            List<String> written = rows.get(i);
            FocusColumn[] columns = FocusColumn.values();
            for (int c = 0; c < columns.length; c++) {
                assertSame(i, columns[c], written.get(c), back.get(columns[c].dbName()));
            }
            JsonNode extra = JSON.readTree(back.get("extra").toString());
            for (int x = 0; x < OUTSIDE.size(); x++) {
                assertThat(extra.path(OUTSIDE.get(x)).asString()).as("row %d, %s", i, OUTSIDE.get(x))
                        .isEqualTo(written.get(columns.length + x));
            }
            assertThat(back.get("billing_period").toString()).as("row %d billing period", i)
                    .isEqualTo(written.get(FocusColumn.BILLING_PERIOD_START.ordinal()).substring(0, 10));
        }
    }

    private static void assertSame(int row, FocusColumn column, String written, Object stored) throws Exception {
        String what = "row " + row + ", " + column.focusName();
        if (written.isEmpty()) {
            assertThat(stored).as(what).isNull();
            return;
        }
        assertThat(stored).as(what).isNotNull();
        switch (column.kind()) {
            case DECIMAL -> assertThat(((BigDecimal) stored).toPlainString()).as(what).isEqualTo(written);
            case TIMESTAMP -> assertThat(instant(stored)).as(what).isEqualTo(Instant.parse(written));
            case JSON -> assertThat(JSON.readTree(stored.toString())).as(what).isEqualTo(JSON.readTree(written));
            default -> assertThat(stored).as(what).isEqualTo(written);
        }
    }

    private static Instant instant(Object stored) {
        if (stored instanceof java.sql.Timestamp t) {
            return t.toInstant();
        }
        return ((OffsetDateTime) stored).toInstant();
    }

    /** Row {@code i}: values that repeat (as exports' do) and values unique to it, a few columns left empty. */
    private static List<String> row(int i, Random random) {
        YearMonth month = i % 2 == 0 ? LAST_MONTH : THIS_MONTH;
        List<String> row = new ArrayList<>();
        for (FocusColumn c : FocusColumn.values()) {
            row.add(value(c, i, month, random));
        }
        row.add(Integer.toString(i));
        row.add(i % 7 == 0 ? "RunInstances:" + AWKWARD[i % AWKWARD.length] : "RunInstances");
        row.add("BoxUsage:m5." + (i % 5) + "xlarge");
        return row;
    }

    private static String value(FocusColumn c, int i, YearMonth month, Random random) {
        if (c.kind() == ColumnKind.DECIMAL) {
            // Written digits, trailing zeros included, must come back as written.
            return i % 11 == 3 && c != FocusColumn.BILLED_COST ? ""
                    : BigDecimal.valueOf(random.nextInt(2_000_000) - 100_000, random.nextInt(12)).toPlainString();
        }
        switch (c) {
            case BILLING_CURRENCY:
                return i % 3 == 0 ? "EUR" : "USD";
            case PRICING_CURRENCY:
                return "USD";
            case BILLING_PERIOD_START:
                return month.atDay(1) + "T00:00:00Z";
            case BILLING_PERIOD_END:
                return month.plusMonths(1).atDay(1) + "T00:00:00Z";
            case CHARGE_PERIOD_START:
                return month.atDay(1 + i % 28) + "T" + String.format("%02d", i % 24) + ":00:00Z";
            case CHARGE_PERIOD_END:
                return i % 13 == 0 ? "" : month.atDay(1 + i % 28) + "T" + String.format("%02d", i % 24) + ":59:59.5Z";
            case CHARGE_CATEGORY:
                return List.of("Usage", "Purchase", "Tax", "Credit", "Adjustment").get(i % 5);
            case CHARGE_CLASS:
                return i % 17 == 0 ? "Correction" : "";
            case CHARGE_FREQUENCY:
                return List.of("Usage-Based", "Recurring", "One-Time").get(i % 3);
            case COMMITMENT_DISCOUNT_STATUS:
                return i % 4 == 0 ? "Unused" : "Used";
            case COMMITMENT_DISCOUNT_CATEGORY:
                return i % 2 == 0 ? "Spend" : "Usage";
            case PRICING_CATEGORY:
                return List.of("Standard", "Dynamic", "Committed", "Other").get(i % 4);
            case PROVIDER_NAME, SERVICE_PROVIDER_NAME, HOST_PROVIDER_NAME:
                return "AWS";
            case TAGS:
                return i % 9 == 0 ? "" : "{\"team\":\"t" + i % 4 + "\",\"note\":\"" + jsonEscape(AWKWARD[i % AWKWARD.length]) + "\",\"row\":\"" + i + "\"}";
            case SKU_PRICE_DETAILS:
                return "{\"CoreCount\":" + (i % 8) + ",\"Tier\":\"t" + i % 3 + "\"}";
            case CHARGE_DESCRIPTION:
                return AWKWARD[i % AWKWARD.length] + " " + (i % 50);
            case RESOURCE_ID:
                return "arn:aws:ec2:us-east-1:111122223333:instance/i-" + Integer.toHexString(1_000_000 + i / 3);
            case AVAILABILITY_ZONE:
                return i % 6 == 0 ? "" : "us-east-1" + (char) ('a' + i % 3);
            default:
                return c.focusName().toLowerCase() + "-" + (i % 37);
        }
    }

    private static String jsonEscape(String s) {
        StringBuilder out = new StringBuilder();
        for (char ch : s.toCharArray()) {
            switch (ch) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> out.append(ch);
            }
        }
        return out.toString();
    }
}
