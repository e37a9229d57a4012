package com.stategraph.billing.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The masks read and write tag sets as text; what they write must be what a tree of the set writes (the
 * masked sets are dictionary values, compared with those of earlier loads), for every kind of value.
 */
class TagSetMasksTest {
    /** How the tag sets were masked as trees: numbers as written, as jsonb keeps them. */
    private static final ObjectMapper TREES = JsonMapper.builder()
            .enable(tools.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(tools.jackson.databind.cfg.JsonNodeFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(tools.jackson.databind.cfg.JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .build();
    /** How the normaliser writes a line's tags (KeyValueJson). */
    private static final ObjectMapper LINES = JsonMapper.builder().build();
    private static final LocalDate PERIOD = LocalDate.of(2026, 11, 1);

    @Test
    void maskedSetsAndTheirRestAreWhatTreesOfThemWrite() {
        TagSetMasks masks = new TagSetMasks(1);
        // two values of "id" in the period: past the bound of 1, so it is masked from then on
        masks.of(PERIOD, "{\"id\":\"first\"}", () -> { });
        masks.of(PERIOD, "{\"id\":\"second\"}", () -> { });
        assertThat(masks.unsummed().unsummed(PERIOD, "id")).isTrue();

        List<String> sets = new ArrayList<>(List.of(
                "{\"team\":\"a/b\",\"id\":\"arn:aws:ec2:us-east-1:1:instance/i-1\"}",
                "{\"id\":\"q\\\"uote\\\\back\",\"cost\":12.50,\"n\":-0,\"big\":123456789012345678901234567890}",
                "{\"id\":1.0E5,\"flag\":true,\"none\":null,\"off\":false}",
                "{\"id\":{\"nested\":[1,2.50,\"x\",null]},\"list\":[\"a\",{\"b\":1}]}",
                "{\"id\":null,\"team\":\"ops\"}",
                "{\"id\":\"é ü 中 😀\",\"k e y\":\"v\"}",
                "{\"team\":\"dup\",\"id\":\"one\",\"team\":\"again\"}"));
        Random random = new Random(30);
        for (int i = 0; i < 200; i++) {
            ObjectNode set = LINES.createObjectNode();
            int keys = 1 + random.nextInt(5);
            for (int k = 0; k < keys; k++) {
                set.put(randomText(random, 6), randomText(random, 20));
            }
            set.put("id", randomText(random, 30));
            sets.add(LINES.writeValueAsString(set));
        }
        assertThat(sets).hasSizeGreaterThan(200);
        int masked = 0;
        for (String json : sets) {
            TagSetMasks.Split split = masks.of(PERIOD, json, () -> { });
            JsonNode tree = TREES.readTree(json);
            // every key past the bound by now (not only "id": these sets give other keys two values too), its value not null
            List<String> unsummed = new ArrayList<>();
            tree.properties().forEach(e -> {
                if (!e.getValue().isNull() && masks.unsummed().unsummed(PERIOD, e.getKey())) {
                    unsummed.add(e.getKey());
                }
            });
            if (unsummed.isEmpty() || json.contains("\\u")) {
                assertThat(split.set()).as(json).isEqualTo(json);
                assertThat(split.rest()).as(json).isNull();
                continue;
            }
            masked++;
            ObjectNode maskedTree = (ObjectNode) tree.deepCopy();
            ObjectNode rest = TREES.createObjectNode();
            for (String key : unsummed) {
                maskedTree.put(key, TagSetMasks.MASK);
                rest.set(key, tree.get(key));
            }
            assertThat(split.set()).as(json).isEqualTo(TREES.writeValueAsString(maskedTree));
            assertThat(split.rest()).as(json).isEqualTo(TREES.writeValueAsString(rest));
            assertThat(masks.masked(PERIOD, json)).as(json).isEqualTo(split.set());
            List<String[]> entries = masks.entries(json);
            List<String> keys = new ArrayList<>();
            tree.properties().forEach(e -> keys.add(e.getKey()));
            assertThat(entries).extracting(kv -> kv[0]).as(json).containsExactlyElementsOf(keys);
            for (String[] kv : entries) {
                JsonNode v = tree.get(kv[0]);
                assertThat(kv[1]).as(json + " " + kv[0]).isEqualTo(v.isNull() ? null : v.isString() ? v.asString() : v.toString());
            }
        }
        assertThat(masked).as("sets masked, not kept whole").isGreaterThan(100);
    }

    @Test
    void aSetWithoutAnUnsummedKeyIsKeptWhole() {
        TagSetMasks masks = new TagSetMasks(10);
        String json = "{\"team\":\"ops\",\"cost\":1.50}";
        TagSetMasks.Split split = masks.of(PERIOD, json, () -> { });
        assertThat(split.set()).isEqualTo(json);
        assertThat(split.rest()).isNull();
        assertThat(masks.masked(PERIOD, json)).isNull();
    }

    /** Letters, digits, punctuation JSON escapes, slashes and characters beyond ASCII. */
    private static String randomText(Random random, int max) {
        String alphabet = "abcXYZ019 -_./:\"\\@éü中";
        StringBuilder out = new StringBuilder();
        int n = 1 + random.nextInt(max);
        for (int i = 0; i < n; i++) {
            out.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return out.toString();
    }
}
