package com.stategraph.billing.billing.sync;

/** The operator's cron expression: the usual five fields, or six with seconds first. */
final class SyncSchedule {
    private SyncSchedule() {
    }

    static String sixFields(String cron) {
        String trimmed = cron == null ? "" : cron.trim();
        String[] fields = trimmed.split("\\s+");
        if (fields.length == 5) {
            return "0 " + trimmed;
        }
        if (fields.length == 6) {
            return trimmed;
        }
        throw new IllegalArgumentException("STATEGRAPH_BILLING_SYNC_SCHEDULE must be a cron expression of 5 fields"
                + " (minute hour day-of-month month day-of-week), got '" + cron + "'");
    }
}
