package com.stategraph.billing.load;

import static org.assertj.core.api.Assertions.assertThat;

import com.stategraph.billing.format.CanonicalRow;
import com.stategraph.billing.format.ConformanceFindings;
import com.stategraph.billing.format.FocusNormaliser;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What the rollup counts against its heap budget: each held key, and each distinct string once,
 * however many keys and rows name it. A reader gives every row strings of their own, so a string
 * counted per key made an export of a few thousand resources look many times its size and flush
 * its sums a dozen times.
 */
class DailyRollupMemoryTest {
    private static final List<String> HEADER = List.of("BilledCost", "BillingCurrency", "BillingPeriodStart", "ChargePeriodStart",
            "ChargeCategory", "ServiceName", "SubAccountId", "RegionId", "ResourceId", "Tags");
    private static final String TAGS = "{\"team\":\"core\",\"env\":\"prod\",\"owner\":\"core-lead@example.com\"}";

    private final FocusNormaliser normaliser = new FocusNormaliser("file:///m.csv", HEADER, new ConformanceFindings());

    /** A row of {@code day} (1 to 28) of {@code month}; every string a new instance, as a reader's are. */
    private CanonicalRow row(YearMonth month, int day, String resource) {
        return row(month, day, resource, TAGS);
    }

    private CanonicalRow row(YearMonth month, int day, String resource, String tags) {
        return normaliser.normalise(new Object[] {"1.25", fresh("USD"), month.atDay(1) + "T00:00:00Z",
                month.atDay(day) + "T00:00:00Z", fresh("Usage"), fresh("Amazon Elastic Compute Cloud"), fresh("444455556610"),
                fresh("us-east-1"), fresh(resource), fresh(tags)}, day);
    }

    /** Tags of their own: a resource's name among them. */
    private static String tagsOf(String name) {
        return "{\"team\":\"core\",\"name\":\"" + name + "\"}";
    }

    private static String fresh(String s) {
        return new String(s.toCharArray());
    }

    @Test
    void aStringOnManyKeysIsCountedOnce() {
        DailyRollup rollup = new DailyRollup("AWS", Integer.MAX_VALUE, Long.MAX_VALUE, Integer.MAX_VALUE);
        String resource = "arn:aws:ec2:us-east-1:444455556610:instance/i-0123456789abcdef0";
        int months = 24;
        int days = 28;
        for (int m = 0; m < months; m++) {
            for (int d = 1; d <= days; d++) {
                rollup.add(row(YearMonth.of(2024, 1).plusMonths(m), d, resource));
            }
        }
        // A day key and a tag-set key a day (the resources' sums are ResourceSums', not held here).
        long keys = 2L * months * days;
        // Every string the rows' keys name (service, currency, account, region, category, tags, provider), at most twice a char.
        long strings = 7L * DailyRollup.STRING_BYTES + 2L * (TAGS.length() + 60);
        assertThat(rollup.heldBytes()).isGreaterThanOrEqualTo(keys * DailyRollup.KEY_BYTES)
                .isLessThanOrEqualTo(keys * DailyRollup.KEY_BYTES + strings);
    }

    @Test
    void aTagSetOfItsOwnPerLineIsCountedPerLineAndFillsTheBudget() {
        int lines = 500;
        String prefix = "arn:aws:lambda:us-east-1:444455556610:function:".repeat(4);
        // What the tag sets' characters alone take, without any key: the rollup must be full by then.
        long budget = 2L * lines * prefix.length();
        DailyRollup own = new DailyRollup("AWS", Integer.MAX_VALUE, budget, Integer.MAX_VALUE);
        DailyRollup shared = new DailyRollup("AWS", Integer.MAX_VALUE, budget, Integer.MAX_VALUE);
        YearMonth month = YearMonth.of(2024, 3);
        for (int i = 0; i < lines; i++) {
            own.add(row(month, 1 + i % 28, prefix + i, tagsOf(prefix + i)));
            shared.add(row(month, 1 + i % 28, prefix + i, tagsOf(prefix)));
        }
        assertThat(own.full()).isTrue();
        assertThat(own.heldBytes()).isGreaterThanOrEqualTo(lines * (DailyRollup.KEY_BYTES + DailyRollup.STRING_BYTES
                + 2L * prefix.length()));
        // The same lines sharing one tag set: a day key and a tag-set key a day, the tags once.
        assertThat(shared.full()).isFalse();
    }

    @Test
    void aFlushForgetsWhatWasHeld() throws Exception {
        DailyRollup rollup = new DailyRollup("AWS", Integer.MAX_VALUE, Long.MAX_VALUE, Integer.MAX_VALUE);
        rollup.add(row(YearMonth.of(2024, 3), 1, "i-1"));
        assertThat(rollup.heldBytes()).isPositive();
        rollup.prepare(true);
        assertThat(rollup.heldBytes()).isZero();
        java.io.StringWriter written = new java.io.StringWriter();
        CopyTextWriter out = new CopyTextWriter(written);
        rollup.writeDays(out, "t", "s");
        rollup.writeMonths(out, "t", "s");
        rollup.writeTags(out, "t", "s");
        rollup.writeTagSets(out, "t", "s");
        // A day, a month, three tags, a tag set.
        assertThat(written.toString().lines()).hasSize(6);
        // The same strings after the flush are held, and counted, again.
        rollup.add(row(YearMonth.of(2024, 3), 1, "i-1"));
        assertThat(rollup.heldBytes()).isGreaterThanOrEqualTo(3L * DailyRollup.KEY_BYTES + 2L * DailyRollup.STRING_BYTES);
    }

    /**
     * At a tag set per line a flush while reading writes the tag sets and keeps the days summing;
     * the last flush writes them once, with every line they summed.
     */
    @Test
    void aFlushWhileReadingKeepsTheSmallMapsSumming() throws Exception {
        DailyRollup rollup = new DailyRollup("AWS", Integer.MAX_VALUE, Long.MAX_VALUE, Integer.MAX_VALUE);
        YearMonth month = YearMonth.of(2024, 3);
        String prefix = "arn:aws:lambda:us-east-1:444455556610:function:";
        int lines = 560;
        for (int i = 0; i < lines / 2; i++) {
            rollup.add(row(month, 1 + i % 28, prefix + i, tagsOf(prefix + i)));
        }
        rollup.prepare(false);
        // Kept: the 28 days, their keys and the strings they name counted again.
        assertThat(rollup.heldBytes()).isBetween(28L * DailyRollup.KEY_BYTES, 28L * DailyRollup.KEY_BYTES + 16_384);
        Written first = written(rollup);
        assertThat(first.days()).isEmpty();
        assertThat(first.months()).isEmpty();
        assertThat(first.tagSets()).hasSize(lines / 2);
        for (int i = lines / 2; i < lines; i++) {
            rollup.add(row(month, 1 + i % 28, prefix + i, tagsOf(prefix + i)));
        }
        rollup.prepare(true);
        Written last = written(rollup);
        assertThat(last.days()).hasSize(28);
        assertThat(last.days().stream().mapToLong(DailyRollupMemoryTest::rowCount).sum()).isEqualTo(lines);
        assertThat(last.months()).hasSize(1);
        assertThat(rowCount(last.months().get(0))).isEqualTo(lines);
        // The second half's tag sets only: the first half's were written by the first flush.
        assertThat(last.tagSets()).hasSize(lines / 2);
        assertThat(last.tagSets().stream().mapToLong(DailyRollupMemoryTest::rowCount).sum()).isEqualTo(lines / 2);
        assertThat(rollup.heldBytes()).isZero();
    }

    private record Written(List<String> days, List<String> months, List<String> tagSets) {
    }

    private static Written written(DailyRollup rollup) throws Exception {
        return new Written(lines(out -> rollup.writeDays(out, "t", "s")), lines(out -> rollup.writeMonths(out, "t", "s")),
                lines(out -> rollup.writeTagSets(out, "t", "s")));
    }

    private interface Write {
        void to(CopyTextWriter out) throws Exception;
    }

    private static List<String> lines(Write write) throws Exception {
        java.io.StringWriter text = new java.io.StringWriter();
        write.to(new CopyTextWriter(text));
        return text.toString().lines().toList();
    }

    /** A COPY row's last field: the lines it sums. */
    private static long rowCount(String copyRow) {
        return Long.parseLong(copyRow.substring(copyRow.lastIndexOf('\t') + 1));
    }
}
