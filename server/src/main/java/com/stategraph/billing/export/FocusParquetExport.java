package com.stategraph.billing.export;

import com.stategraph.billing.format.ParquetFileWriter;
import com.stategraph.billing.load.BillingLoadRepository;
import com.stategraph.billing.load.RowsSnapshot;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * A tenant's loaded FOCUS rows of a charge range as one FOCUS Parquet file, streamed: the columns
 * under their FOCUS names (costs as DECIMAL(38,18), times as UTC timestamps, Tags as its JSON
 * object), then each {@code x_} column the rows carry as text. Rows are read with a cursor and
 * written in row groups of 16 MiB: memory does not grow with the range.
 */
@Service
public class FocusParquetExport {
    private static final long ROW_GROUP_BYTES = 16L << 20;
    private static final int SCALE = 18;
    private static final Set<String> DECIMALS = Set.of("billed_cost", "commitment_discount_quantity", "consumed_quantity",
            "contracted_cost", "contracted_unit_price", "effective_cost", "list_cost", "list_unit_price",
            "pricing_currency_contracted_unit_price", "pricing_currency_effective_cost", "pricing_currency_list_unit_price",
            "pricing_quantity");
    private static final Set<String> TIMES = Set.of("billing_period_start", "billing_period_end", "charge_period_start",
            "charge_period_end");
    /** The view's FOCUS columns, in the order FOCUS lists them; tags and the x_ columns follow. */
    static final List<String> COLUMNS = List.of("availability_zone", "billed_cost", "billing_account_id", "billing_account_name",
            "billing_account_type", "billing_currency", "billing_period_end", "billing_period_start", "capacity_reservation_id",
            "capacity_reservation_status", "charge_category", "charge_class", "charge_description", "charge_frequency",
            "charge_period_end", "charge_period_start", "commitment_discount_category", "commitment_discount_id",
            "commitment_discount_name", "commitment_discount_quantity", "commitment_discount_status", "commitment_discount_type",
            "commitment_discount_unit", "consumed_quantity", "consumed_unit", "contracted_cost", "contracted_unit_price",
            "effective_cost", "host_provider_name", "invoice_id", "invoice_issuer_name", "list_cost", "list_unit_price",
            "pricing_category", "pricing_currency", "pricing_currency_contracted_unit_price", "pricing_currency_effective_cost",
            "pricing_currency_list_unit_price", "pricing_quantity", "pricing_unit", "provider_name", "publisher_name", "region_id",
            "region_name", "resource_id", "resource_name", "resource_type", "service_category", "service_name",
            "service_provider_name", "service_subcategory", "sku_id", "sku_meter", "sku_price_details", "sku_price_id",
            "sub_account_id", "sub_account_name", "sub_account_type");

    private final JdbcClient jdbc;
    private final JdbcTemplate streaming;
    private final RowsSnapshot snapshot;
    private final ObjectMapper json;

    FocusParquetExport(JdbcClient jdbc, DataSource dataSource, RowsSnapshot snapshot, ObjectMapper json) {
        this.jdbc = jdbc;
        this.streaming = new JdbcTemplate(dataSource);
        this.streaming.setFetchSize(4_096);
        this.snapshot = snapshot;
        this.json = json;
    }

    /** FOCUS's name of a column: {@code billed_cost} is {@code BilledCost}. */
    static String focusName(String column) {
        StringBuilder name = new StringBuilder();
        for (String part : column.split("_")) {
            name.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
        }
        return name.toString();
    }

    /** Writes the rows charged in {@code [from, to)} to {@code out}; the number of rows written. */
    public long write(UUID tenantId, LocalDate from, LocalDate to, OutputStream out) {
        return snapshot.read(() -> {
            List<UUID> loads = jdbc.sql("SELECT id FROM billing_loads WHERE tenant_id = ? AND state = 'current' AND row_count > 0")
                    .param(tenantId).query(UUID.class).list();
            String only = loads.isEmpty() ? "false" : BillingLoadRepository.onlyLoads("load_id", loads);
            List<String> extras = loads.isEmpty() ? List.of() : jdbc.sql("SELECT DISTINCT k FROM (SELECT DISTINCT unnest(extra) AS id"
                            + " FROM billing_chunks WHERE tenant_id = ? AND " + only + " UNION SELECT DISTINCT unnest(extra)"
                            + " FROM billing_chunks_small WHERE tenant_id = ? AND " + only + ") e"
                            + " JOIN billing_json j ON j.tenant_id = ? AND j.id = e.id, jsonb_object_keys(j.value) k ORDER BY 1")
                    .params(tenantId, tenantId, tenantId).query(String.class).list();
            long[] rows = {0};
            try (ParquetFileWriter writer = new ParquetFileWriter(new StreamOutputFile(out), schema(extras), CompressionCodecName.ZSTD,
                    ROW_GROUP_BYTES)) {
                streaming.query("SELECT " + String.join(", ", COLUMNS) + ", tags::text AS tags, extra::text AS extra FROM billing_rows"
                        + " WHERE tenant_id = ? AND " + only + " AND charge_period_start >= ? AND charge_period_start < ?", rs -> {
                            Map<String, Object> row = new HashMap<>();
                            for (String c : COLUMNS) {
                                Object v;
                                if (DECIMALS.contains(c)) {
                                    BigDecimal d = rs.getBigDecimal(c);
                                    v = d == null ? null : d.setScale(SCALE, RoundingMode.HALF_EVEN);
                                } else if (TIMES.contains(c)) {
                                    Timestamp t = rs.getTimestamp(c);
                                    v = t == null ? null : t.toInstant();
                                } else {
                                    v = rs.getString(c);
                                }
                                if (v != null) {
                                    row.put(focusName(c), v);
                                }
                            }
                            String tags = rs.getString("tags");
                            if (tags != null) {
                                row.put("Tags", tags);
                            }
                            String extra = rs.getString("extra");
                            if (extra != null) {
                                for (Map.Entry<String, JsonNode> e : json.readTree(extra).properties()) {
                                    if (!e.getValue().isNull()) {
                                        row.put(e.getKey(), e.getValue().isString() ? e.getValue().asString() : e.getValue().toString());
                                    }
                                }
                            }
                            try {
                                writer.write(row);
                            } catch (IOException e) {
                                throw new UncheckedIOException(e);
                            }
                            rows[0]++;
                        }, tenantId, Timestamp.from(from.atStartOfDay(ZoneOffset.UTC).toInstant()),
                        Timestamp.from(to.atStartOfDay(ZoneOffset.UTC).toInstant()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return rows[0];
        });
    }

    private static String schema(List<String> extras) {
        StringBuilder s = new StringBuilder("message focus {\n");
        for (String c : COLUMNS) {
            String name = focusName(c);
            if (DECIMALS.contains(c)) {
                s.append("  optional fixed_len_byte_array(16) ").append(name).append(" (DECIMAL(38,").append(SCALE).append("));\n");
            } else if (TIMES.contains(c)) {
                s.append("  optional int64 ").append(name).append(" (TIMESTAMP(MICROS,true));\n");
            } else {
                s.append("  optional binary ").append(name).append(" (STRING);\n");
            }
        }
        s.append("  optional binary Tags (STRING);\n");
        List<String> taken = new ArrayList<>();
        COLUMNS.forEach(c -> taken.add(focusName(c).toLowerCase(Locale.ROOT)));
        taken.add("tags");
        for (String x : extras) {
            // a column name Parquet's schema text can hold, never one FOCUS already has
            if (x.matches("[A-Za-z_][A-Za-z0-9_]*") && !taken.contains(x.toLowerCase(Locale.ROOT))) {
                s.append("  optional binary ").append(x).append(" (STRING);\n");
                taken.add(x.toLowerCase(Locale.ROOT));
            }
        }
        return s.append("}\n").toString();
    }
}
