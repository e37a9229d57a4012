package com.stategraph.billing.load;

import java.util.HashMap;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.UnaryOperator;

/**
 * One of {@link DailyRollup}'s maps of keys to running sums, with what it costs the heap, about:
 * each key's entry, and each string its keys were the first to hold. A flush writes the maps that
 * hold much and keeps the others summing.
 *
 * @param <K> the key, a record of strings and dates
 */
final class HeldKeys<K> {
    final Map<K, RollupSums> sums = new HashMap<>();
    /** The key with the held instance of each of its strings ({@link DailyRollup#hold}). */
    private final BiFunction<K, UnaryOperator<String>, K> withHeldStrings;
    long bytes;
    /** Whether the flush under way writes this map. */
    boolean due = true;

    HeldKeys(BiFunction<K, UnaryOperator<String>, K> withHeldStrings) {
        this.withHeldStrings = withHeldStrings;
    }

    /** A new key, stored with the held instances of its strings; counted with the strings it held first. */
    void put(K key, RollupSums s, DailyRollup rollup) {
        long before = rollup.stringBytes();
        sums.put(withHeldStrings.apply(key, rollup::hold), s);
        bytes += DailyRollup.KEY_BYTES + rollup.stringBytes() - before;
    }

    /** After the held strings were forgotten by a flush that does not write this map: its keys hold theirs again, and are counted again. */
    void holdAgain(DailyRollup rollup) {
        long before = rollup.stringBytes();
        for (K key : sums.keySet()) {
            withHeldStrings.apply(key, rollup::hold); // the key keeps its instances; they become the held ones
        }
        bytes = (long) sums.size() * DailyRollup.KEY_BYTES + rollup.stringBytes() - before;
    }
}
