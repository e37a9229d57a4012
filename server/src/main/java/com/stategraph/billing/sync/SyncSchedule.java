package com.stategraph.billing.sync;

/** The operator's cron expression: the usual five fields, or six with seconds first; and its time zone. */
final class SyncSchedule {
    private SyncSchedule() {
    }

    static java.time.ZoneId zone(String zone) {
        try {
            return java.time.ZoneId.of(zone == null || zone.isBlank() ? "UTC" : zone.trim());
        } catch (java.time.DateTimeException e) {
            throw new IllegalArgumentException("STATEGRAPH_BILLING_SYNC_TIMEZONE must be a time zone such as UTC or"
                    + " Europe/Berlin, got '" + zone + "'");
        }
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
