package com.stategraph.billing.currency;

import com.stategraph.billing.domain.InvalidInputException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Amounts of some currencies into one, each at its month's rate: the pair's own rate, or one over
 * the reverse pair's. A month without either is an error naming the pair and month, never a rate of 1.
 */
public final class Converter implements com.stategraph.billing.costs.MonthlyConversion {
    private final String target;
    private final Map<String, BigDecimal> rates;
    private final Map<String, AppliedRate> applied = new LinkedHashMap<>();

    Converter(String target, Map<String, BigDecimal> rates) {
        this.target = target;
        this.rates = rates;
    }

    @Override
    public String target() {
        return target;
    }

    @Override
    public BigDecimal convert(BigDecimal amount, String from, YearMonth month) {
        if (from.equals(target)) {
            return amount;
        }
        return amount.multiply(rate(from, month));
    }

    /** The rates used so far, in the order first used. */
    public List<AppliedRate> applied() {
        return List.copyOf(applied.values());
    }

    private BigDecimal rate(String from, YearMonth month) {
        String key = from + ">" + target + "@" + month;
        AppliedRate known = applied.get(key);
        if (known != null) {
            return known.value();
        }
        BigDecimal direct = rates.get(key);
        AppliedRate rate;
        if (direct != null) {
            rate = new AppliedRate(from, target, month.toString(), direct.toPlainString(), false, direct);
        } else {
            BigDecimal reverse = rates.get(target + ">" + from + "@" + month);
            if (reverse == null) {
                throw new InvalidInputException("MISSING_EXCHANGE_RATE", "no exchange rate from " + from + " to " + target + " for " + month
                        + ": an instance admin sets it (PUT /api/v1/exchange-rates/" + from + "/" + target + "/" + month
                        + ", or loads a CSV)");
            }
            BigDecimal inverse = BigDecimal.ONE.divide(reverse, MathContext.DECIMAL64);
            rate = new AppliedRate(from, target, month.toString(), inverse.toPlainString(), true, inverse);
        }
        applied.put(key, rate);
        return rate.value();
    }
}
