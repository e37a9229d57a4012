package com.stategraph.billing.load;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The tag keys a load does not sum per value: those with more distinct values in a billing period
 * than a bound. Such a key names each resource (an instance, a pod, a function: an identifier, not
 * an allocation), and its per-value sums would be as many rows as the export's lines, in
 * {@code cost_daily_tags} and in every tag set of {@code cost_daily_tag_sets}. Past the bound the
 * key's values leave both rollups (its tag sets keep the key, its value masked); questions about
 * those values read the billing rows. Each key's values are counted by their hash, up to the bound,
 * and for at most {@link #TRACKED_KEYS} keys a period: a key past that stays summed.
 */
final class UnsummedTagKeys {
    private static final tools.jackson.databind.ObjectMapper JSON = tools.jackson.databind.json.JsonMapper.builder().build();
    static final int TRACKED_KEYS = 256;

    private final int bound;
    private final Map<LocalDate, Period> periods = new HashMap<>();
    private int cuts;

    private static final class Period {
        /** The distinct values' hashes of each key still summed. */
        final Map<String, Set<Integer>> values = new HashMap<>();
        /** Lines naming each key: the count of an unsummed key is what its record says of it. */
        final Map<String, long[]> lines = new HashMap<>();
        final Set<String> unsummed = new HashSet<>();
    }

    /** @param bound distinct values of a key in a period that are still summed per value */
    UnsummedTagKeys(int bound) {
        this.bound = bound;
    }

    /** Counts one line's tag of {@code period}; returns whether its key is not summed per value (from this line on, at least). */
    boolean see(LocalDate period, String key, String value) {
        Period p = periods.computeIfAbsent(period, x -> new Period());
        long[] lines = p.lines.get(key);
        if (lines == null) {
            if (p.lines.size() >= TRACKED_KEYS) {
                return false;
            }
            lines = new long[1];
            p.lines.put(key, lines);
        }
        lines[0]++;
        if (p.unsummed.contains(key)) {
            return true;
        }
        Set<Integer> seen = p.values.computeIfAbsent(key, k -> new HashSet<>());
        seen.add(value == null ? 0 : value.hashCode());
        if (seen.size() <= bound) {
            return false;
        }
        p.values.remove(key);
        p.unsummed.add(key);
        cuts++;
        return true;
    }

    /** How many keys went past the bound so far, in every period. */
    int cuts() {
        return cuts;
    }

    /** Whether {@code key} is not summed per value in {@code period}. */
    boolean unsummed(LocalDate period, String key) {
        Period p = periods.get(period);
        return p != null && p.unsummed.contains(key);
    }

    /** Whether any key of {@code period} is not summed per value. */
    boolean any(LocalDate period) {
        Period p = periods.get(period);
        return p != null && !p.unsummed.isEmpty();
    }

    /** The keys of {@code period} not summed per value, with the lines that name each; empty when there are none. */
    Map<String, Long> of(LocalDate period) {
        Map<String, Long> out = new TreeMap<>();
        Period p = periods.get(period);
        if (p != null) {
            p.unsummed.forEach(k -> out.put(k, p.lines.get(k)[0]));
        }
        return out;
    }

    /** {@link #of} as the JSON object {@code billing_loads.unsummed_tag_keys} keeps; null when there are none. */
    String json(LocalDate period) {
        Map<String, Long> keys = of(period);
        return keys.isEmpty() ? null : JSON.writeValueAsString(keys);
    }

    /** The periods with a key not summed per value. */
    Set<LocalDate> periods() {
        Set<LocalDate> out = new HashSet<>();
        periods.forEach((d, p) -> {
            if (!p.unsummed.isEmpty()) {
                out.add(d);
            }
        });
        return out;
    }
}
