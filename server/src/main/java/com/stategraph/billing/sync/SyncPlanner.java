package com.stategraph.billing.sync;

import com.stategraph.billing.format.ConformanceFindings;
import com.stategraph.billing.format.FileKind;
import com.stategraph.billing.source.Provider;
import com.stategraph.billing.storage.Location;
import com.stategraph.billing.storage.ObjectStore;
import com.stategraph.billing.storage.StoredObject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Which files a sync loads: the data files under the URI's fixed prefix that its glob matches,
 * narrowed by the provider's manifests to the newest complete delivery of each period.
 */
public final class SyncPlanner {
    private final ExportManifests manifests;

    public SyncPlanner(ExportManifests manifests) {
        this.manifests = manifests;
    }

    public SyncPlan plan(ObjectStore store, Location location, Provider provider) {
        Predicate<String> matches = location.matcher();
        List<StoredObject> dataFiles = new ArrayList<>();
        List<StoredObject> azureManifests = new ArrayList<>();
        try (Stream<StoredObject> listing = store.list(location, location.fixedPrefix())) {
            listing.forEach(o -> {
                if (ExportManifests.isAzureManifest(o.key())) {
                    azureManifests.add(o);
                } else if (FileKind.of(o.key()) != FileKind.NOT_DATA && matches.test(o.key())) {
                    dataFiles.add(o);
                }
            });
        }
        dataFiles.sort(Comparator.comparing(StoredObject::key));
        ExportManifests.Selection selection = switch (provider) {
            case AWS -> manifests.aws(store, location, dataFiles);
            case AZURE -> manifests.azure(store, location, azureManifests);
            case GCP -> ExportManifests.Selection.everything();
        };
        List<PlannedFile> files = new ArrayList<>();
        List<String> superseded = new ArrayList<>();
        List<String> unlisted = new ArrayList<>();
        for (StoredObject o : dataFiles) {
            switch (selection.decide(o.key())) {
                case LOAD -> files.add(new PlannedFile(o.key(), location.uriOf(o.key()), o.size(), FileKind.of(o.key()),
                        selection.period(o.key()), selection.focusVersion(o.key()), o.version()));
                case SUPERSEDED -> superseded.add(location.uriOf(o.key()));
                case NOT_IN_MANIFEST -> unlisted.add(location.uriOf(o.key()));
            }
        }
        List<ConformanceFindings.Warning> notes = new ArrayList<>();
        if (!superseded.isEmpty()) {
            notes.add(note("SUPERSEDED_DELIVERIES", "files of older export deliveries were skipped: a newer"
                    + " manifest covers the same billing period", superseded));
        }
        if (!unlisted.isEmpty()) {
            notes.add(note("FILES_NOT_IN_MANIFEST", "files that no export manifest lists were skipped"
                    + " (an incomplete delivery, or files not written by the export)", unlisted));
        }
        notes.addAll(selection.notes());
        return new SyncPlan(List.copyOf(files), List.copyOf(notes));
    }

    private static ConformanceFindings.Warning note(String code, String message, List<String> uris) {
        return new ConformanceFindings.Warning(code, message, uris.size(), uris.stream().limit(5)
                .map(u -> new ConformanceFindings.Sample(u, 0, null)).toList());
    }
}
