package com.stategraph.billing.currency;

import com.stategraph.billing.costs.ActualsService;
import com.stategraph.billing.costs.CommitmentCoverage;
import com.stategraph.billing.costs.Commitments;
import com.stategraph.billing.costs.Invoices;
import com.stategraph.billing.costs.Savings;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.springframework.stereotype.Service;

/**
 * The billing-period views (savings, commitment use and coverage, invoices) in one currency: each
 * group's amounts converted at its billing period's rate, groups that differed only by currency
 * summed, and the rates and shares computed again from the converted sums.
 */
@Service
public class ConvertedPeriods {
    private final ExchangeRates rates;

    ConvertedPeriods(ExchangeRates rates) {
        this.rates = rates;
    }

    public Savings.Page savings(Savings.Page page, String target) {
        Converter c = converter(page.periodFrom(), page.periodTo(), page.results(), Savings.Group::currency, target);
        Map<String, Sums> merged = merge(page.results(), g -> g.billingPeriod() + "\u0000" + g.provider() + "\u0000" + g.serviceName(),
                g -> g.billingPeriod(), g -> g.currency(), c, g -> new String[] {g.listCost(), g.contractedCost(), g.effectiveCost(),
                        g.missingPriceEffectiveCost()}, g -> new long[] {g.missingPriceLines(), g.lineCount()});
        List<Savings.Group> out = new ArrayList<>();
        merged.values().forEach(m -> {
            Savings.Group g = (Savings.Group) m.first;
            BigDecimal list = m.amounts[0];
            BigDecimal total = list.subtract(m.amounts[2]);
            out.add(new Savings.Group(g.billingPeriod(), g.provider(), g.serviceName(), target, money(list), money(m.amounts[1]),
                    money(m.amounts[2]), money(list.subtract(m.amounts[1])), money(m.amounts[1].subtract(m.amounts[2])), money(total),
                    percent(total, list), m.counts[0], money(m.amounts[3]), m.counts[1]));
        });
        return new Savings.Page(page.periodFrom(), page.periodTo(), out);
    }

    public Commitments.Page commitments(Commitments.Page page, String target) {
        Converter c = converter(page.periodFrom(), page.periodTo(), page.results(), Commitments.Utilization::currency, target);
        Map<String, Sums> merged = merge(page.results(), u -> u.billingPeriod() + "\u0000" + u.commitmentDiscountId(),
                u -> u.billingPeriod(), u -> u.currency(), c, u -> new String[] {u.usedCost(), u.unusedCost()},
                u -> new long[] {u.lineCount()});
        List<Commitments.Utilization> out = new ArrayList<>();
        merged.values().forEach(m -> {
            Commitments.Utilization u = (Commitments.Utilization) m.first;
            out.add(new Commitments.Utilization(u.billingPeriod(), u.commitmentDiscountId(), u.name(), u.type(), u.category(), target,
                    money(m.amounts[0]), money(m.amounts[1]), percent(m.amounts[0], m.amounts[0].add(m.amounts[1])), m.counts[0]));
        });
        return new Commitments.Page(page.periodFrom(), page.periodTo(), out);
    }

    public CommitmentCoverage.Page coverage(CommitmentCoverage.Page page, String target) {
        Converter c = converter(page.periodFrom(), page.periodTo(), page.results(), CommitmentCoverage.Group::currency, target);
        Map<String, Sums> merged = merge(page.results(), g -> g.billingPeriod() + "\u0000" + g.provider() + "\u0000" + g.serviceName(),
                g -> g.billingPeriod(), g -> g.currency(), c, g -> new String[] {g.coveredCost(), g.onDemandCost()},
                g -> new long[] {g.lineCount()});
        List<CommitmentCoverage.Group> out = new ArrayList<>();
        merged.values().forEach(m -> {
            CommitmentCoverage.Group g = (CommitmentCoverage.Group) m.first;
            out.add(new CommitmentCoverage.Group(g.billingPeriod(), g.provider(), g.serviceName(), target, money(m.amounts[0]),
                    money(m.amounts[1]), percent(m.amounts[0], m.amounts[0].add(m.amounts[1])), m.counts[0]));
        });
        return new CommitmentCoverage.Page(page.periodFrom(), page.periodTo(), out);
    }

    public Invoices.Page invoices(Invoices.Page page, String target) {
        Converter c = converter(page.periodFrom(), page.periodTo(), page.results(), Invoices.Invoice::currency, target);
        Map<String, Sums> merged = merge(page.results(), i -> i.billingPeriod() + "\u0000" + i.invoiceIssuer() + "\u0000" + i.invoiceId(),
                i -> i.billingPeriod(), i -> i.currency(), c, i -> new String[] {i.billedCost()}, i -> new long[] {i.lineCount()});
        List<Invoices.Invoice> out = new ArrayList<>();
        merged.values().forEach(m -> {
            Invoices.Invoice i = (Invoices.Invoice) m.first;
            out.add(new Invoices.Invoice(i.billingPeriod(), i.invoiceIssuer(), i.invoiceId(), target, money(m.amounts[0]), m.counts[0]));
        });
        return new Invoices.Page(page.periodFrom(), page.periodTo(), out);
    }

    /** A merged group: the first of the groups it sums, and their converted amounts and counts. */
    private static final class Sums {
        final Object first;
        final BigDecimal[] amounts;
        final long[] counts;

        Sums(Object first, int amounts, int counts) {
            this.first = first;
            this.amounts = new BigDecimal[amounts];
            java.util.Arrays.fill(this.amounts, BigDecimal.ZERO);
            this.counts = new long[counts];
        }
    }

    private static <T> Map<String, Sums> merge(List<T> groups, Function<T, String> key, Function<T, String> period,
                                               Function<T, String> currency, Converter c, Function<T, String[]> amounts,
                                               Function<T, long[]> counts) {
        Map<String, Sums> merged = new LinkedHashMap<>();
        for (T g : groups) {
            String[] a = amounts.apply(g);
            long[] n = counts.apply(g);
            Sums s = merged.computeIfAbsent(key.apply(g), k -> new Sums(g, a.length, n.length));
            YearMonth month = YearMonth.parse(period.apply(g));
            for (int i = 0; i < a.length; i++) {
                BigDecimal amount = new BigDecimal(a[i]);
                if (amount.signum() != 0) {
                    s.amounts[i] = s.amounts[i].add(c.convert(amount, currency.apply(g), month));
                }
            }
            for (int i = 0; i < n.length; i++) {
                s.counts[i] += n[i];
            }
        }
        return merged;
    }

    private <T> Converter converter(String from, String to, List<T> groups, Function<T, String> currency, String target) {
        YearMonth first = YearMonth.parse(from);
        YearMonth last = YearMonth.parse(to).minusMonths(1);
        return rates.converter(groups.stream().map(currency).toList(), target, first, last.isBefore(first) ? first : last);
    }

    private static String money(BigDecimal amount) {
        return ActualsService.money(amount);
    }

    private static String percent(BigDecimal part, BigDecimal whole) {
        return whole.signum() == 0 ? null : part.multiply(BigDecimal.valueOf(100)).divide(whole, 2, RoundingMode.HALF_EVEN).toPlainString();
    }
}
