package com.stategraph.billing.load;

/** Running sums of the four cost metrics and the row count. */
final class RollupSums {
    final ExactSum billed = new ExactSum();
    final ExactSum effective = new ExactSum();
    final ExactSum list = new ExactSum();
    final ExactSum contracted = new ExactSum();
    long rows;

    void add(ExactSum.Addend[] costs) {
        billed.add(costs[0]);
        effective.add(costs[1]);
        list.add(costs[2]);
        contracted.add(costs[3]);
        rows++;
    }

    /** Another key's sums, folded into this one (a month from its days, a tag from its tag sets). */
    void add(RollupSums other) {
        billed.add(other.billed);
        effective.add(other.effective);
        list.add(other.list);
        contracted.add(other.contracted);
        rows += other.rows;
    }

    /** The four sums and the row count as the last fields of a COPY row, and the row's end. */
    void writeTo(CopyTextWriter out) throws java.io.IOException {
        out.field(billed.value().toPlainString());
        out.field(effective.value().toPlainString());
        out.field(list.value().toPlainString());
        out.field(contracted.value().toPlainString());
        out.field(Long.toString(rows));
        out.endRow();
    }
}
