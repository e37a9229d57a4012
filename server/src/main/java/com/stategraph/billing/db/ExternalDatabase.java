package com.stategraph.billing.db;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.Function;

/**
 * An operator-configured PostgreSQL: {@code STATEGRAPH_DATABASE_URL} (JDBC or
 * {@code postgres://user:pass@host:port/db}), else Stategraph's {@code DB_HOST}, {@code DB_PORT},
 * {@code DB_USER}, {@code DB_PASS}, {@code DB_NAME}.
 */
public record ExternalDatabase(String jdbcUrl, String user, String password) {

    public static Optional<ExternalDatabase> fromEnvironment(Function<String, String> env) {
        String url = blankToNull(env.apply("STATEGRAPH_DATABASE_URL"));
        if (url != null) {
            return Optional.of(parse(url));
        }
        String host = blankToNull(env.apply("DB_HOST"));
        if (host == null) {
            return Optional.empty();
        }
        String port = orDefault(env.apply("DB_PORT"), "5432");
        String name = orDefault(env.apply("DB_NAME"), "stategraph");
        return Optional.of(new ExternalDatabase("jdbc:postgresql://" + host + ":" + port + "/" + name,
                orDefault(env.apply("DB_USER"), "postgres"), blankToNull(env.apply("DB_PASS"))));
    }

    static ExternalDatabase parse(String url) {
        if (url.startsWith("jdbc:postgresql:")) {
            return new ExternalDatabase(url, null, null);
        }
        if (!url.startsWith("postgres://") && !url.startsWith("postgresql://")) {
            throw new IllegalArgumentException(
                    "STATEGRAPH_DATABASE_URL must start with jdbc:postgresql:, postgres:// or postgresql://");
        }
        URI uri = URI.create(url);
        if (uri.getHost() == null) {
            throw new IllegalArgumentException("STATEGRAPH_DATABASE_URL has no host");
        }
        String user = null;
        String password = null;
        if (uri.getRawUserInfo() != null) {
            String[] parts = uri.getRawUserInfo().split(":", 2);
            user = decode(parts[0]);
            password = parts.length > 1 ? decode(parts[1]) : null;
        }
        int port = uri.getPort() < 0 ? 5432 : uri.getPort();
        String db = uri.getRawPath() == null || uri.getRawPath().length() <= 1 ? "/postgres" : uri.getRawPath();
        String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
        return new ExternalDatabase("jdbc:postgresql://" + uri.getHost() + ":" + port + db + query, user, password);
    }

    /** The URL without credentials, safe to log. */
    @Override
    public String toString() {
        return jdbcUrl.replaceAll("(?i)password=[^&]*", "password=***");
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static String orDefault(String s, String fallback) {
        String v = blankToNull(s);
        return v == null ? fallback : v;
    }
}
