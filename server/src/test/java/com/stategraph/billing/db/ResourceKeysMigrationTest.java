package com.stategraph.billing.db;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * V44 names each resource of {@code cost_monthly_resources} and {@code attribution_resources} by its
 * dictionary id instead of its text: every row keeps its resource (a set partition's rows too), an
 * empty ResourceId becomes none, a ResourceId the dictionary lacked is added rather than lost, and a
 * month whose kept largest resources told '' from NULL is ranked again.
 */
class ResourceKeysMigrationTest {
    private static final String MONTH = "2026-10-01";
    private static final String OTHER_MONTH = "2026-09-01";

    private record Resource(String id, String category, BigDecimal cost) {
    }

    @Test
    void everyResourceKeepsItsIdAndNothingIsLost() throws Exception {
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start()) {
            DataSource ds = pg.getPostgresDatabase();
            Migrations.upTo(ds, "43");
            JdbcClient db = JdbcClient.create(ds);
            UUID tenant = UUID.randomUUID();
            UUID source = UUID.randomUUID();
            Migrations.tenantWithSource(db, tenant, source);
            for (String v : List.of("arn:aws:ec2:us-east-1:1:instance/i-a", "arn:aws:ec2:us-east-1:1:instance/i-b", "")) {
                db.sql("INSERT INTO billing_strings (tenant_id, digest, value) VALUES (?, dictionary_digest(?), ?)").params(tenant, v, v).update();
            }
            String missing = "arn:aws:s3:::a-bucket-the-dictionary-lost";
            List<Resource> shared = List.of(new Resource("arn:aws:ec2:us-east-1:1:instance/i-a", null, new BigDecimal("5.00")),
                    new Resource(missing, null, new BigDecimal("2.00")), new Resource("", "Tax", new BigDecimal("1.00")),
                    new Resource(null, "Credit", new BigDecimal("4.00")));
            Resource inSet = new Resource("arn:aws:ec2:us-east-1:1:instance/i-b", null, new BigDecimal("3.00"));
            UUID setId = UUID.randomUUID();
            String set = "cost_monthly_resources_" + setId.toString().replace("-", "");
            db.sql("CREATE TABLE " + set + " (LIKE cost_monthly_resources INCLUDING DEFAULTS)").update();
            db.sql("ALTER TABLE cost_monthly_resources ATTACH PARTITION " + set + " FOR VALUES IN ('" + setId + "')").update();
            for (Resource r : shared) {
                insert(db, tenant, source, r, null);
            }
            insert(db, tenant, source, inSet, setId);
            db.sql("INSERT INTO attribution_resources (tenant_id, resource_id, state_id, address) VALUES (?, ?, NULL, NULL), (?, ?, ?, 'aws_s3_bucket.a')")
                    .params(tenant, shared.get(0).id(), tenant, missing, UUID.randomUUID()).update();
            // A month that kept a '' apart from the NULLs, and one that did not (left as it is).
            db.sql("INSERT INTO cost_month_top_resources (tenant_id, month, billing_currency, metric, position, resource_id, cost, row_count)"
                    + " VALUES (?, ?::date, 'USD', 'billed_cost', 1, '', 9, 1), (?, ?::date, 'USD', 'billed_cost', 1, 'arn:kept', 7, 3)")
                    .params(tenant, MONTH, tenant, OTHER_MONTH).update();

            Migrations.upTo(ds, "44");

            Map<String, BigDecimal> keyed = new HashMap<>();
            db.sql("SELECT coalesce(d.value, '(no key)') AS v, sum(m.billed_cost) AS cost, count(*) FILTER (WHERE m.set_id = ?) AS in_set"
                            + " FROM cost_monthly_resources m LEFT JOIN billing_strings d ON d.tenant_id = m.tenant_id AND d.id = m.resource_key"
                            + " WHERE m.tenant_id = ? GROUP BY 1")
                    .params(setId, tenant).query(rs -> {
                        keyed.put(rs.getString("v"), rs.getBigDecimal("cost"));
                    });
            Map<String, BigDecimal> expected = new HashMap<>();
            for (Resource r : concat(shared, inSet)) {
                expected.merge(r.id() == null || r.id().isEmpty() ? "(no key)" : r.id(), r.cost(), BigDecimal::add);
            }
            assertThat(keyed).as("each row's resource by its key; '' and NULL name none").isEqualTo(expected);
            assertThat(db.sql("SELECT d.value FROM " + set + " m JOIN billing_strings d ON d.tenant_id = m.tenant_id AND d.id = m.resource_key")
                    .query(String.class).single()).as("a set partition's rows too").isEqualTo(inSet.id());
            assertThat(db.sql("SELECT count(*) FROM billing_strings WHERE tenant_id = ? AND value = ?").params(tenant, missing)
                    .query(Long.class).single()).as("the ResourceId the dictionary lacked is added").isEqualTo(1);
            assertThat(db.sql("SELECT string_agg(m.charge_category, ',' ORDER BY m.charge_category) FROM cost_monthly_resources m"
                    + " WHERE m.resource_key IS NULL").query(String.class).single()).isEqualTo("Credit,Tax");

            Map<String, String> attributed = new HashMap<>();
            db.sql("SELECT d.value, coalesce(a.address, '(unmanaged)') FROM attribution_resources a"
                    + " JOIN billing_strings d ON d.tenant_id = a.tenant_id AND d.id = a.resource_key WHERE a.tenant_id = ?").param(tenant)
                    .query(rs -> {
                        attributed.put(rs.getString(1), rs.getString(2));
                    });
            assertThat(attributed).isEqualTo(Map.of(shared.get(0).id(), "(unmanaged)", missing, "aws_s3_bucket.a"));

            // The month is ranked again from the rollup: cost, largest first, then the id's bytes, none as "(none)".
            Map<String, BigDecimal> sums = new HashMap<>();
            Map<String, Long> lines = new HashMap<>();
            for (Resource r : concat(shared, inSet)) {
                String id = r.id() == null || r.id().isEmpty() ? null : r.id();
                sums.merge(String.valueOf(id), r.cost(), BigDecimal::add);
                lines.merge(String.valueOf(id), 1L, Long::sum);
            }
            List<String> order = new ArrayList<>(sums.keySet());
            order.sort(Comparator.<String, BigDecimal>comparing(sums::get).reversed()
                    .thenComparing(k -> k.equals("null") ? "(none)" : k));
            List<String> ranked = db.sql("SELECT coalesce(resource_id, 'null') || ' ' || cost || ' ' || row_count FROM cost_month_top_resources"
                            + " WHERE tenant_id = ? AND month = ?::date AND metric = 'billed_cost' ORDER BY position")
                    .params(tenant, MONTH).query(String.class).list();
            assertThat(ranked).isEqualTo(order.stream().map(k -> k + " " + sums.get(k) + " " + lines.get(k)).toList());
            assertThat(db.sql("SELECT count(*) FROM cost_month_top_resources WHERE tenant_id = ? AND month = ?::date AND metric = 'list_cost'")
                    .params(tenant, MONTH).query(Long.class).single()).as("every metric").isEqualTo(order.size());
            assertThat(db.sql("SELECT resource_id || ' ' || cost FROM cost_month_top_resources WHERE month = ?::date").param(OTHER_MONTH)
                    .query(String.class).list()).as("a month without '' is left as it was").containsExactly("arn:kept 7");
        }
    }

    private static List<Resource> concat(List<Resource> some, Resource one) {
        List<Resource> all = new ArrayList<>(some);
        all.add(one);
        return all;
    }

    private static void insert(JdbcClient db, UUID tenant, UUID source, Resource r, UUID setId) {
        db.sql("INSERT INTO cost_monthly_resources (tenant_id, source_id, billing_period, month, provider, billing_currency, resource_id,"
                        + " charge_category, billed_cost, effective_cost, list_cost, contracted_cost, row_count, set_id)"
                        + " VALUES (?, ?, ?::date, ?::date, 'AWS', 'USD', ?, ?, ?, ?, 0, 0, 1, coalesce(?::uuid, '00000000-0000-0000-0000-000000000000'))")
                .params(tenant, source, MONTH, MONTH, r.id(), r.category(), r.cost(), r.cost(), setId).update();
    }
}
