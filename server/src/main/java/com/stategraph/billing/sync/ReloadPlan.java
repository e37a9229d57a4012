package com.stategraph.billing.sync;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Which files a sync reads, and which billing periods keep their load because none of their files
 * changed. Exports rewrite the current month's files each day and leave older months alone, so
 * most of a window is usually unchanged.
 *
 * <p>A file is unchanged when the store lists it with the identity, loader and settings recorded
 * when it was last read; anything else (new, rewritten, no identity to compare, an older loader,
 * another setting) is changed and read first. A period is then due, and reloaded from all its
 * files, when a changed file's rows fell in it, the layout places a changed file in it, a changed
 * or removed file held rows of it before, or an unchanged file holds rows of it that the store has
 * no current load for (the window moved onto it). The unchanged files of due periods are read
 * next; every other period an unchanged file holds rows of keeps its load as it is.
 */
final class ReloadPlan {
    private final List<PlannedFile> changed = new ArrayList<>();
    private final List<PlannedFile> unchanged = new ArrayList<>();
    private final Map<String, FileLedger.Entry> recorded;
    private final Set<LocalDate> due = new HashSet<>();

    private ReloadPlan(Map<String, FileLedger.Entry> recorded) {
        this.recorded = recorded;
    }

    /**
     * @param loaded the periods the source has a current load for
     * @param force read every file, as if nothing had been recorded
     */
    static ReloadPlan of(List<PlannedFile> files, Map<String, FileLedger.Entry> recorded, String loader, SyncWindow window,
                         Set<LocalDate> loaded, boolean force) {
        ReloadPlan plan = new ReloadPlan(force ? Map.of() : recorded);
        Set<String> listed = new HashSet<>();
        for (PlannedFile file : files) {
            listed.add(file.key());
            FileLedger.Entry entry = plan.recorded.get(file.key());
            if (entry != null && file.identity() != null && file.identity().equals(entry.identity())
                    && loader.equals(entry.loader())) {
                plan.unchanged.add(file);
                entry.periods().stream().filter(p -> !loaded.contains(p)).forEach(plan.due::add);
            } else {
                plan.changed.add(file);
                if (file.period() != null) {
                    plan.due.add(file.period());
                }
                if (entry != null) {
                    plan.due.addAll(entry.periods());
                }
            }
        }
        plan.recorded.forEach((key, entry) -> {
            if (!listed.contains(key)) {
                plan.due.addAll(entry.periods());
            }
        });
        plan.due.removeIf(p -> !window.contains(p));
        return plan;
    }

    /** New, rewritten or unrecorded files: read first, as their rows may fall in any period. */
    List<PlannedFile> changed() {
        return changed;
    }

    /**
     * The periods reloaded, once the changed files are read.
     *
     * @param touched the window's periods the changed files gave rows to or were placed in
     */
    Set<LocalDate> due(Set<LocalDate> touched) {
        Set<LocalDate> all = new TreeSet<>(due);
        all.addAll(touched);
        return all;
    }

    /** Unchanged files holding rows of a due period: read after the changed ones. */
    List<PlannedFile> unchangedToRead(Set<LocalDate> due) {
        return unchanged.stream().filter(f -> recorded.get(f.key()).periods().stream().anyMatch(due::contains)).toList();
    }

    /** The window's periods that only unchanged files hold rows of, none of them due, with how many files each. */
    Map<LocalDate, Integer> kept(Set<LocalDate> due, SyncWindow window) {
        Map<LocalDate, Integer> kept = new TreeMap<>();
        for (PlannedFile f : unchanged) {
            for (LocalDate p : recorded.get(f.key()).periods()) {
                if (window.contains(p) && !due.contains(p)) {
                    kept.merge(p, 1, Integer::sum);
                }
            }
        }
        return kept;
    }
}
