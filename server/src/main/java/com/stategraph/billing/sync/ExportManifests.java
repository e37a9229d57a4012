package com.stategraph.billing.sync;

import com.stategraph.billing.format.ConformanceFindings;
import com.stategraph.billing.storage.Location;
import com.stategraph.billing.storage.ObjectStore;
import com.stategraph.billing.storage.StoredObject;
import com.stategraph.billing.format.FocusVersion;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * The manifests AWS and Azure write beside their exports, used to load only the newest complete
 * delivery of each billing period: a re-export must never double the spend.
 * <ul>
 * <li>AWS: {@code <export>/metadata/BILLING_PERIOD=YYYY-MM/<name>-Manifest.json} lists the data
 * files of a delivery; the newest manifest of each period decides which files load.</li>
 * <li>Azure: each export run writes a {@code manifest.json} listing its blobs; of the runs of one
 * export for the same month, only the newest run's blobs load.</li>
 * </ul>
 */
public final class ExportManifests {
    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final String AWS_DATA = "data/BILLING_PERIOD=";
    private static final Pattern AWS_PERIOD = Pattern.compile("(?:^|/)BILLING_PERIOD=(\\d{4}-\\d{2})/");
    private static final Pattern AWS_MANIFEST =
            Pattern.compile("(?:^|/)metadata/BILLING_PERIOD=(\\d{4}-\\d{2})/(?:.*/)?[^/]*-manifest\\.json",
                    Pattern.CASE_INSENSITIVE);

    public enum Decision { LOAD, SUPERSEDED, NOT_IN_MANIFEST }

    /** Decides, per listed data file, whether it belongs to the delivery to load. */
    public interface Selection {
        Decision decide(String key);

        default List<ConformanceFindings.Warning> notes() {
            return List.of();
        }

        /** The billing period the export's layout or manifest places a file in, or null when it does not say. */
        default LocalDate period(String key) {
            Matcher m = AWS_PERIOD.matcher(key);
            return m.find() ? LocalDate.parse(m.group(1) + "-01") : null;
        }

        /** The FOCUS version the manifest states for a file, or null. */
        default String focusVersion(String key) {
            return null;
        }

        static Selection everything() {
            return key -> Decision.LOAD;
        }
    }

    static boolean isAzureManifest(String key) {
        return key.equals("manifest.json") || key.endsWith("/manifest.json");
    }

    /** AWS: data files under {@code <root>/data/BILLING_PERIOD=P/} load only if P's newest manifest lists them. */
    public Selection aws(ObjectStore store, Location location, List<StoredObject> dataFiles) {
        Set<String> roots = new LinkedHashSet<>();
        for (StoredObject o : dataFiles) {
            String root = awsRoot(o.key());
            if (root != null) {
                roots.add(root);
            }
        }
        if (roots.isEmpty()) {
            return Selection.everything();
        }
        Map<String, StoredObject> newest = new HashMap<>();
        for (String root : roots) {
            try (Stream<StoredObject> listing = store.list(location, root + "metadata/")) {
                listing.forEach(o -> {
                    Matcher m = AWS_MANIFEST.matcher(o.key());
                    if (m.find() && o.key().startsWith(root)) {
                        newest.merge(root + "|" + m.group(1), o, ExportManifests::newer);
                    }
                });
            }
        }
        Set<String> covered = newest.keySet();
        Set<String> allowed = new HashSet<>();
        String bucketPrefix = location.uriOf("");
        for (StoredObject manifest : newest.values()) {
            JsonNode files = read(store, location, manifest).path("dataFiles");
            if (!files.isArray()) {
                throw new ManifestException(location.uriOf(manifest.key()) + ": the manifest has no dataFiles list");
            }
            for (JsonNode f : files) {
                String uri = f.asString();
                allowed.add(uri.startsWith(bucketPrefix) ? uri.substring(bucketPrefix.length()) : uri);
            }
        }
        return key -> {
            String root = awsRoot(key);
            Matcher m = AWS_PERIOD.matcher(key);
            if (root == null || !m.find() || !covered.contains(root + "|" + m.group(1))) {
                return Decision.LOAD;
            }
            return allowed.contains(key) ? Decision.LOAD : Decision.SUPERSEDED;
        };
    }

    /** Azure: of the runs of one export for one month, only the newest run's blobs load. */
    public Selection azure(ObjectStore store, Location location, List<StoredObject> manifests) {
        if (manifests.isEmpty()) {
            return Selection.everything();
        }
        record Run(StoredObject manifest, Instant submitted, Set<String> blobs, LocalDate month, String version) {
        }
        Map<String, Run> newest = new HashMap<>();
        Set<String> listed = new HashSet<>();
        for (StoredObject m : manifests) {
            JsonNode json = read(store, location, m);
            String export = json.path("exportConfig").path("exportName").asString("");
            String start = json.path("runInfo").path("startDate").asString("");
            String month = start.length() >= 7 ? start.substring(0, 7) : m.key();
            LocalDate period = start.length() >= 7 && start.substring(0, 7).matches("\\d{4}-\\d{2}")
                    ? LocalDate.parse(start.substring(0, 7) + "-01") : null;
            String version = FocusVersion.ofManifest(json.path("exportConfig").path("dataVersion").asString(""));
            Instant submitted = instant(json.path("runInfo").path("submittedTime").asString(""), m.lastModified());
            Set<String> blobs = new HashSet<>();
            for (JsonNode blob : json.path("blobs")) {
                String name = blob.path("blobName").asString("");
                blobs.add(name.startsWith("/") ? name.substring(1) : name);
            }
            listed.addAll(blobs);
            Run run = new Run(m, submitted, blobs, period, version);
            newest.merge(export + "|" + month, run, (a, b) ->
                    Comparator.comparing(Run::submitted).thenComparing(r -> r.manifest().key()).compare(a, b) >= 0 ? a : b);
        }
        Map<String, Run> allowed = new HashMap<>();
        newest.values().forEach(r -> r.blobs().forEach(b -> allowed.put(b, r)));
        java.util.function.Function<String, Run> runOf = key -> {
            String name = pathSuffix(allowed.keySet(), key);
            return name == null ? null : allowed.get(name);
        };
        return new Selection() {
            @Override
            public Decision decide(String key) {
                return runOf.apply(key) != null ? Decision.LOAD
                        : pathSuffix(listed, key) != null ? Decision.SUPERSEDED : Decision.NOT_IN_MANIFEST;
            }

            @Override
            public LocalDate period(String key) {
                Run run = runOf.apply(key);
                return run == null ? null : run.month();
            }

            @Override
            public String focusVersion(String key) {
                Run run = runOf.apply(key);
                return run == null ? null : run.version();
            }
        };
    }

    /**
     * The entry of {@code names} that is the key or a trailing part of it starting at a '/', or
     * null: manifests name blobs from the container (some with the container's name in front),
     * keys are what the store lists.
     */
    static String pathSuffix(Set<String> names, String key) {
        String k = key.startsWith("/") ? key.substring(1) : key;
        while (true) {
            if (names.contains(k)) {
                return k;
            }
            int slash = k.indexOf('/');
            if (slash < 0) {
                return null;
            }
            k = k.substring(slash + 1);
        }
    }

    private static String awsRoot(String key) {
        if (key.startsWith(AWS_DATA)) {
            return "";
        }
        int i = key.indexOf("/" + AWS_DATA);
        return i < 0 ? null : key.substring(0, i + 1);
    }

    private static StoredObject newer(StoredObject a, StoredObject b) {
        int byTime = a.lastModified().compareTo(b.lastModified());
        if (byTime != 0) {
            return byTime > 0 ? a : b;
        }
        return a.key().compareTo(b.key()) >= 0 ? a : b;
    }

    private static JsonNode read(ObjectStore store, Location location, StoredObject manifest) {
        try (InputStream in = store.open(location, manifest.key())) {
            return JSON.readTree(in);
        } catch (IOException | JacksonException e) {
            throw new ManifestException(location.uriOf(manifest.key()) + ": cannot read the export manifest: "
                    + e.getMessage());
        }
    }

    private static Instant instant(String text, Instant fallback) {
        if (text.isBlank()) {
            return fallback;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            try {
                return LocalDateTime.parse(text.toUpperCase(Locale.ROOT)).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e2) {
                return fallback;
            }
        }
    }

    /** A manifest that exists but cannot be used: loading without it could double the spend. */
    public static final class ManifestException extends RuntimeException {
        public ManifestException(String message) {
            super(message);
        }
    }
}
