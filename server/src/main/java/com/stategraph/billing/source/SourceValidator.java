package com.stategraph.billing.source;

import com.stategraph.billing.domain.InvalidInputException;
import com.stategraph.billing.storage.Location;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** The rules a billing source's settings must meet, each refusal saying what is wrong. */
@Component
public class SourceValidator {
    static final int MIN_WINDOW = 1;
    static final int MAX_WINDOW = 36;
    /** Longer than any real bucket path; checked before anything parses or compiles the URI. */
    public static final int MAX_URI_LENGTH = 2048;
    public static final int MAX_WILDCARDS = 32;
    private static final Pattern AWS_REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d{1,2}");

    private final boolean allowFileSources;
    private final com.stategraph.billing.storage.FileSourceRoot fileRoot;

    public SourceValidator(@Value("${stategraph.allow-file-sources:false}") boolean allowFileSources,
                           com.stategraph.billing.storage.FileSourceRoot fileRoot) {
        this.allowFileSources = allowFileSources;
        this.fileRoot = fileRoot;
    }

    public Provider provider(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidInputException("MISSING_FIELD", "provider is required (aws, gcp or azure)");
        }
        Provider provider = Provider.parse(text);
        if (provider == null) {
            throw new InvalidInputException("INVALID_PROVIDER",
                    "provider '" + text + "' is not one of aws, gcp, azure");
        }
        return provider;
    }

    public void sourceUri(java.util.UUID tenantId, Provider provider, String uri) {
        Location location = location(tenantId, uri, provider.example());
        if (location.scheme() != Location.Scheme.FILE && location.scheme() != provider.scheme()) {
            throw new InvalidInputException("INVALID_SOURCE_URI", "source_uri: " + provider.value()
                    + " sources need a " + provider.scheme().prefix() + ":// URI, for example " + provider.example());
        }
    }

    /** A state source's URI: s3://, gs://, abfss://, or file:// where the operator allowed it. */
    public Location stateSourceUri(java.util.UUID tenantId, String uri) {
        return location(tenantId, uri, "s3://tf-state/envs/**/*.tfstate");
    }

    private Location location(java.util.UUID tenantId, String uri, String example) {
        if (uri == null || uri.isBlank()) {
            throw new InvalidInputException("MISSING_FIELD", "source_uri is required, for example " + example);
        }
        if (uri.length() > MAX_URI_LENGTH) {
            throw new InvalidInputException("INVALID_SOURCE_URI", "source_uri is " + uri.length() + " characters long; at most "
                    + MAX_URI_LENGTH + " are allowed");
        }
        for (int i = 0; i < uri.length(); i++) {
            if (Character.isISOControl(uri.charAt(i))) {
                throw new InvalidInputException("INVALID_SOURCE_URI", "source_uri has a control character (code "
                        + (int) uri.charAt(i) + ") at position " + (i + 1));
            }
        }
        long wildcards = uri.chars().filter(c -> c == '*' || c == '?' || c == '[' || c == '{').count();
        if (wildcards > MAX_WILDCARDS) {
            throw new InvalidInputException("INVALID_SOURCE_URI", "source_uri has " + wildcards + " wildcards (*, ?, [, {);"
                    + " at most " + MAX_WILDCARDS + " are allowed");
        }
        Location location;
        try {
            location = Location.parse(uri);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("INVALID_SOURCE_URI", "source_uri: " + e.getMessage());
        }
        if (location.scheme() == Location.Scheme.FILE && !allowFileSources) {
            throw new InvalidInputException("FILE_SOURCES_DISABLED",
                    "source_uri: file:// sources are disabled on this server (the operator can allow them with STATEGRAPH_ALLOW_FILE_SOURCES=true)");
        }
        try {
            location.glob();
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("INVALID_SOURCE_URI", "source_uri: " + e.getMessage());
        }
        if (location.scheme() == Location.Scheme.FILE) {
            fileRoot.check(tenantId, location);
        }
        return location;
    }

    public void windowMonths(int months) {
        if (months < MIN_WINDOW || months > MAX_WINDOW) {
            throw new InvalidInputException("INVALID_WINDOW_MONTHS",
                    "window_months must be between " + MIN_WINDOW + " and " + MAX_WINDOW + ", got " + months);
        }
    }

    public void region(Provider provider, String region) {
        if (region == null) {
            return;
        }
        if (provider != Provider.AWS) {
            throw new InvalidInputException("INVALID_REGION", "region applies to aws sources only");
        }
        if (region.length() > 64) {
            throw new InvalidInputException("INVALID_REGION", "region is " + region.length() + " characters long; AWS regions"
                    + " are at most 64");
        }
        if (!AWS_REGION.matcher(region).matches()) {
            throw new InvalidInputException("INVALID_REGION", "region '" + region + "' is not an AWS region such as us-east-1");
        }
    }
}
