package com.stategraph.billing.load;

import static org.assertj.core.api.Assertions.assertThat;

import com.stategraph.billing.db.Migrations;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A sync that writes a tenant's first large period of resource sums commits them with statistics
 * that know them: the attribution that follows the sync once took a new 925,000-resource tenant's
 * blocks for a few rows and joined them row by row, past its statement timeout (the plan itself
 * cannot be asserted here; the statistics it is made from can, inside the transaction, before any
 * vacuum could have made them). A small period leaves the statistics to the vacuum after the sync.
 * A database of its own, so that no other test's blocks count.
 */
class ResourceBlocksStatisticsTest {
    private static final LocalDate MONTH = LocalDate.of(2026, 11, 1);

    /** Writes {@code resources} resources' sums (ids 1 to it) as the source's period, and returns the blocks the statistics count, before the commit. */
    private static double replaceAndCount(DataSource ds, UUID tenant, UUID source, int resources) throws Exception {
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            ResourceBlocks.createNext(c);
            try (Statement st = c.createStatement()) {
                st.execute("INSERT INTO cost_resource_dims (tenant_id, key, provider, billing_currency) VALUES ('" + tenant
                        + "', '(AWS,,,,,,,,,USD)', 'AWS', 'USD')");
                st.execute("INSERT INTO " + ResourceBlocks.NEXT + " (billing_period, month, block, " + ResourceBlocks.ARRAYS + ")"
                        + " SELECT DATE '" + MONTH + "', DATE '" + MONTH + "', i >> " + ResourceBlocks.SHIFT + ", array_agg(i ORDER BY i),"
                        + " array_agg(d.id ORDER BY i), array_agg(i / 100.0 ORDER BY i), array_agg(0::numeric ORDER BY i),"
                        + " array_agg(0::numeric ORDER BY i), array_agg(0::numeric ORDER BY i), array_agg(1::bigint ORDER BY i)"
                        + " FROM generate_series(1, " + resources + ") i, cost_resource_dims d WHERE d.tenant_id = '" + tenant + "'"
                        + " GROUP BY 1, 2, 3");
            }
            ResourceBlocks.apply(c, tenant, source, c.createArrayOf("date", new Object[] {java.sql.Date.valueOf(MONTH)}));
            double counted;
            try (Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT reltuples FROM pg_class WHERE relname = '" + ResourceBlocks.TABLE + "'")) {
                rs.next();
                counted = rs.getDouble(1);
            }
            c.commit();
            return counted;
        }
    }

    @Test
    void aLargeFirstPeriodIsAnalyzedBeforeTheCommitAndASmallOneIsNot() throws Exception {
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start()) {
            DataSource ds = pg.getPostgresDatabase();
            Migrations.upTo(ds, "latest");
            JdbcClient db = JdbcClient.create(ds);
            UUID small = UUID.randomUUID();
            UUID smallSource = UUID.randomUUID();
            Migrations.tenantWithSource(db, small, smallSource);
            assertThat(replaceAndCount(ds, small, smallSource, 1_000)).as("8 blocks: left to the vacuum").isLessThanOrEqualTo(0);

            UUID large = UUID.randomUUID();
            UUID largeSource = UUID.randomUUID();
            db.sql("INSERT INTO tenants (id, name) VALUES (?, 'large')").param(large).update();
            db.sql("INSERT INTO billing_sources (id, tenant_id, provider, source_uri, window_months, enabled)"
                    + " VALUES (?, ?, 'aws', 's3://b/large/', 3, true)").params(largeSource, large).update();
            int resources = 20_000;
            long blocks = (resources >> ResourceBlocks.SHIFT) + 1;
            assertThat(replaceAndCount(ds, large, largeSource, resources)).as("every block of both tenants, counted before the commit")
                    .isGreaterThanOrEqualTo((double) blocks);
            assertThat(db.sql("SELECT count(*) FROM cost_monthly_resources WHERE tenant_id = ?").param(large).query(Long.class).single())
                    .isEqualTo(resources);
        }
    }
}
