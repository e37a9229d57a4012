package com.stategraph.billing.load;

import static org.assertj.core.api.Assertions.assertThat;

import com.stategraph.billing.db.Migrations;
import com.stategraph.billing.load.TestLoads.Line;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;
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

    /** Loads {@code resources} resources' lines as the source's period, and returns the blocks the statistics count, before the commit. */
    private static double loadAndCount(DataSource ds, UUID tenant, UUID source, int resources) throws Exception {
        List<Line> lines = IntStream.range(0, resources).mapToObj(i -> new Line(MONTH, MONTH, "Usage", "us-east-1", "i-" + i,
                BigDecimal.valueOf(i, 2), BigDecimal.ZERO, BigDecimal.ZERO)).toList();
        AtomicReference<Double> counted = new AtomicReference<>();
        TestLoads.load(ds, tenant, source, List.of(MONTH), lines, TestLoads.WHOLE, c -> {
            try (Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT reltuples FROM pg_class WHERE relname = '" + ResourceBlocks.TABLE + "'")) {
                rs.next();
                counted.set(rs.getDouble(1));
            }
        });
        return counted.get();
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
            assertThat(loadAndCount(ds, small, smallSource, 1_000)).as("8 blocks: left to the vacuum").isLessThanOrEqualTo(0);

            UUID large = UUID.randomUUID();
            UUID largeSource = UUID.randomUUID();
            db.sql("INSERT INTO tenants (id, name) VALUES (?, 'large')").param(large).update();
            Migrations.source(db, large, largeSource, "s3://b/large/");
            int resources = 20_000;
            long blocks = (resources >> ResourceBlocks.SHIFT) + 1;
            assertThat(loadAndCount(ds, large, largeSource, resources)).as("every block of both tenants, counted before the commit")
                    .isGreaterThanOrEqualTo((double) blocks);
            assertThat(db.sql("SELECT count(*) FROM cost_monthly_resources WHERE tenant_id = ?").param(large).query(Long.class).single())
                    .isEqualTo(resources);
            assertThat(db.sql("SELECT count(*) FROM pg_stats WHERE tablename = ? AND attname = 'resource_keys'")
                    .param(ResourceBlocks.TABLE).query(Long.class).single()).as("the first analysis has the ids' statistics too").isEqualTo(1);

            // Once the ids have statistics, a large period analyzes its key columns only, and counts every block again.
            UUID next = UUID.randomUUID();
            UUID nextSource = UUID.randomUUID();
            db.sql("INSERT INTO tenants (id, name) VALUES (?, 'next')").param(next).update();
            Migrations.source(db, next, nextSource, "s3://b/next/");
            assertThat(loadAndCount(ds, next, nextSource, resources)).as("the blocks of all three tenants, counted before the commit")
                    .isGreaterThanOrEqualTo((double) 2 * blocks);
        }
    }
}
