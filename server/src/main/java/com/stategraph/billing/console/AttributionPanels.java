package com.stategraph.billing.console;

import com.stategraph.billing.attribution.Attribution;
import com.stategraph.billing.attribution.AttributionService;
import com.stategraph.billing.attribution.Compared;
import com.stategraph.billing.attribution.NoResourceIdLines;
import com.stategraph.billing.attribution.RunRateComparison;
import com.stategraph.billing.attribution.UnmanagedResources;
import com.stategraph.billing.estimates.EstimateService;
import com.stategraph.billing.states.TerraformState;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * What the console shows of attribution: the split of a range's spend into attributed, unmanaged
 * and unallocated, the unmanaged resources that cost the most, and estimate against actual.
 */
@Component
public class AttributionPanels {
    /** A difference within this share of the estimate is not highlighted: usage and proration make small ones normal. */
    private static final BigDecimal TOLERANCE = new BigDecimal("0.10");

    private final AttributionService attribution;
    private final UnmanagedResources unmanaged;
    private final RunRateComparison comparison;
    private final EstimateService estimates;
    private final com.stategraph.billing.currency.ExchangeRates rates;
    private final NoResourceIdLines noResourceId;

    public AttributionPanels(AttributionService attribution, UnmanagedResources unmanaged, RunRateComparison comparison,
                             EstimateService estimates, com.stategraph.billing.currency.ExchangeRates rates,
                             NoResourceIdLines noResourceId) {
        this.rates = rates;
        this.noResourceId = noResourceId;
        this.attribution = attribution;
        this.unmanaged = unmanaged;
        this.comparison = comparison;
        this.estimates = estimates;
    }

    /** One part of the split: its exact amount, its share of the total, and its width in the bar (positive parts only). */
    public record Part(String id, String name, String amount, String exact, String share, String width, long lines) {
    }

    public record Split(String currency, String total, String totalExact, String coverage, List<Part> parts, String computedAt,
                        long uncomputedCount, String noResourceId) {
    }

    public record UnmanagedLine(String resourceId, String provider, String service, String type, String region,
                                String amount, String exact, long lines) {
    }

    /**
     * One row: the monthly estimate, the actual cost of the window and its monthly run rate, the difference as people
     * read it ("+12 %", "x3.4", or why it cannot be compared); "over" or "under" past the tolerance.
     */
    public record CompareLine(String key, String estimated, String actual, String billedDays, String runRate, String difference,
                              String exactDifference, String highlight) {
    }

    public record CompareTable(String title, String window, String note, CompareLine total, List<CompareLine> lines,
                               List<String> spendWithoutEstimate, List<String> estimateWithoutSpend, List<String> otherCurrencies) {
    }

    /** The split of {@code [from, to)} in one currency, or null when the range has none of it. */
    public Split split(UUID tenant, LocalDate from, LocalDate to, String metric, String currency, boolean converted) {
        // converted: every currency's lines in this one, at their months' rates, as the page's other amounts
        Attribution a = attribution.attribution(tenant, from.toString(), to.toString(), metric, converted ? rates.into(currency) : null);
        Attribution.Split s = a.byCurrency().stream().filter(c -> c.currency().equals(currency)).findFirst().orElse(null);
        if (s == null) {
            return null;
        }
        long attributedLines = 0;
        long unmanagedLines = 0;
        long unallocatedLines = 0;
        if (a.byCurrency().size() == 1) {
            attributedLines = a.attributedCount();
            unmanagedLines = a.unmanagedCount();
            unallocatedLines = a.unallocatedCount();
        }
        BigDecimal total = new BigDecimal(s.totalCost());
        BigDecimal notYet = total.subtract(new BigDecimal(s.attributedCost())).subtract(new BigDecimal(s.unmanagedCost()))
                .subtract(new BigDecimal(s.unallocatedCost()));
        List<String[]> raw = new ArrayList<>(List.of(
                new String[] {"attributed", "Managed by Terraform", s.attributedCost(), Long.toString(attributedLines)},
                new String[] {"unmanaged", "Unmanaged resources", s.unmanagedCost(), Long.toString(unmanagedLines)},
                new String[] {"unallocated", "No resource ID", s.unallocatedCost(),
                        Long.toString(unallocatedLines)}));
        if (notYet.signum() != 0 || a.uncomputedCount() > 0) {
            raw.add(new String[] {"uncomputed", "Not attributed yet (loaded since the last attribution)", notYet.toPlainString(),
                    Long.toString(a.uncomputedCount())});
        }
        BigDecimal positive = raw.stream().map(r -> new BigDecimal(r[2])).filter(v -> v.signum() > 0)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        List<Part> parts = raw.stream().map(r -> {
            BigDecimal v = new BigDecimal(r[2]);
            String width = positive.signum() == 0 || v.signum() <= 0 ? "0"
                    : v.multiply(BigDecimal.valueOf(100)).divide(positive, 2, RoundingMode.HALF_UP).toPlainString();
            return new Part(r[0], r[1], Money.format(r[2], currency), Money.exact(r[2], currency), percent(v, total), width,
                    Long.parseLong(r[3]));
        }).toList();
        List<String> byProvider = a.byProvider().stream()
                .filter(p -> p.currency().equals(currency) && new BigDecimal(p.unallocatedCost()).signum() != 0)
                .sorted(java.util.Comparator.comparing((Attribution.Split p) -> new BigDecimal(p.unallocatedCost()).abs()).reversed())
                .map(p -> p.provider() + " " + Money.format(p.unallocatedCost(), currency)).toList();
        String computed = a.computedAt() == null ? null : new Times().utc(a.computedAt());
        Map<String, BigDecimal> categories = noResourceId.byCategory(tenant, from, to, metric, converted ? rates.into(currency) : null)
                .getOrDefault(currency, Map.of());
        List<String> byCategory = categories.entrySet().stream().filter(e -> e.getValue().signum() != 0)
                .sorted(Map.Entry.<String, BigDecimal>comparingByValue(java.util.Comparator.comparing(BigDecimal::abs)).reversed())
                .map(e -> (e.getKey().isEmpty() ? "not recorded (loaded before categories were kept: sync again)" : e.getKey()) + " "
                        + Money.format(e.getValue().toPlainString(), currency))
                .toList();
        String here = byCategory.isEmpty() ? "" : String.join(", ", byCategory)
                + (byProvider.isEmpty() ? "" : "; from " + String.join(", ", byProvider));
        return new Split(currency, Money.format(s.totalCost(), currency), Money.exact(s.totalCost(), currency), s.coveragePercent(),
                parts, computed, a.uncomputedCount(), here);
    }

    /** The unmanaged resources of {@code [from, to)} with the largest billed cost. */
    public List<UnmanagedLine> topUnmanaged(UUID tenant, LocalDate from, LocalDate to, int limit) {
        return unmanaged.page(tenant, from.toString(), to.toString(), limit, null).results().stream()
                .map(u -> new UnmanagedLine(u.resourceId(), u.provider(), nullToEmpty(u.serviceName()), nullToEmpty(u.resourceType()),
                        nullToEmpty(u.regionId()), Money.format(u.billedCost(), u.currency()), Money.exact(u.billedCost(), u.currency()),
                        u.lineCount()))
                .toList();
    }

    /**
     * The tenant's resources by state, by resource type and by team (the first of the usual team-like tag keys the
     * states carry): each current estimate against its monthly run rate; none when there is neither an estimate nor
     * attributed spend.
     */
    public List<CompareTable> tenant(UUID tenant) {
        List<Compared.Grouping> groupings = new ArrayList<>(List.of(new Compared.Grouping("state", null),
                new Compared.Grouping("type", null)));
        List<String> tagKeys = estimates.tagKeys(tenant);
        EstimatesController.PREFERRED_TAGS.stream().filter(tagKeys::contains).findFirst()
                .ifPresent(key -> groupings.add(new Compared.Grouping("tag", key)));
        List<Compared.Comparison> compared = comparison.tenant(tenant, null, groupings, null);
        CompareTable byState = table("Estimate vs actual by state", compared.get(0));
        if (byState.lines().isEmpty()) {
            return List.of();
        }
        List<CompareTable> tables = new ArrayList<>();
        tables.add(byState);
        tables.add(table("Estimate vs actual by resource type", compared.get(1)));
        if (compared.size() > 2) {
            tables.add(table("Estimate vs actual by tag " + groupings.get(2).tagKey(), compared.get(2)));
        }
        return tables;
    }

    /** One state's resources. */
    public CompareTable state(TerraformState state) {
        return table("Estimate vs actual by resource", comparison.state(state.tenantId(), state.id(), null));
    }

    private static CompareTable table(String title, Compared.Comparison c) {
        String currency = c.currency();
        List<CompareLine> lines = c.groups().stream().map(r -> line(r, currency)).toList();
        String window = c.spanStart() == null ? null : c.spanStart() + " to " + c.spanEnd();
        // "Spend without an estimate" is said once per page: under the first table.
        return new CompareTable(title, window, c.note(), line(c.total(), currency), lines, c.spendWithoutEstimate(),
                c.estimateWithoutSpend(), c.otherCurrencies());
    }

    private static CompareLine line(Compared.Row r, String currency) {
        String highlight = "";
        String difference;
        String title;
        if (!r.comparable()) {
            // the reason in the tooltip: a sentence in the cell would push the column off narrow screens
            difference = "not comparable";
            title = r.notComparable();
            highlight = "not-comparable";
        } else {
            BigDecimal percent = new BigDecimal(r.differencePercent());
            if (percent.compareTo(TOLERANCE.multiply(BigDecimal.valueOf(100))) > 0) {
                highlight = "over";
            } else if (percent.negate().compareTo(TOLERANCE.multiply(BigDecimal.valueOf(100))) > 0) {
                highlight = "under";
            }
            difference = Money.difference(percent);
            title = r.difference() == null ? "" : Money.exact(r.difference(), currency);
        }
        return new CompareLine(r.key(), r.estimatedMonthly() == null ? "not estimated" : Money.format(r.estimatedMonthly(), currency),
                Money.format(r.actualCost(), currency), Integer.toString(r.billedDays()),
                Money.format(r.actualMonthlyRunRate(), currency), difference, title, highlight);
    }

    private static String percent(BigDecimal part, BigDecimal total) {
        return total.signum() == 0 ? "" : part.multiply(BigDecimal.valueOf(100)).divide(total, 2, RoundingMode.HALF_UP).toPlainString() + " %";
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
