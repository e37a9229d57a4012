package com.stategraph.billing.attribution;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a bill's ResourceId and a state's identifiers are compared. Each is brought to one
 * canonical form: Azure resource ids lower-cased (Azure writes {@code resourceGroups} and
 * {@code resourcegroups}, {@code Microsoft.Storage} and {@code microsoft.storage} for the same
 * resource); Google full resource names and self links cut to their common {@code projects/...}
 * part; everything else as it is (AWS ids and ARNs are case-sensitive). An ARN-shaped ResourceId
 * (any partition: {@code arn:aws:}, {@code arn:aws-cn:}, {@code arn:aws-us-gov:}, anonymised
 * ones) also has a bare id, its resource part's last segment, for states whose id is that bare id;
 * so has a Google resource name (its last segment: a bill may name an instance by its number,
 * which the state holds as {@code instance_id}).
 */
public final class CloudIds {
    /** Bump when a rule changes: attributions computed by another version are computed again. */
    public static final int MATCHER_VERSION = 1;

    private static final Pattern ARN = Pattern.compile("arn:[^:]+:[^:]*:[^:]*:[^:]*:(.+)");
    private static final Pattern GOOGLE = Pattern.compile("(?://[a-z0-9.-]+\\.googleapis\\.com/|https://[a-z0-9.-]+\\.googleapis\\.com/"
            + "(?:[a-z0-9]+/v[0-9a-z.]+/)?)(projects/.+)");

    private CloudIds() {
    }

    /** The canonical form, or null for an empty id. */
    public static String canonical(String id) {
        if (id == null) {
            return null;
        }
        String trimmed = id.trim();
        if (trimmed.isEmpty()) {
            return null;
        }
        if (trimmed.regionMatches(true, 0, "/subscriptions/", 0, "/subscriptions/".length())) {
            String lower = trimmed.toLowerCase(Locale.ROOT);
            return lower.endsWith("/") ? lower.substring(0, lower.length() - 1) : lower;
        }
        Matcher google = GOOGLE.matcher(trimmed);
        if (google.matches()) {
            return google.group(1);
        }
        return trimmed;
    }

    /** The bare id of an ARN-shaped id or a Google resource name (the last segment), or null. */
    public static String bare(String id) {
        if (id == null) {
            return null;
        }
        String trimmed = id.trim();
        Matcher google = GOOGLE.matcher(trimmed);
        if (google.matches()) {
            String name = google.group(1);
            String last = name.substring(name.lastIndexOf('/') + 1);
            return last.isEmpty() ? null : last;
        }
        Matcher arn = ARN.matcher(trimmed);
        if (!arn.matches()) {
            return null;
        }
        String resource = arn.group(1);
        int slash = resource.lastIndexOf('/');
        int colon = resource.lastIndexOf(':');
        String last = resource.substring(Math.max(slash, colon) + 1);
        return last.isEmpty() ? null : last;
    }
}
