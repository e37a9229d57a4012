package com.stategraph.billing.costs;

import com.stategraph.billing.source.Provider;
import java.util.Arrays;
import java.util.Locale;

/**
 * What a view groups by. {@code rollupColumn} is the column in {@code cost_daily} (null: only the
 * billing rows have it); {@code rowsColumn} the expression over {@code billing_rows r} joined to
 * {@code billing_sources s}.
 */
public enum Dimension {
    /** The provider the row names (FOCUS 1.3+ ServiceProviderName, else ProviderName), else the source's cloud. */
    PROVIDER("provider", "coalesce(nullif(r.service_provider_name, ''), nullif(r.provider_name, ''), "
            + cloudNames("s.provider") + ")"),
    HOST_PROVIDER("host_provider", "r.host_provider_name"),
    PUBLISHER("publisher", "r.publisher_name"),
    INVOICE_ISSUER("invoice_issuer", "r.invoice_issuer_name"),
    SERVICE("service_name", "r.service_name"),
    SERVICE_CATEGORY("service_category", "r.service_category"),
    BILLING_ACCOUNT("billing_account_id", "r.billing_account_id"),
    SUB_ACCOUNT("sub_account_id", "r.sub_account_id"),
    REGION("region_id", "r.region_id"),
    CHARGE_CATEGORY("charge_category", "r.charge_category"),
    /** An empty ResourceId names no resource, as in the resource rollup. */
    RESOURCE(null, "nullif(r.resource_id, '')"),
    SOURCE("source_id::text", "r.source_id::text"),
    TAG(null, null);

    private final String rollupColumn;
    private final String rowsColumn;

    Dimension(String rollupColumn, String rowsColumn) {
        this.rollupColumn = rollupColumn;
        this.rowsColumn = rowsColumn;
    }

    String rollupColumn() {
        return rollupColumn;
    }

    public String rowsColumn() {
        return rowsColumn;
    }

    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** SQL for the FOCUS name of a configured cloud ({@link Provider#focusName()}), as the rollups use it. */
    static String cloudNames(String column) {
        StringBuilder sql = new StringBuilder("CASE ").append(column);
        for (Provider p : Provider.values()) {
            sql.append(" WHEN '").append(p.value()).append("' THEN '").append(p.focusName()).append('\'');
        }
        return sql.append(" ELSE ").append(column).append(" END").toString();
    }

    static Dimension parse(String text) {
        return Arrays.stream(values()).filter(d -> d.value().equals(text)).findFirst()
                .orElseThrow(() -> CostQueryParser.invalid("group_by", text, Metric.names(values())));
    }
}
