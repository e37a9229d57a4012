package com.stategraph.billing.load;

import com.stategraph.billing.format.CanonicalRow;
import com.stategraph.billing.format.FocusColumn;
import com.stategraph.billing.load.DailyRollupKeys.DayKey;
import com.stategraph.billing.load.DailyRollupKeys.Parties;
import com.stategraph.billing.load.DailyRollupKeys.TagKey;
import com.stategraph.billing.load.DailyRollupKeys.TagSetKey;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Sums a sync's rows per day and dimension (and per day and tag) while they stream past, for the
 * {@code cost_daily}, {@code cost_monthly}, {@code cost_daily_tags} and {@code cost_daily_tag_sets}
 * rollups, and gives each row the key of its resource's month sums without the resource
 * ({@link ResourceSums} adds it once the resource has its id). Sums are exact ({@link ExactSum}).
 * Per row only the days and the tag sets are summed; the months and the single tags are summed from those
 * when the sums are written ({@link #prepare}). Memory is bounded by distinct keys, not rows: the
 * load flushes partial sums when there are many keys, or when their strings are long (a tag set of
 * its own per line) and they take a tenth of the heap. A tag key of more values in a
 * period than are summed is masked in the tag sets and left out of the single tags ({@link TagSetMasks}).
 */
final class DailyRollup {
    /**
     * What a held key costs the heap besides its strings, about: the map's node and its slot, the key
     * record and its dates, the running sums (five objects).
     */
    static final int KEY_BYTES = 320;
    /** What a held string costs besides its characters: the String, its array, its entry among the held strings. */
    static final int STRING_BYTES = 96;

    private final HeldKeys<DayKey> days = new HeldKeys<>(DayKey::held);
    private final HeldKeys<TagSetKey> tagSets = new HeldKeys<>(TagSetKey::held);
    private final List<HeldKeys<?>> held = List.of(days, tagSets);
    private final ResourceDimensions resourceDimensions = new ResourceDimensions();
    /** Summed from the days and the tag sets at a flush that writes those. */
    private final Map<DayKey, RollupSums> months = new HashMap<>();
    private final Map<TagKey, RollupSums> tags = new HashMap<>();
    private final SingleDimensionSums dimensions = new SingleDimensionSums();
    private final TagSetMasks tagMasks;
    /** One instance of each string the held keys name, so a value on many keys (or rows) is held, and counted, once. */
    private final Map<String, String> heldStrings = new HashMap<>();
    private final Map<Parties, Parties> heldParties = new HashMap<>();
    private final ExactSum.Addend[] costs = addends();
    private final String fallbackProvider;
    private final int flushAtKeys;
    private final long flushAtBytes;
    /** What the strings held so far cost the heap, about: each key's map is counted what the key added. */
    private long stringBytes;
    private Parties lastParties;

    /**
     * @param fallbackProvider the provider name for rows that name none (the configured source's)
     * @param flushAtKeys distinct keys held before the load writes the sums so far
     */
    DailyRollup(String fallbackProvider, int flushAtKeys, int summedTagValues) {
        this(fallbackProvider, flushAtKeys, Runtime.getRuntime().maxMemory() / 10, summedTagValues);
    }

    /**
     * @param flushAtBytes heap the held keys and sums may take, about, before the load writes them (the tags derived from them take some more)
     * @param summedTagValues distinct values of a tag key in a billing period that are summed per value ({@link UnsummedTagKeys})
     */
    DailyRollup(String fallbackProvider, int flushAtKeys, long flushAtBytes, int summedTagValues) {
        this.fallbackProvider = fallbackProvider;
        this.flushAtKeys = flushAtKeys;
        this.flushAtBytes = flushAtBytes;
        this.tagMasks = new TagSetMasks(summedTagValues);
    }

    /**
     * The sums of {@code key}, a new entry the first time: the key is then stored with the held
     * instance of each of its strings, and what the entry costs the heap is counted to its map.
     */
    private <K> RollupSums sums(HeldKeys<K> keys, K key) {
        RollupSums s = keys.sums.get(key);
        if (s == null) {
            s = new RollupSums();
            keys.put(key, s, this);
        }
        return s;
    }

    /** The instance of {@code value} the held keys share; a value not held yet is counted. */
    String hold(String value) {
        if (value == null) {
            return null;
        }
        String held = heldStrings.putIfAbsent(value, value);
        if (held != null) {
            return held;
        }
        stringBytes += STRING_BYTES + 2L * value.length();
        return value;
    }

    /** What the strings held so far cost, about. */
    long stringBytes() {
        return stringBytes;
    }

    /** The row's tags as the load keeps them ({@link TagSetMasks}): call once per row, then {@link #add(CanonicalRow, String)}. */
    TagSetMasks.Split splitTags(CanonicalRow row) {
        LocalDate period = row.billingPeriod();
        return tagMasks.of(period, row.get(FocusColumn.TAGS), () -> maskHeld(period));
    }

    /** Adds the row with its tags as given, or masked as {@link #splitTags} says. */
    void add(CanonicalRow row) {
        add(row, splitTags(row).set());
    }

    /**
     * @param tagSet the row's tag set as {@link #splitTags} gave it
     * @return the key of the row's resource's month sums, its resource's bits left 0 ({@link ResourceDimensions#key});
     *     its costs are {@link #costs()} until the next row
     */
    long add(CanonicalRow row, String tagSet) {
        costs[0].set(row, FocusColumn.BILLED_COST);
        costs[1].set(row, FocusColumn.EFFECTIVE_COST);
        costs[2].set(row, FocusColumn.LIST_COST);
        costs[3].set(row, FocusColumn.CONTRACTED_COST);
        LocalDate day = row.chargeDay();
        String service = row.get(FocusColumn.SERVICE_NAME);
        String currency = row.get(FocusColumn.BILLING_CURRENCY);
        Parties parties = parties(row);
        DayKey key = new DayKey(row.billingPeriod(), day, parties, service, row.get(FocusColumn.SERVICE_CATEGORY),
                row.get(FocusColumn.BILLING_ACCOUNT_ID), row.get(FocusColumn.SUB_ACCOUNT_ID), row.get(FocusColumn.REGION_ID),
                row.get(FocusColumn.CHARGE_CATEGORY), currency);
        sums(days, key).add(costs);
        String resource = row.get(FocusColumn.RESOURCE_ID);
        if (resource != null && resource.isEmpty()) {
            resource = null; // the rollup keeps a resource by its dictionary id, and an empty ResourceId names none
        }
        // a line without a resource is told apart by its charge category (tax, credit, ...); a resource's lines are not split
        String noResourceCategory = resource == null ? key.chargeCategory() : null;
        sums(tagSets, new TagSetKey(row.billingPeriod(), day, parties, service, currency, tagSet)).add(costs);
        return resourceDimensions.key(key.period(), day.withDayOfMonth(1), parties, service, key.subAccount(), key.region(),
                row.get(FocusColumn.RESOURCE_TYPE), noResourceCategory, currency);
    }

    /** The costs of the row {@link #add} took last: billed, effective, list, contracted. */
    ExactSum.Addend[] costs() {
        return costs;
    }

    /** The combinations of dimensions and months the keys {@link #add} gave name. */
    ResourceDimensions resourceDimensions() {
        return resourceDimensions;
    }

    /** A key of {@code period} just went past its bound: the sets held so far mask it too (those already flushed stay as they are). */
    private void maskHeld(LocalDate period) {
        List<Map.Entry<TagSetKey, RollupSums>> moved = new ArrayList<>();
        for (java.util.Iterator<Map.Entry<TagSetKey, RollupSums>> it = tagSets.sums.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<TagSetKey, RollupSums> e = it.next();
            TagSetKey k = e.getKey();
            String masked = k.period().equals(period) && k.tags() != null ? tagMasks.masked(period, k.tags()) : null;
            if (masked != null) {
                it.remove();
                tagSets.bytes -= KEY_BYTES;
                moved.add(Map.entry(new TagSetKey(k.period(), k.day(), k.parties(), k.service(), k.currency(), masked), e.getValue()));
            }
        }
        for (Map.Entry<TagSetKey, RollupSums> e : moved) {
            sums(tagSets, e.getKey()).add(e.getValue());
        }
    }

    /** The keys a load does not sum per value, per period, and the masked tag sets it stores in the dictionary. */
    TagSetMasks tagMasks() {
        return tagMasks;
    }

    /**
     * Chooses what a flush writes, and sums the months and the single tags from it: per row, two
     * map lookups fewer and one per tag. Call before the writes of a flush. The last flush writes
     * everything; one while reading writes each map that holds an eighth of the keys or of their
     * heap, at least: at a tag set per line that one, while the days (a few
     * thousand keys a month) go on summing instead of being staged again at every flush.
     */
    void prepare(boolean last) {
        long bytes = heldBytes();
        long keys = heldKeys();
        held.forEach(h -> h.due = last || h.bytes * 8 >= bytes || h.sums.size() * 8L >= keys);
        heldStrings.clear();
        heldParties.clear();
        lastParties = null;
        stringBytes = 0;
        for (HeldKeys<?> h : held) {
            if (h.due) {
                h.bytes = 0; // written, and forgotten, right after
            } else {
                h.holdAgain(this);
            }
        }
        if (days.due) {
            for (Map.Entry<DayKey, RollupSums> e : days.sums.entrySet()) {
                DayKey d = e.getKey();
                months.computeIfAbsent(new DayKey(d.period(), d.day().withDayOfMonth(1), d.parties(), d.service(), d.category(),
                        d.account(), d.subAccount(), d.region(), d.chargeCategory(), d.currency()), k -> new RollupSums())
                        .add(e.getValue());
                Parties p = d.parties();
                dimensions.add(d.period(), d.day(), d.currency(), new String[] {p.provider(), p.host(), p.publisher(), p.issuer(),
                        d.service(), d.category(), d.account(), d.subAccount(), d.region(), d.chargeCategory()}, e.getValue());
            }
        }
        if (tagSets.due) {
            for (Map.Entry<TagSetKey, RollupSums> e : tagSets.sums.entrySet()) {
                TagSetKey t = e.getKey();
                for (String[] kv : tagMasks.entries(t.tags())) {
                    if (tagMasks.unsummed().unsummed(t.period(), kv[0])) {
                        continue; // its values are masked in the set; RollupWriter drops what was staged before
                    }
                    tags.computeIfAbsent(new TagKey(t.period(), t.day(), t.parties(), t.service(), t.currency(), kv[0], kv[1]),
                            k -> new RollupSums()).add(e.getValue());
                }
            }
        }
    }

    /** FOCUS 1.3+ names the service provider; earlier versions the provider; 1.4 drops ProviderName. */
    private Parties parties(CanonicalRow row) {
        String provider = row.get(FocusColumn.SERVICE_PROVIDER_NAME);
        if (provider == null || provider.isEmpty()) {
            provider = row.get(FocusColumn.PROVIDER_NAME);
        }
        if (provider == null || provider.isEmpty()) {
            provider = fallbackProvider;
        }
        Parties p = new Parties(provider, row.get(FocusColumn.HOST_PROVIDER_NAME), row.get(FocusColumn.PUBLISHER_NAME),
                row.get(FocusColumn.INVOICE_ISSUER_NAME));
        // Consecutive rows almost always share their parties: keep one instance for the map keys.
        if (p.equals(lastParties)) {
            return lastParties;
        }
        Parties held = heldParties.get(p);
        if (held == null) {
            held = p.held(this::hold);
            heldParties.put(held, held);
        }
        lastParties = held;
        return held;
    }

    private long heldKeys() {
        return days.sums.size() + tagSets.sums.size();
    }

    /** What the held keys and their strings cost the heap, about. */
    long heldBytes() {
        return days.bytes + tagSets.bytes;
    }

    boolean full() {
        return heldKeys() >= flushAtKeys || heldBytes() >= flushAtBytes;
    }

    /** Writes the daily sums as COPY text rows of {@code cost_daily}, then forgets them. */
    void writeDays(CopyTextWriter out, String tenant, String source) throws IOException {
        if (days.due) {
            writeDimensions(days.sums, out, tenant, source);
        }
    }

    /** Writes the monthly sums as COPY text rows of {@code cost_monthly}, then forgets them. */
    void writeMonths(CopyTextWriter out, String tenant, String source) throws IOException {
        writeDimensions(months, out, tenant, source);
    }

    private static void writeDimensions(Map<DayKey, RollupSums> sums, CopyTextWriter out, String tenant, String source)
            throws IOException {
        write(sums, out, k -> fields(tenant, source, k.period(), k.day(), k.parties(), k.service(), k.category(), k.account(),
                k.subAccount(), k.region(), k.chargeCategory(), k.currency()));
    }

    /** Writes the daily sums per single dimension as COPY text rows of {@code cost_daily_dimensions}, then forgets them. */
    void writeDayDimensions(CopyTextWriter out, String tenant, String source) throws IOException {
        dimensions.writeDays(out, tenant, source);
    }

    /** Writes the monthly sums per single dimension as COPY text rows of {@code cost_monthly_dimensions}, then forgets them. */
    void writeMonthDimensions(CopyTextWriter out, String tenant, String source) throws IOException {
        dimensions.writeMonths(out, tenant, source);
    }

    /** Writes the per-tag sums as COPY text rows of {@code cost_daily_tags}, then forgets them. */
    void writeTags(CopyTextWriter out, String tenant, String source) throws IOException {
        write(tags, out, k -> fields(tenant, source, k.period(), k.day(), k.parties(), k.service(), k.currency(), k.key(),
                k.value()));
    }

    /**
     * Writes the per-tag-set sums as COPY text rows of {@code cost_daily_tag_sets}' stage, each tag set
     * as its dictionary digest, then forgets them.
     */
    void writeTagSets(CopyTextWriter out, String tenant, String source) throws IOException {
        if (!tagSets.due) {
            return;
        }
        java.security.MessageDigest sha = StringDictionary.sha256();
        write(tagSets.sums, out, k -> fields(tenant, source, k.period(), k.day(), k.parties(), k.service(), k.currency(),
                digest(sha, k.tags())));
    }

    private static String digest(java.security.MessageDigest sha, String value) {
        return value == null ? null : StringDictionary.digest(sha, value).toString();
    }

    /** Each key's fields, then its sums, as one COPY row; then the sums are forgotten. */
    private static <K> void write(Map<K, RollupSums> sums, CopyTextWriter out, java.util.function.Function<K, String[]> fields)
            throws IOException {
        for (Map.Entry<K, RollupSums> e : sums.entrySet()) {
            for (String f : fields.apply(e.getKey())) {
                out.field(f);
            }
            e.getValue().writeTo(out);
        }
        sums.clear();
    }

    /** The columns every rollup starts with (tenant, source, billing period, day or month, the four parties), then {@code rest}. */
    private static String[] fields(String tenant, String source, LocalDate period, LocalDate day, Parties p, String... rest) {
        String[] out = new String[8 + rest.length];
        out[0] = tenant;
        out[1] = source;
        out[2] = period.toString();
        out[3] = day.toString();
        out[4] = p.provider();
        out[5] = p.host();
        out[6] = p.publisher();
        out[7] = p.issuer();
        System.arraycopy(rest, 0, out, 8, rest.length);
        return out;
    }

    private static ExactSum.Addend[] addends() {
        return new ExactSum.Addend[] {new ExactSum.Addend(), new ExactSum.Addend(), new ExactSum.Addend(), new ExactSum.Addend()};
    }
}
