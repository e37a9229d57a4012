package com.stategraph.billing.db;

import static org.assertj.core.api.Assertions.assertThat;

import com.stategraph.billing.support.ServerTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The rule that keeps the schema ready to be distributed by tenant (docs/scaling.md): every table
 * holds tenant_id unless it is one of the few global ones, and every table with tenant_id leads
 * its primary key and every unique index with it, and carries it in every foreign key to another
 * tenant table. A new table or index that breaks the rule fails here, naming it.
 */
class TenantKeysSchemaTest extends ServerTest {
    /** Global tables: reference tables (replicated to every node) or the coordinator's own. See docs/scaling.md. */
    private static final Set<String> GLOBAL = Set.of("tenants", "users", "api_keys", "audit_log", "scheduled_tasks",
            "flyway_schema_history", "spring_session", "spring_session_attributes", "sign_in_failures", "exchange_rates");

    /** The coordinator's own tables (not replicated): queues, migrations, console sessions and sign-in counts. */
    private static final Set<String> LOCAL = Set.of("scheduled_tasks", "flyway_schema_history", "spring_session",
            "spring_session_attributes", "sign_in_failures");

    private List<String> tables() {
        // Partitions follow their parent; only the parents are judged.
        return jdbc.sql("""
                SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') AND NOT c.relispartition
                ORDER BY 1""").query(String.class).list();
    }

    private boolean hasTenantId(String table) {
        return jdbc.sql("SELECT count(*) FROM information_schema.columns WHERE table_schema = current_schema()"
                + " AND table_name = ? AND column_name = 'tenant_id'").param(table).query(Long.class).single() > 0;
    }

    @Test
    void everyTableOfTenantDataLeadsItsKeysWithTenantId() {
        List<String> tables = tables();
        assertThat(tables).as("the schema has its tables").contains("billing_sources", "billing_chunks", "billing_strings", "billing_json", "sync_runs",
                "billing_loads", "cost_daily", "cost_monthly", "cost_daily_tags", "tenant_members", "tenant_invitations");
        List<String> broken = new ArrayList<>();
        for (String table : tables) {
            if (GLOBAL.contains(table)) {
                continue;
            }
            if (!hasTenantId(table)) {
                broken.add(table + ": no tenant_id column (add one, or list the table as global in docs/scaling.md and here)");
                continue;
            }
            // Primary keys and unique indexes (constraints or not): the first key column must be tenant_id.
            List<String> uniques = jdbc.sql("""
                    SELECT i.relname || ' leads with ' || coalesce(a.attname, 'an expression')
                    FROM pg_index x JOIN pg_class t ON t.oid = x.indrelid JOIN pg_class i ON i.oid = x.indexrelid
                    LEFT JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = x.indkey[0]
                    WHERE t.relname = ? AND t.relnamespace = current_schema()::regnamespace
                      AND (x.indisunique OR x.indisprimary) AND coalesce(a.attname, '') <> 'tenant_id'""")
                    .param(table).query(String.class).list();
            uniques.forEach(u -> broken.add(table + ": unique index " + u));
            // Foreign keys to other tenant tables: tenant_id on both sides, in the same position.
            List<String> foreign = jdbc.sql("""
                    SELECT c.conname || ' -> ' || r.relname
                    FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid JOIN pg_class r ON r.oid = c.confrelid
                    WHERE t.relname = ? AND t.relnamespace = current_schema()::regnamespace AND c.contype = 'f'
                      AND NOT EXISTS (
                          SELECT 1 FROM unnest(c.conkey, c.confkey) AS k(mine, theirs)
                          JOIN pg_attribute am ON am.attrelid = c.conrelid AND am.attnum = k.mine
                          JOIN pg_attribute at ON at.attrelid = c.confrelid AND at.attnum = k.theirs
                          WHERE am.attname = 'tenant_id' AND at.attname = 'tenant_id')""")
                    .param(table).query(String.class).list();
            for (String fk : foreign) {
                String target = fk.substring(fk.indexOf(" -> ") + 4);
                if (!GLOBAL.contains(target)) {
                    broken.add(table + ": foreign key " + fk + " does not carry tenant_id");
                }
            }
        }
        assertThat(broken).as("tables that could not be distributed by tenant").isEmpty();
    }

    /** docs/scaling.md gives an operator the calls for every table: a new table without its call fails here. */
    @Test
    void theScalingGuideDistributesEveryTenantTableAndReplicatesEveryGlobalOne() throws Exception {
        String guide = java.nio.file.Files.readString(java.nio.file.Path.of("..", "docs", "scaling.md"));
        List<String> tables = tables();
        assertThat(tables).isNotEmpty();
        for (String table : tables) {
            if (LOCAL.contains(table)) {
                assertThat(guide).as(table).contains("| `" + table + "` | local (coordinator)");
            } else if (GLOBAL.contains(table)) {
                assertThat(guide).as(table).contains("SELECT create_reference_table('" + table + "');");
            } else {
                assertThat(guide).as(table).containsPattern("SELECT create_distributed_table\\('" + table + "', 'tenant_id'");
            }
        }
    }
}
