package com.stategraph.billing.db;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * V46 gives the chunks' arrays no column statistics: on the parent, on billing_chunks_small and on
 * every load's table attached before the upgrade; the scalar columns keep theirs.
 */
class ChunkStatisticsMigrationTest {
    /** The columns of {@code table} with a statistics target of 0, by kind: arrays, then the rest. */
    private static List<String> withoutStatistics(JdbcClient db, String table, boolean arrays) {
        return db.sql("SELECT a.attname FROM pg_attribute a JOIN pg_type t ON t.oid = a.atttypid WHERE a.attrelid = ?::regclass"
                        + " AND a.attnum > 0 AND NOT a.attisdropped AND (t.typcategory = 'A') = ? AND a.attstattarget = 0 ORDER BY a.attnum")
                .params(table, arrays).query(String.class).list();
    }

    private static long arrayColumns(JdbcClient db, String table) {
        return db.sql("SELECT count(*) FROM pg_attribute a JOIN pg_type t ON t.oid = a.atttypid WHERE a.attrelid = ?::regclass"
                + " AND a.attnum > 0 AND NOT a.attisdropped AND t.typcategory = 'A'").param(table).query(Long.class).single();
    }

    @Test
    void everyChunkTableLosesItsArraysStatisticsOnly() throws Exception {
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start()) {
            DataSource ds = pg.getPostgresDatabase();
            Migrations.upTo(ds, "45");
            JdbcClient db = JdbcClient.create(ds);
            UUID load = UUID.randomUUID();
            String table = "billing_chunks_" + load.toString().replace("-", "");
            db.sql("CREATE TABLE " + table + " (LIKE billing_chunks INCLUDING DEFAULTS INCLUDING CONSTRAINTS)").update();
            db.sql("ALTER TABLE billing_chunks ATTACH PARTITION " + table + " FOR VALUES IN ('" + load + "')").update();
            long arrays = arrayColumns(db, "billing_chunks");
            assertThat(arrays).as("the chunks keep a FOCUS column a column").isGreaterThan(40);
            assertThat(withoutStatistics(db, table, true)).isEmpty();

            Migrations.upTo(ds, "46");

            for (String t : List.of("billing_chunks", "billing_chunks_small", table)) {
                assertThat(withoutStatistics(db, t, true)).as(t).hasSize((int) arrayColumns(db, t));
                assertThat(withoutStatistics(db, t, false)).as(t + ": scalar columns keep their statistics").isEmpty();
            }
            assertThat(arrayColumns(db, table)).isEqualTo(arrays);
        }
    }
}
