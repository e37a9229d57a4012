package com.stategraph.billing.auth;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Failed console sign-ins counted per account and per client address in fixed windows, in the
 * database so every replica counts together. An account is never refused: past a few failures each
 * attempt at it waits longer before its password is checked (doubling, up to a cap), so guessing is
 * slow from any number of addresses while the owner, with the right password, still gets in. An
 * address past its limit is refused for the rest of the window, which stops one guesser without
 * shutting anybody else out.
 */
@Component
public class SignInThrottle {
    private final JdbcClient jdbc;
    private final Clock clock;
    private final int freePerAccount;
    private final Duration firstDelay;
    private final Duration maxDelay;
    private final int perAddress;
    private final Duration window;

    SignInThrottle(JdbcClient jdbc, Clock clock, @Value("${stategraph.sign-in.free-failures-per-account:3}") int freePerAccount,
                   @Value("${stategraph.sign-in.first-delay:PT1S}") Duration firstDelay,
                   @Value("${stategraph.sign-in.max-delay:PT10S}") Duration maxDelay,
                   @Value("${stategraph.sign-in.max-failures-per-address:20}") int perAddress,
                   @Value("${stategraph.sign-in.window:PT15M}") Duration window) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.freePerAccount = freePerAccount;
        this.firstDelay = firstDelay;
        this.maxDelay = maxDelay;
        this.perAddress = perAddress;
        this.window = window;
    }

    public Duration window() {
        return window;
    }

    /** Whether the address is past its limit: its sign-ins are refused without looking at the password. */
    public boolean blocked(String address) {
        return failures(addressKey(address)) >= perAddress;
    }

    /** How long a sign-in to this account waits before its password is checked: zero, then doubling up to the cap. */
    public Duration delayFor(String email) {
        int past = failures(accountKey(email)) - freePerAccount;
        if (past < 0) {
            return Duration.ZERO;
        }
        Duration delay = firstDelay.multipliedBy(1L << Math.min(past, 20));
        return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
    }

    public void failed(String email, String address) {
        count(accountKey(email));
        count(addressKey(address));
    }

    /** A successful sign-in clears the account's count (not the address's: one good account must not unlock guessing others). */
    public void succeeded(String email) {
        jdbc.sql("DELETE FROM sign_in_failures WHERE key = ?").param(accountKey(email)).update();
    }

    private int failures(String key) {
        Instant since = clock.instant().minus(window);
        return jdbc.sql("SELECT failures FROM sign_in_failures WHERE key = ? AND window_start > ?")
                .params(key, Timestamp.from(since)).query(Integer.class).optional().orElse(0);
    }

    private void count(String key) {
        Instant now = clock.instant();
        jdbc.sql("INSERT INTO sign_in_failures (key, window_start, failures) VALUES (?, ?, 1) ON CONFLICT (key) DO UPDATE SET"
                        + " failures = CASE WHEN sign_in_failures.window_start > ? THEN sign_in_failures.failures + 1 ELSE 1 END,"
                        + " window_start = CASE WHEN sign_in_failures.window_start > ? THEN sign_in_failures.window_start ELSE ? END")
                .params(key, Timestamp.from(now), Timestamp.from(now.minus(window)), Timestamp.from(now.minus(window)), Timestamp.from(now))
                .update();
    }

    private static String accountKey(String email) {
        return "account:" + (email == null ? "" : email.trim().toLowerCase(Locale.ROOT));
    }

    private static String addressKey(String address) {
        return "address:" + address;
    }
}
