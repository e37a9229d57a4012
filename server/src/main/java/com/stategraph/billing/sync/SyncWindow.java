package com.stategraph.billing.sync;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The billing periods one sync replaces: whole months, from {@code first} through {@code last}
 * (the current month), each named by its first day.
 */
public record SyncWindow(LocalDate first, LocalDate last) {

    /** {@code windowMonths} months ending with the current one, or from {@code from}'s month when given. */
    public static SyncWindow of(int windowMonths, LocalDate from, LocalDate today) {
        LocalDate current = today.withDayOfMonth(1);
        LocalDate first = from != null ? from.withDayOfMonth(1) : current.minusMonths(windowMonths - 1L);
        if (first.isAfter(current)) {
            first = current;
        }
        return new SyncWindow(first, current);
    }

    public List<LocalDate> periods() {
        List<LocalDate> periods = new ArrayList<>();
        for (LocalDate p = first; !p.isAfter(last); p = p.plusMonths(1)) {
            periods.add(p);
        }
        return periods;
    }

    /** The last day of the window, as runs report it. */
    public LocalDate end() {
        return last.plusMonths(1).minusDays(1);
    }

    public boolean contains(LocalDate period) {
        return !period.isBefore(first) && !period.isAfter(last);
    }
}
