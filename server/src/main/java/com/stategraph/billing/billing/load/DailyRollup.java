package com.stategraph.billing.billing.load;

import com.stategraph.billing.billing.format.CanonicalRow;
import com.stategraph.billing.billing.format.FocusColumn;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sums a sync's rows per day and dimension (and per day and tag) while they stream past, for the
 * {@code cost_daily} and {@code cost_daily_tags} rollups. Sums are exact (BigDecimal). Memory is
 * bounded by distinct keys, not rows: the load flushes partial sums when there are many keys.
 */
final class DailyRollup {
    static final int FLUSH_AT_KEYS = 200_000;
    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final int TAG_CACHE_LIMIT = 4096;

    private record DayKey(LocalDate period, String day, String service, String category, String account,
                          String subAccount, String region, String chargeCategory, String currency) {
    }

    private record TagKey(LocalDate period, String day, String service, String currency, String key, String value) {
    }

    /** Running sums of the four cost metrics and the row count. */
    private static final class Sums {
        BigDecimal billed = BigDecimal.ZERO;
        BigDecimal effective = BigDecimal.ZERO;
        BigDecimal list = BigDecimal.ZERO;
        BigDecimal contracted = BigDecimal.ZERO;
        long rows;

        void add(BigDecimal[] costs) {
            billed = billed.add(costs[0]);
            effective = effective.add(costs[1]);
            list = list.add(costs[2]);
            contracted = contracted.add(costs[3]);
            rows++;
        }
    }

    private final Map<DayKey, Sums> days = new HashMap<>();
    private final Map<DayKey, Sums> months = new HashMap<>();
    private final Map<TagKey, Sums> tags = new HashMap<>();
    private final Map<String, List<String[]>> parsedTags = new HashMap<>();
    private final BigDecimal[] costs = new BigDecimal[4];

    void add(CanonicalRow row) {
        costs[0] = decimal(row.get(FocusColumn.BILLED_COST));
        costs[1] = decimal(row.get(FocusColumn.EFFECTIVE_COST));
        costs[2] = decimal(row.get(FocusColumn.LIST_COST));
        costs[3] = decimal(row.get(FocusColumn.CONTRACTED_COST));
        String day = row.get(FocusColumn.CHARGE_PERIOD_START).substring(0, 10);
        String service = row.get(FocusColumn.SERVICE_NAME);
        String currency = row.get(FocusColumn.BILLING_CURRENCY);
        DayKey key = new DayKey(row.billingPeriod(), day, service, row.get(FocusColumn.SERVICE_CATEGORY),
                row.get(FocusColumn.BILLING_ACCOUNT_ID), row.get(FocusColumn.SUB_ACCOUNT_ID), row.get(FocusColumn.REGION_ID),
                row.get(FocusColumn.CHARGE_CATEGORY), currency);
        days.computeIfAbsent(key, k -> new Sums()).add(costs);
        // The same dimensions per month: "2026-10-17" becomes "2026-10-01".
        months.computeIfAbsent(new DayKey(key.period(), day.substring(0, 8) + "01", service, key.category(), key.account(),
                key.subAccount(), key.region(), key.chargeCategory(), currency), k -> new Sums()).add(costs);
        String tagJson = row.get(FocusColumn.TAGS);
        if (tagJson != null) {
            for (String[] kv : tagsOf(tagJson)) {
                tags.computeIfAbsent(new TagKey(row.billingPeriod(), day, service, currency, kv[0], kv[1]), k -> new Sums())
                        .add(costs);
            }
        }
    }

    boolean full() {
        return days.size() + months.size() + tags.size() >= FLUSH_AT_KEYS;
    }

    /** Writes the daily sums as COPY text rows of {@code cost_daily}, then forgets them. */
    void writeDays(CopyTextWriter out, String tenant, String source, String provider) throws IOException {
        write(days, out, tenant, source, provider);
    }

    /** Writes the monthly sums as COPY text rows of {@code cost_monthly}, then forgets them. */
    void writeMonths(CopyTextWriter out, String tenant, String source, String provider) throws IOException {
        write(months, out, tenant, source, provider);
    }

    private static void write(Map<DayKey, Sums> sums, CopyTextWriter out, String tenant, String source, String provider)
            throws IOException {
        for (Map.Entry<DayKey, Sums> e : sums.entrySet()) {
            DayKey k = e.getKey();
            for (String f : new String[] {tenant, source, k.period().toString(), k.day(), provider, k.service(), k.category(),
                    k.account(), k.subAccount(), k.region(), k.chargeCategory(), k.currency()}) {
                out.field(f);
            }
            sums(out, e.getValue());
        }
        sums.clear();
    }

    /** Writes the per-tag sums as COPY text rows of {@code cost_daily_tags}, then forgets them. */
    void writeTags(CopyTextWriter out, String tenant, String source, String provider) throws IOException {
        for (Map.Entry<TagKey, Sums> e : tags.entrySet()) {
            TagKey k = e.getKey();
            for (String f : new String[] {tenant, source, k.period().toString(), k.day(), provider, k.service(), k.currency(),
                    k.key(), k.value()}) {
                out.field(f);
            }
            sums(out, e.getValue());
        }
        tags.clear();
    }

    private static void sums(CopyTextWriter out, Sums s) throws IOException {
        out.field(s.billed.toPlainString());
        out.field(s.effective.toPlainString());
        out.field(s.list.toPlainString());
        out.field(s.contracted.toPlainString());
        out.field(Long.toString(s.rows));
        out.endRow();
    }

    private List<String[]> tagsOf(String json) {
        List<String[]> cached = parsedTags.get(json);
        if (cached != null) {
            return cached;
        }
        List<String[]> entries = new ArrayList<>();
        JSON.readTree(json).properties().forEach(e -> entries.add(new String[] {e.getKey(), text(e.getValue())}));
        if (parsedTags.size() >= TAG_CACHE_LIMIT) {
            parsedTags.clear();
        }
        parsedTags.put(json, entries);
        return entries;
    }

    private static String text(JsonNode v) {
        return v == null || v.isNull() ? null : v.isString() ? v.asString() : v.toString();
    }

    private static BigDecimal decimal(String text) {
        return text == null ? BigDecimal.ZERO : new BigDecimal(text);
    }
}
