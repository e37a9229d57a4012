package com.stategraph.billing.costs;

import java.util.ArrayList;
import java.util.List;

/** A statement of {@link ActualsRepository} and its parameters, built in order. */
final class Sql {
    final StringBuilder text;
    final List<Object> params = new ArrayList<>();
    /** Whether its rows carry the {@code folded} column ("other", summed by the database). */
    boolean folds;

    Sql(String start, Object... params) {
        this.text = new StringBuilder(start);
        this.params.addAll(List.of(params));
    }

    void append(String more, Object... values) {
        text.append(more);
        params.addAll(List.of(values));
    }

    void andIf(Object value, String condition) {
        if (value != null) {
            append(" AND " + condition, value);
        }
    }
}
