package com.stategraph.billing.estimates;

import com.stategraph.billing.costs.ActualsService;
import com.stategraph.billing.domain.InvalidInputException;
import com.stategraph.billing.domain.UnavailableException;
import com.stategraph.billing.pricing.PricingService;
import com.stategraph.billing.states.TerraformState;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Reads estimates: a state's last snapshot, the tenant's states together, and the tenant's estimate day by day. */
@Service
public class EstimateService {
    public static final String CURRENCY = "USD";
    private static final int LONGEST_HISTORY_DAYS = 366;
    /** The last snapshot of each of the tenant's current states. */
    private static final String LATEST = "SELECT DISTINCT ON (s.state_id) s.id FROM estimate_snapshots s"
            + " JOIN terraform_states t ON t.tenant_id = s.tenant_id AND t.id = s.state_id"
            + " WHERE s.tenant_id = :tenant ORDER BY s.state_id, s.calculated_at DESC, s.id";

    private final JdbcClient jdbc;
    private final SnapshotRepository snapshots;
    private final PricingService pricing;
    private final EstimateQueue queue;
    private final Clock clock;

    public EstimateService(JdbcClient jdbc, SnapshotRepository snapshots, PricingService pricing, EstimateQueue queue, Clock clock) {
        this.jdbc = jdbc;
        this.snapshots = snapshots;
        this.pricing = pricing;
        this.queue = queue;
        this.clock = clock;
    }

    /** The state's last estimate; empty while the first is being calculated. */
    public Optional<EstimateViews.StateCosts> costs(TerraformState state) {
        requireBook();
        return latest(state).map(s -> new EstimateViews.StateCosts(state.id(), s.id(), s.calculatedAt(), CURRENCY, ActualsService.money(s.monthlyCost()),
                ActualsService.money(Estimator.hourly(s.monthlyCost())), s.resourceCount(), s.supportedCount(), s.pricedCount(),
                s.coveragePercent().toPlainString(), snapshots.instances(state.tenantId(), s.id())));
    }

    public void calculate(TerraformState state) {
        requireBook();
        queue.recalculate(state.id());
    }

    /** The types of the state's last estimate that are neither priced nor known to be free, most instances first. */
    public Optional<List<EstimateViews.UnsupportedType>> unsupported(TerraformState state) {
        requireBook();
        return latest(state).map(s -> {
            Map<String, List<String>> byType = new TreeMap<>();
            Map<String, String> providers = new LinkedHashMap<>();
            jdbc.sql("SELECT type, provider, address FROM estimate_instances WHERE tenant_id = ? AND snapshot_id = ? AND NOT supported"
                            + " ORDER BY type, address")
                    .params(state.tenantId(), s.id())
                    .query(rs -> {
                        byType.computeIfAbsent(rs.getString("type"), t -> new ArrayList<>()).add(rs.getString("address"));
                        providers.put(rs.getString("type"), rs.getString("provider"));
                    });
            return byType.entrySet().stream()
                    .map(e -> new EstimateViews.UnsupportedType(e.getKey(), providers.get(e.getKey()), e.getValue().size(), e.getValue()))
                    .sorted((a, b) -> a.resourceCount() != b.resourceCount() ? b.resourceCount() - a.resourceCount()
                            : a.type().compareTo(b.type()))
                    .toList();
        });
    }

    /** The tenant's current estimate: every state's last snapshot, by provider, type and (with a tag key) tag value. */
    public EstimateViews.TenantEstimate tenant(UUID tenantId, String tagKey) {
        requireBook();
        List<Snapshot> latest = new ArrayList<>(snapshots.latestOfTenant(tenantId));
        latest.sort(java.util.Comparator.comparing(Snapshot::monthlyCost).reversed().thenComparing(Snapshot::stateName));
        BigDecimal monthly = BigDecimal.ZERO;
        int resources = 0;
        int priced = 0;
        List<EstimateViews.StateEstimate> states = new ArrayList<>();
        for (Snapshot s : latest) {
            monthly = monthly.add(s.monthlyCost());
            resources += s.resourceCount();
            priced += s.pricedCount();
            states.add(new EstimateViews.StateEstimate(s.stateId(), s.stateName(), s.id(), s.calculatedAt(), ActualsService.money(s.monthlyCost()),
                    s.resourceCount(), s.coveragePercent().toPlainString()));
        }
        String coverage = resources == 0 ? "100" : BigDecimal.valueOf(priced * 100L)
                .divide(BigDecimal.valueOf(resources), 2, RoundingMode.HALF_EVEN).toPlainString();
        boolean tagged = tagKey != null && !tagKey.isBlank();
        return new EstimateViews.TenantEstimate(CURRENCY, ActualsService.money(monthly), ActualsService.money(Estimator.hourly(monthly)), resources,
                coverage, tagged ? tagKey : null, groups(tenantId, "i.provider", null), groups(tenantId, "i.type", null),
                tagged ? groups(tenantId, "coalesce(i.tags ->> :tag, 'untagged')", tagKey) : List.of(), states);
    }

    /** The tag keys of the instances of the tenant's current estimates, for choosing one to group by. */
    public List<String> tagKeys(UUID tenantId) {
        return jdbc.sql("SELECT DISTINCT k FROM estimate_instances i CROSS JOIN LATERAL jsonb_object_keys(i.tags) k"
                        + " WHERE i.tenant_id = :tenant AND i.snapshot_id IN (" + LATEST + ") ORDER BY k LIMIT 200")
                .param("tenant", tenantId).query(String.class).list();
    }

    /** Whether a price book is loaded: without one nothing can be priced. */
    public boolean priceBookLoaded() {
        return pricing.book().loadedAt() != null;
    }

    private List<EstimateViews.Group> groups(UUID tenantId, String key, String tagKey) {
        var spec = jdbc.sql("SELECT " + key + " AS key, sum(i.monthly_cost) AS cost, count(*) AS n FROM estimate_instances i"
                        + " WHERE i.tenant_id = :tenant AND i.snapshot_id IN (" + LATEST + ") GROUP BY 1 ORDER BY 2 DESC, 1")
                .param("tenant", tenantId);
        if (tagKey != null) {
            spec = spec.param("tag", tagKey);
        }
        return spec.query((rs, i) -> new EstimateViews.Group(rs.getString("key"), ActualsService.money(rs.getBigDecimal("cost")),
                rs.getInt("n"))).list();
    }

    /**
     * One point per day of [from, to) (UTC days): each state's last snapshot calculated by the end of
     * that day, carried forward until the next; a removed state counts no more from its removal.
     */
    public EstimateViews.History history(UUID tenantId, LocalDate from, LocalDate to, String groupBy, String tagKey) {
        requireBook();
        LocalDate end = to == null ? LocalDate.now(clock.withZone(ZoneOffset.UTC)).plusDays(1) : to;
        LocalDate start = from == null ? end.minusDays(30) : from;
        if (!start.isBefore(end)) {
            throw new InvalidInputException("INVALID_PARAMETER", "from must be before to");
        }
        if (ChronoUnit.DAYS.between(start, end) > LONGEST_HISTORY_DAYS) {
            throw new InvalidInputException("INVALID_PARAMETER", "the history covers at most " + LONGEST_HISTORY_DAYS + " days");
        }
        String key = switch (groupBy == null ? "" : groupBy) {
            case "" -> "'total'";
            case "provider" -> "i.provider";
            case "type" -> "i.type";
            case "state" -> "p.state_name";
            case "tag" -> {
                if (tagKey == null || tagKey.isBlank()) {
                    throw new InvalidInputException("INVALID_PARAMETER", "group_by=tag needs tag_key");
                }
                yield "coalesce(i.tags ->> :tag, 'untagged')";
            }
            default -> throw new InvalidInputException("INVALID_PARAMETER", "group_by is one of provider, type, tag, state");
        };
        var spec = jdbc.sql("WITH days AS (SELECT d::date AS day FROM generate_series(:start::date, :last::date, interval '1 day') d),"
                        + " picked AS (SELECT days.day, s.id, s.state_name FROM days"
                        + "   CROSS JOIN (SELECT DISTINCT state_id FROM estimate_snapshots WHERE tenant_id = :tenant) st"
                        + "   CROSS JOIN LATERAL (SELECT e.id, e.state_name, e.removed FROM estimate_snapshots e"
                        + "     WHERE e.tenant_id = :tenant AND e.state_id = st.state_id"
                        + "       AND e.calculated_at < ((days.day + 1)::timestamp AT TIME ZONE 'UTC')"
                        + "     ORDER BY e.calculated_at DESC, e.id LIMIT 1) s"
                        + "   WHERE NOT s.removed)"
                        + " SELECT p.day, " + key + " AS key, sum(i.monthly_cost) AS cost, count(*) AS n"
                        + " FROM picked p JOIN estimate_instances i ON i.tenant_id = :tenant AND i.snapshot_id = p.id"
                        + " GROUP BY 1, 2 ORDER BY 1, 3 DESC, 2")
                .param("start", start).param("last", end.minusDays(1)).param("tenant", tenantId);
        if (groupBy != null && groupBy.equals("tag")) {
            spec = spec.param("tag", tagKey);
        }
        Map<LocalDate, List<EstimateViews.Group>> byDay = new TreeMap<>();
        for (LocalDate d = start; d.isBefore(end); d = d.plusDays(1)) {
            byDay.put(d, new ArrayList<>());
        }
        spec.query(rs -> {
            byDay.get(rs.getObject("day", LocalDate.class)).add(new EstimateViews.Group(rs.getString("key"),
                    ActualsService.money(rs.getBigDecimal("cost")), rs.getInt("n")));
        });
        List<EstimateViews.Point> points = new ArrayList<>();
        byDay.forEach((day, groups) -> {
            BigDecimal total = groups.stream().map(g -> new BigDecimal(g.monthlyCost())).reduce(BigDecimal.ZERO, BigDecimal::add);
            points.add(new EstimateViews.Point(day, ActualsService.money(total), groupBy == null ? List.of() : groups));
        });
        return new EstimateViews.History(start, end, CURRENCY, groupBy, "tag".equals(groupBy) ? tagKey : null, points);
    }

    private Optional<Snapshot> latest(TerraformState state) {
        return snapshots.latest(state.tenantId(), state.id()).filter(s -> !s.removed());
    }

    private void requireBook() {
        if (!priceBookLoaded()) {
            throw new UnavailableException("PRICING_NOT_LOADED", "no price book is loaded, so nothing can be priced: an instance admin"
                    + " loads one with `stategraph pricing load FILE` (a dump of Infracost's cloud-pricing-api products table,"
                    + " CSV or CSV.gz) or names one in STATEGRAPH_PRICING_SOURCE");
        }
    }
}
