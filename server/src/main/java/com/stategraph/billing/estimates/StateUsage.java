package com.stategraph.billing.estimates;

import com.stategraph.billing.audit.AuditLog;
import com.stategraph.billing.auth.Caller;
import com.stategraph.billing.domain.InvalidInputException;
import com.stategraph.billing.states.TerraformState;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The usage a tenant gives a state's usage-priced resources, in the shape of Infracost's usage
 * file: {@code {"resource_usage": {"aws_lambda_function.fn": {"monthly_requests": 1000000}}}}.
 * Setting it calculates the state's estimate again.
 */
@Service
public class StateUsage {
    private static final int MAX_ADDRESSES = 100_000;
    private static final java.math.BigDecimal LARGEST = new java.math.BigDecimal("1e15");
    static final String TYPE_DEFAULTS = "resource_type_default_usage";
    /** How a type's defaults are stored among the addresses: no Terraform address starts with '*'. */
    public static final String TYPE_DEFAULT = "*:";

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final EstimateQueue queue;
    private final AuditLog audit;

    public StateUsage(JdbcClient jdbc, ObjectMapper json, EstimateQueue queue, AuditLog audit) {
        this.jdbc = jdbc;
        this.json = json;
        this.queue = queue;
        this.audit = audit;
    }

    /** Usage by address, then by usage key: a number (BigDecimal) or a word (String, see {@link UsageKeys#words}). */
    public Map<String, Map<String, Object>> get(TerraformState state) {
        String stored = jdbc.sql("SELECT usage::text FROM state_usage WHERE tenant_id = ? AND state_id = ?")
                .params(state.tenantId(), state.id()).query(String.class).optional().orElse("{}");
        Map<String, Map<String, Object>> usage = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = json.readTree(stored).properties().iterator(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> address = it.next();
            Map<String, Object> values = new TreeMap<>();
            address.getValue().properties().forEach(e -> values.put(e.getKey(),
                    e.getValue().isNumber() ? e.getValue().decimalValue() : e.getValue().asString()));
            usage.put(address.getKey(), values);
        }
        return usage;
    }

    /** Replaces the state's usage by {@code body}; refuses unknown keys and quantities that are not numbers of 0 or more. */
    @Transactional
    public Map<String, Map<String, Object>> set(Caller caller, TerraformState state, JsonNode body) {
        if (body != null && body.isObject()) {
            for (String key : body.propertyNames()) {
                if (!key.equals("resource_usage") && !key.equals("version") && !key.equals(TYPE_DEFAULTS)) {
                    throw new InvalidInputException("INVALID_USAGE", "unknown key " + printable(key) + " at the top of the usage"
                            + " document: it holds \"resource_usage\" and \"resource_type_default_usage\" (and, as Infracost's,"
                            + " \"version\")");
                }
            }
        }
        JsonNode resources = body == null ? null : body.get("resource_usage");
        JsonNode defaults = body == null ? null : body.get(TYPE_DEFAULTS);
        if ((resources == null || !resources.isObject()) && (defaults == null || !defaults.isObject())) {
            throw new InvalidInputException("INVALID_USAGE", "the body is {\"resource_usage\": {\"ADDRESS\": {\"USAGE_KEY\": quantity}}}"
                    + " (YAML or JSON, as Infracost's usage file)");
        }
        int count = (resources == null ? 0 : resources.size()) + (defaults == null ? 0 : defaults.size());
        if (count > MAX_ADDRESSES) {
            throw new InvalidInputException("INVALID_USAGE", "usage for at most " + MAX_ADDRESSES + " addresses");
        }
        Map<String, Map<String, Object>> usage = new LinkedHashMap<>();
        if (defaults != null && defaults.isObject()) {
            for (Map.Entry<String, JsonNode> type : defaults.properties()) {
                if (UsageKeys.of(type.getKey()).isEmpty() || !type.getValue().isObject()) {
                    throw new InvalidInputException("INVALID_USAGE", TYPE_DEFAULTS + "." + abbreviated(type.getKey())
                            + ": not a resource type priced by usage; docs/estimates.md lists them");
                }
                usage.put(TYPE_DEFAULT + type.getKey(), values(TYPE_DEFAULTS + "." + abbreviated(type.getKey()), type.getValue()));
            }
        }
        for (Map.Entry<String, JsonNode> address : resources == null ? java.util.List.<Map.Entry<String, JsonNode>>of()
                : resources.properties()) {
            if (address.getKey().isEmpty() || address.getKey().length() > 1024 || address.getKey().indexOf('\0') >= 0
                    || address.getKey().startsWith(TYPE_DEFAULT) || !address.getValue().isObject()) {
                throw new InvalidInputException("INVALID_USAGE", "resource_usage." + abbreviated(address.getKey())
                        + ": give an address of at most 1,024 characters (no NUL) and an object of usage keys");
            }
            usage.put(address.getKey(), values("resource_usage." + abbreviated(address.getKey()), address.getValue()));
        }
        jdbc.sql("INSERT INTO state_usage (tenant_id, state_id, usage) VALUES (?, ?, ?::jsonb) ON CONFLICT (tenant_id, state_id)"
                        + " DO UPDATE SET usage = excluded.usage, updated_at = now()")
                .params(state.tenantId(), state.id(), json.writeValueAsString(usage)).update();
        audit.record(caller, state.tenantId(), "state.usage", "state", state.id(), Map.of("addresses", usage.size()));
        queue.recalculate(state.id());
        return usage;
    }

    /**
     * One resource's (or type's) usage: nested keys as Infracost writes them ({@code standard: {storage_gb: 5}}) read as
     * {@code standard.storage_gb}, then as the key this estimator names it.
     */
    private static Map<String, Object> values(String at, JsonNode object) {
        Map<String, JsonNode> flat = new LinkedHashMap<>();
        flatten("", object, flat);
        Map<String, Object> values = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> given : flat.entrySet()) {
            String key = UsageKeys.ALIASES.getOrDefault(given.getKey(), given.getKey());
            JsonNode value = given.getValue();
            String where = at + "." + abbreviated(given.getKey());
            if (!UsageKeys.known(key)) {
                throw new InvalidInputException("INVALID_USAGE", where + ": not a usage key; docs/estimates.md lists them by type");
            }
            java.util.Set<String> words = UsageKeys.words(key);
            if (words != null) {
                if (!value.isString() || !words.contains(value.asString())) {
                    throw new InvalidInputException("INVALID_USAGE", where + ": one of " + new java.util.TreeSet<>(words));
                }
                values.put(key, value.asString());
            } else if (!value.isNumber() || !finite(value) || value.decimalValue().signum() < 0
                    || value.decimalValue().compareTo(LARGEST) > 0) {
                throw new InvalidInputException("INVALID_USAGE", where + ": a quantity is a number from 0 to 1e15");
            } else {
                values.put(key, value.decimalValue());
            }
        }
        return values;
    }

    private static void flatten(String prefix, JsonNode object, Map<String, JsonNode> into) {
        for (Map.Entry<String, JsonNode> e : object.properties()) {
            if (e.getValue().isObject() && prefix.isEmpty()) {
                flatten(e.getKey() + ".", e.getValue(), into);
            } else {
                into.put(prefix + e.getKey(), e.getValue());
            }
        }
    }

    /**
     * What one resource is given: its type's defaults, then what its address with any index as {@code [*]} is given,
     * then its own address's (each overriding the one before, as in Infracost's usage file).
     */
    public static Map<String, Object> forResource(Map<String, Map<String, Object>> given, String address, String type) {
        Map<String, Object> values = new LinkedHashMap<>(given.getOrDefault(TYPE_DEFAULT + type, Map.of()));
        String wildcard = address.replaceAll("\\[[^\\]]*\\]$", "[*]");
        if (!wildcard.equals(address)) {
            values.putAll(given.getOrDefault(wildcard, Map.of()));
        }
        values.putAll(given.getOrDefault(address, Map.of()));
        return values;
    }

    private static String abbreviated(String s) {
        return printable(s.length() <= 80 ? s : s.substring(0, 77) + "...");
    }

    private static String printable(String s) {
        return s.replace("\0", "\\u0000");
    }

    /** A double read from 1e309 is infinite: no quantity of anything. */
    private static boolean finite(JsonNode number) {
        return !number.isFloatingPointNumber() || number.isBigDecimal() || Double.isFinite(number.doubleValue());
    }
}
