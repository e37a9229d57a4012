package com.stategraph.billing.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Maps of text are written as text, not through a tree: the JSON must be what the tree of the map writes. */
class KeyValueJsonTest {
    @Test
    void aMapOfTextIsWrittenAsItsTreeWrites() {
        Random random = new Random(30);
        int written = 0;
        for (int i = 0; i < 500; i++) {
            Map<String, String> map = new LinkedHashMap<>();
            int keys = random.nextInt(6);
            for (int k = 0; k < keys; k++) {
                map.put(text(random, 8), random.nextInt(10) == 0 ? null : text(random, 30));
            }
            String expected = KeyValueJson.JSON.writeValueAsString(KeyValueJson.node(map));
            String json = KeyValueJson.ofStrings(map);
            if (map.keySet().stream().allMatch(k -> k.trim().equals(k))) {
                assertThat(json).as(map.toString()).isEqualTo(expected);
                written++;
            } else {
                assertThat(json).as("a key to trim goes through the tree").isNull();
            }
            assertThat(new KeyValueJson().normalise(map)).as(map.toString())
                    .isEqualTo(KeyValueJson.JSON.writeValueAsString(trimmedKeys(map)));
        }
        assertThat(written).as("maps written as text").isGreaterThan(250);
    }

    @Test
    void aMapWithOtherValuesGoesThroughTheTree() {
        Map<String, Object> map = new HashMap<>();
        map.put("cost", 12.5);
        map.put("team", "ops");
        assertThat(KeyValueJson.ofStrings(map)).isNull();
        assertThat(KeyValueJson.JSON.readTree(new KeyValueJson().normalise(map)).get("cost").decimalValue())
                .isEqualByComparingTo("12.5");
    }

    /** What the normaliser keeps of a map: its keys trimmed, the last value of two keys that trim alike in the first one's place. */
    private static Map<String, String> trimmedKeys(Map<String, String> map) {
        Map<String, String> out = new LinkedHashMap<>();
        map.forEach((k, v) -> out.put(k.trim(), v));
        return out;
    }

    /** Letters, spaces at either end, JSON escapes, slashes, controls and characters beyond ASCII. */
    private static String text(Random random, int max) {
        String alphabet = "ab XY09-_./:\"\\\t\n\u0001é中😀";
        StringBuilder out = new StringBuilder();
        int n = random.nextInt(max);
        for (int i = 0; i < n; i++) {
            out.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return out.toString();
    }
}
