package com.stategraph.billing.console;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.springframework.stereotype.Component;

/** Moments as pages show them: to the minute, in UTC, which every date of the data is in (the exact instant in the API). */
@Component("times")
public class Times {
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    public String utc(Instant moment) {
        return moment == null ? "—" : MINUTE.format(moment);
    }
}
