package com.stategraph.billing.storage;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a billing source's files live: {@code s3://bucket/key}, {@code gs://bucket/key},
 * {@code abfss://container@account.dfs.core.windows.net/path} or {@code file:///path}. The path
 * may hold a glob; {@link #fixedPrefix()} is the part before the first wildcard, which is all a
 * store ever lists.
 */
public record Location(Scheme scheme, String container, String account, String path) {

    public enum Scheme {
        S3("s3"), GS("gs"), ABFSS("abfss"), FILE("file");

        private final String prefix;

        Scheme(String prefix) {
            this.prefix = prefix;
        }

        public String prefix() {
            return prefix;
        }
    }

    private static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9.\\-_]{1,221}[a-z0-9]");
    private static final Pattern ABFSS_AUTHORITY =
            Pattern.compile("([a-z0-9](?:[a-z0-9-]{1,61}[a-z0-9])?)@([a-z0-9]{3,24})\\.dfs\\.core\\.windows\\.net");

    /** @throws IllegalArgumentException saying what is wrong with the URI */
    public static Location parse(String uri) {
        if (uri == null || uri.isBlank()) {
            throw new IllegalArgumentException("the URI is empty");
        }
        int sep = uri.indexOf("://");
        if (sep <= 0) {
            throw new IllegalArgumentException("'" + uri + "' has no scheme (expected s3://, gs://, abfss:// or file://)");
        }
        String schemeText = uri.substring(0, sep).toLowerCase(Locale.ROOT);
        String rest = uri.substring(sep + 3);
        Scheme scheme = switch (schemeText) {
            case "s3" -> Scheme.S3;
            case "gs" -> Scheme.GS;
            case "abfss" -> Scheme.ABFSS;
            case "file" -> Scheme.FILE;
            default -> throw new IllegalArgumentException("unsupported scheme '" + schemeText
                    + "://' (expected s3://, gs://, abfss:// or file://)");
        };
        if (scheme == Scheme.FILE) {
            if (!rest.startsWith("/")) {
                throw new IllegalArgumentException("a file URI needs an absolute path: file:///path/to/files");
            }
            return new Location(scheme, "", "", rest);
        }
        int slash = rest.indexOf('/');
        String authority = slash < 0 ? rest : rest.substring(0, slash);
        String path = slash < 0 ? "" : rest.substring(slash + 1);
        if (scheme == Scheme.ABFSS) {
            Matcher m = ABFSS_AUTHORITY.matcher(authority);
            if (!m.matches()) {
                throw new IllegalArgumentException("'" + uri
                        + "' is not of the form abfss://container@account.dfs.core.windows.net/path");
            }
            return new Location(scheme, m.group(1), m.group(2), path);
        }
        if (!BUCKET.matcher(authority).matches()) {
            throw new IllegalArgumentException("'" + authority + "' is not a valid bucket name in '" + uri + "'");
        }
        return new Location(scheme, authority, "", path);
    }

    /** The path up to and including the last '/' before the first wildcard. */
    public String fixedPrefix() {
        int wildcard = Glob.firstWildcard(path);
        if (wildcard < 0) {
            return path;
        }
        int lastSlash = path.lastIndexOf('/', wildcard);
        return lastSlash < 0 ? "" : path.substring(0, lastSlash + 1);
    }

    /** The full URI of an object of this location's bucket or container, as users see it in errors. */
    public String uriOf(String key) {
        return switch (scheme) {
            case FILE -> "file://" + key;
            case ABFSS -> "abfss://" + container + "@" + account + ".dfs.core.windows.net/" + key;
            default -> scheme.prefix() + "://" + container + "/" + key;
        };
    }

    /** Which listed keys this location names: by its glob, or anything under a plain prefix. */
    public java.util.function.Predicate<String> matcher() {
        if (hasGlob()) {
            Glob glob = glob();
            return glob::matches;
        }
        return key -> key.startsWith(path);
    }

    public boolean hasGlob() {
        return Glob.firstWildcard(path) >= 0;
    }

    public Glob glob() {
        return Glob.compile(path);
    }
}
