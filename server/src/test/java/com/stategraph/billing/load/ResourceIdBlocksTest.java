package com.stategraph.billing.load;

import static org.assertj.core.api.Assertions.assertThat;

import com.stategraph.billing.db.Migrations;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * ResourceIds live in blocks of {@link ResourceIdBlocks#SIZE} (V51): each value gets the id whose
 * block and place hold it, a tenant's ids follow on from its last block, two syncs meeting the same
 * new values give them one id each, and a value whose 8-byte digest another value has still gets an
 * id of its own (the tenant's clash is recorded).
 */
class ResourceIdBlocksTest {
    private static final int SIZE = ResourceIdBlocks.SIZE;

    private static List<String> arns(String prefix, int from, int to) {
        List<String> out = new ArrayList<>();
        for (int i = from; i < to; i++) {
            out.add("arn:aws:ec2:eu-west-1:123456789012:instance/" + prefix + "-" + i);
        }
        return out;
    }

    private static Map<String, Integer> stored(JdbcClient db, UUID tenant) {
        Map<String, Integer> out = new HashMap<>();
        db.sql("SELECT value, id FROM billing_resource_values WHERE tenant_id = ?").param(tenant)
                .query(rs -> {
                    assertThat(out.put(rs.getString(1), rs.getInt(2))).as("a value once").isNull();
                });
        return out;
    }

    @FunctionalInterface
    private interface WithTenant {
        void run(DataSource ds, JdbcClient db, UUID tenant) throws Exception;
    }

    /** A new database at the latest migration, and a tenant in it. */
    private static void withTenant(WithTenant test) throws Exception {
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start()) {
            DataSource ds = pg.getPostgresDatabase();
            Migrations.upTo(ds, "latest");
            JdbcClient db = JdbcClient.create(ds);
            UUID tenant = UUID.randomUUID();
            db.sql("INSERT INTO tenants (id, name) VALUES (?, 'a')").param(tenant).update();
            test.run(ds, db, tenant);
        }
    }

    private static Map<String, Integer> resolve(StringDictionary dictionary, List<String> values) throws Exception {
        dictionary.ensure(StringDictionary.Kind.RESOURCE, values);
        Map<String, Integer> ids = new HashMap<>();
        for (String v : values) {
            ids.put(v, dictionary.cached(StringDictionary.Kind.RESOURCE, v));
        }
        return ids;
    }

    @Test
    void valuesGetTheIdsOfTheirPlacesAndATenantsIdsFollowOn() throws Exception {
        withTenant((ds, db, tenant) -> {
            UUID other = UUID.randomUUID();
            db.sql("INSERT INTO tenants (id, name) VALUES (?, 'b')").param(other).update();
            List<String> odd = List.of("", "Zürich ☃ 東京", "emoji \uD83D\uDE80", "x".repeat(5000));
            java.security.MessageDigest sha = StringDictionary.sha256();
            for (String v : odd) {
                long digest = ResourceIdBlocks.digest(sha, v);
                assertThat(digest).as("Java's digest is PostgreSQL's resource_digest")
                        .isEqualTo(db.sql("SELECT resource_digest(?)").param(v).query(Long.class).single())
                        .as("and the first 8 bytes of the dictionary digest, which a load stages its sums by")
                        .isEqualTo(StringDictionary.digest(sha, v).getMostSignificantBits());
            }

            int first = SIZE / 2 + 3;
            List<String> a = arns("i", 0, first);
            Map<String, Integer> ids = resolve(new StringDictionary(ds, tenant), a);
            for (int i = 0; i < a.size(); i++) {
                assertThat(ids.get(a.get(i))).as("a new tenant's ids start at 0, in the order given").isEqualTo(i);
            }
            // a later sync: some known, the rest new; the new ones fill the last block, then new blocks
            List<String> b = new ArrayList<>(a.subList(first - 5, first));
            b.addAll(arns("i", first, first + SIZE + 7));
            b.addAll(odd);
            Map<String, Integer> later = resolve(new StringDictionary(ds, tenant), b);
            for (int i = 0; i < 5; i++) {
                assertThat(later.get(b.get(i))).as("a known value keeps its id").isEqualTo(ids.get(b.get(i)));
            }
            for (int i = 5; i < b.size(); i++) {
                assertThat(later.get(b.get(i))).as("the new ones follow the last id").isEqualTo(first + i - 5);
            }
            Map<String, Integer> all = new HashMap<>(ids);
            all.putAll(later);
            assertThat(stored(db, tenant)).as("each id names its value's block and place").isEqualTo(all);
            int values = first + SIZE + 7 + odd.size();
            assertThat(db.sql("SELECT count(*) FROM billing_resource_ids WHERE tenant_id = ?").param(tenant).query(Long.class).single())
                    .as("full blocks but the last").isEqualTo((long) (values + SIZE - 1) / SIZE);

            Map<String, Integer> otherIds = resolve(new StringDictionary(ds, other), a.subList(3, 6));
            assertThat(otherIds.values()).as("another tenant numbers its own values from 0").containsExactlyInAnyOrder(0, 1, 2);
            assertThat(stored(db, other)).isEqualTo(otherIds);
            assertThat(stored(db, tenant)).as("the first tenant's values are as they were").isEqualTo(all);
        });
    }

    @Test
    void twoSyncsMeetingTheSameNewValuesGiveEachOneId() throws Exception {
        withTenant((ds, db, tenant) -> {
            ExecutorService pool = Executors.newFixedThreadPool(3);
            try {
                List<Future<Map<String, Integer>>> runs = new ArrayList<>();
                for (int s = 0; s < 3; s++) {
                    int shift = s;
                    Callable<Map<String, Integer>> sync = () -> {
                        StringDictionary dictionary = new StringDictionary(ds, tenant);
                        Map<String, Integer> seen = new HashMap<>();
                        for (int round = 0; round < 20; round++) {
                            // each sync meets the values in batches of its own, overlapping the others'
                            seen.putAll(resolve(dictionary, arns("v", round * 50 + shift * 17, round * 50 + shift * 17 + 60)));
                        }
                        return seen;
                    };
                    runs.add(pool.submit(sync));
                }
                List<Map<String, Integer>> seen = new ArrayList<>();
                for (Future<Map<String, Integer>> run : runs) {
                    seen.add(run.get());
                }
                Map<String, Integer> stored = stored(db, tenant);
                assertThat(stored).isNotEmpty();
                for (Map<String, Integer> one : seen) {
                    assertThat(one).isNotEmpty();
                    one.forEach((v, id) -> assertThat(id).as(v).isEqualTo(stored.get(v)));
                }
                assertThat(stored.values()).as("no id twice").doesNotHaveDuplicates();
                assertThat(stored.keySet()).as("every value once").containsAll(arns("v", 0, 19 * 50 + 60));
            } finally {
                pool.shutdownNow();
            }
        });
    }

    @Test
    void aValueWhoseDigestAnotherHasGetsAnIdOfItsOwnAndTheClashIsRecorded() throws Exception {
        withTenant((ds, db, tenant) -> {
            String value = "arn:aws:lambda:us-east-1:123456789012:function:billing";
            // No two values with equal 8-byte digests are known: this block says another value has this one's.
            db.sql("INSERT INTO billing_resource_ids (tenant_id, block, digests, vals) VALUES (?, 0, ARRAY[resource_digest(?)],"
                    + " ARRAY['another value'])").params(tenant, value).update();
            Map<String, Integer> ids = resolve(new StringDictionary(ds, tenant), List.of(value));
            assertThat(ids.get(value)).as("not the other value's id").isEqualTo(1);
            assertThat(stored(db, tenant)).containsEntry("another value", 0).containsEntry(value, 1);
            assertThat(db.sql("SELECT digest FROM billing_resource_id_clashes WHERE tenant_id = ?").param(tenant).query(Long.class).list())
                    .containsExactly(db.sql("SELECT resource_digest(?)").param(value).query(Long.class).single());
            assertThat(resolve(new StringDictionary(ds, tenant), List.of(value)).get(value)).as("found again by value").isEqualTo(1);
        });
    }

    @Test
    void aTenantsFirstLoadLooksUpOnlyValuesItMayHaveStoredUntilAnotherLoadWrites() throws Exception {
        withTenant((ds, db, tenant) -> {
            // Remembering no value, so the filter decides what is looked up.
            ResourceIdBlocks first = new ResourceIdBlocks(tenant, 0);
            Map<String, Integer> ids = new HashMap<>();
            try (var c = ds.getConnection()) {
                ids.putAll(first.resolve(c, arns("a", 0, 100)));
                assertThat(first.lookedUp()).as("the tenant had no values: none looked up").isZero();

                // Half stored by this load, half new.
                List<String> mixed = arns("a", 50, 150);
                Map<String, Integer> again = first.resolve(c, mixed);
                assertThat(first.lookedUp()).as("the 50 it stored, and at most a few the filter cannot rule out")
                        .isBetween(50L, 55L);
                for (String v : arns("a", 50, 100)) {
                    assertThat(again.get(v)).as(v).isEqualTo(ids.get(v));
                }
                ids.putAll(again);

                ResourceIdBlocks other = new ResourceIdBlocks(tenant);
                try (var c2 = ds.getConnection()) {
                    other.resolve(c2, arns("b", 0, 10));
                }
                long before = first.lookedUp();
                List<String> afterOther = List.of(arns("b", 0, 10).get(3), arns("a", 200, 201).get(0));
                Map<String, Integer> third = first.resolve(c, afterOther);
                assertThat(first.lookedUp() - before).as("another load wrote: every value is looked up").isEqualTo(2);
                ids.putAll(third);
            }
            Map<String, Integer> stored = stored(db, tenant);
            assertThat(stored).hasSize(150 + 10 + 1);
            ids.forEach((v, id) -> assertThat(stored.get(v)).as(v).isEqualTo(id));
            assertThat(stored.values()).doesNotHaveDuplicates();
        });
    }

    @Test
    void aFirstLoadTellsNewValuesByWhatItRemembersThenByItsFilterPastItsLimit() throws Exception {
        withTenant((ds, db, tenant) -> {
            int limit = 60;
            ResourceIdBlocks first = new ResourceIdBlocks(tenant, limit);
            Map<String, Integer> ids = new HashMap<>();
            try (var c = ds.getConnection()) {
                ids.putAll(first.resolve(c, arns("a", 0, 100)));
                assertThat(first.lookedUp()).as("the tenant had no values: none looked up").isZero();

                // a-0 to a-59 remembered, a-60 to a-99 in the filter, a-100 to a-199 new.
                Map<String, Integer> again = first.resolve(c, arns("a", 0, 200));
                assertThat(first.lookedUp()).as("the 40 past the limit, and at most a few new ones the filter cannot rule out")
                        .isBetween(40L, 45L);
                for (String v : arns("a", 0, 100)) {
                    assertThat(again.get(v)).as(v).isEqualTo(ids.get(v));
                }
                ids.putAll(again);
            }
            Map<String, Integer> stored = stored(db, tenant);
            assertThat(stored).hasSize(200);
            ids.forEach((v, id) -> assertThat(stored.get(v)).as(v).isEqualTo(id));
            assertThat(stored.values()).doesNotHaveDuplicates();
        });
    }

    @Test
    void valuesTheLoadMetBeforeTakeTheirIdsFromMemoryUpToItsLimit() throws Exception {
        withTenant((ds, db, tenant) -> {
            ResourceIdBlocks load = new ResourceIdBlocks(tenant, 120);
            Map<String, Integer> ids = new HashMap<>();
            try (var c = ds.getConnection()) {
                ids.putAll(load.resolve(c, arns("a", 0, 100)));
                Map<String, Integer> again = load.resolve(c, arns("a", 0, 100));
                assertThat(again).as("the same ids").isEqualTo(ids);
                assertThat(load.lookedUp()).as("new, then remembered: none looked up").isZero();

                try (var c2 = ds.getConnection()) {
                    ids.putAll(new ResourceIdBlocks(tenant).resolve(c2, arns("b", 0, 10)));
                }
                // Another load wrote, so the filter no longer tells new values: those not remembered are looked up.
                List<String> both = new ArrayList<>(arns("a", 0, 150));
                Map<String, Integer> mixed = load.resolve(c, both);
                assertThat(load.lookedUp()).as("only the 50 it had not met").isEqualTo(50);
                arns("a", 0, 100).forEach(v -> assertThat(mixed.get(v)).as(v).isEqualTo(ids.get(v)));
                ids.putAll(mixed);

                long before = load.lookedUp();
                Map<String, Integer> past = load.resolve(c, arns("a", 100, 150));
                assertThat(load.lookedUp() - before).as("120 remembered: a-120 to a-149 are looked up again").isEqualTo(30);
                past.forEach((v, id) -> assertThat(id).as(v).isEqualTo(ids.get(v)));
            }
            Map<String, Integer> stored = stored(db, tenant);
            assertThat(stored).hasSize(160);
            ids.forEach((v, id) -> assertThat(stored.get(v)).as(v).isEqualTo(id));
        });
    }

    @Test
    void aValueWhoseEightBytesARememberedValueHasIsNotGivenItsId() throws Exception {
        withTenant((ds, db, tenant) -> {
            String value = "arn:aws:s3:::billing-exports";
            java.nio.ByteBuffer hash = ResourceIdBlocks.hash(StringDictionary.sha256(), value);
            long digest = hash.getLong();
            int check = hash.getInt();
            ResourceIdBlocks load = new ResourceIdBlocks(tenant, 1000);
            // What another value of the same 8 bytes, met earlier with id 7, would have left.
            load.rememberForTest(digest, check + 1, 7);
            try (var c = ds.getConnection()) {
                Map<String, Integer> ids = load.resolve(c, List.of(value));
                assertThat(ids.get(value)).as("stored as a new value").isZero();
                assertThat(stored(db, tenant)).containsExactly(Map.entry(value, 0));

                // The same 12 bytes: the remembered id is taken as it is, with no lookup.
                load.rememberForTest(digest, check, 7);
                long before = load.lookedUp();
                assertThat(load.resolve(c, List.of(value)).get(value)).isEqualTo(7);
                assertThat(load.lookedUp()).isEqualTo(before);
            }
        });
    }
}
