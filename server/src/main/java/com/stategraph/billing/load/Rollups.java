package com.stategraph.billing.load;

import java.util.List;

/**
 * The rollup tables a sync rebuilds for the billing periods it loads. Each holds a source's sums
 * under {@code (tenant_id, source_id, billing_period)}, so replacing or removing a source's
 * periods removes their rows from all of them alike.
 */
final class Rollups {
    static final List<String> TABLES = RollupWriter.tables();

    private Rollups() {
    }
}
