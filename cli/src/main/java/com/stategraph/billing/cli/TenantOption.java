package com.stategraph.billing.cli;

import picocli.CommandLine.Option;

/** {@code --tenant}, defaulting to STATEGRAPH_TENANT_ID. */
class TenantOption {
    @Option(names = "--tenant", paramLabel = "TENANT",
            description = "Tenant id or name (default: STATEGRAPH_TENANT_ID)")
    String tenant;
}
