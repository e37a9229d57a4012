package com.stategraph.billing.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.stategraph.billing.format.FileKind;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReloadPlanTest {
    private static final LocalDate OCT = LocalDate.of(2026, 10, 1);
    private static final LocalDate NOV = LocalDate.of(2026, 11, 1);
    private static final LocalDate DEC = LocalDate.of(2026, 12, 1);
    private static final LocalDate AUG = LocalDate.of(2026, 8, 1);
    private static final SyncWindow WINDOW = new SyncWindow(OCT, DEC);
    private static final String LOADER = "loader 1, settings abc";
    private static final Set<LocalDate> LOADED = Set.of(OCT, NOV, DEC);

    private static PlannedFile file(String key, String version, LocalDate period) {
        return new PlannedFile(key, "gs://b/" + key, 10, FileKind.CSV, period, null, version);
    }

    private static FileLedger.Entry entry(String version, LocalDate... periods) {
        return new FileLedger.Entry(version, LOADER, Set.of(periods));
    }

    @Test
    void unchangedFilesKeepTheirPeriodsAndChangedOnesMakeTheirsDue() {
        var plan = ReloadPlan.of(List.of(file("oct.csv", "g1", null), file("nov.csv", "g2", null),
                        file("dec.csv", "g9", null)),
                Map.of("oct.csv", entry("g1", OCT), "nov.csv", entry("g2", NOV), "dec.csv", entry("g3", DEC, NOV)),
                LOADER, WINDOW, LOADED, false);

        assertThat(plan.changed()).extracting(PlannedFile::key).containsExactly("dec.csv");
        // The changed file held rows of November before: November is due even if its new rows are all December's.
        Set<LocalDate> due = plan.due(Set.of(DEC));
        assertThat(due).containsExactly(NOV, DEC);
        assertThat(plan.unchangedToRead(due)).extracting(PlannedFile::key).containsExactly("nov.csv");
        assertThat(plan.kept(due, WINDOW)).containsExactlyEntriesOf(Map.of(OCT, 1));
    }

    @Test
    void aFileWithoutAVersionAnotherLoaderOrAnotherSettingIsReadAgain() {
        var plan = ReloadPlan.of(List.of(file("a.csv", null, null), file("b.csv", "g2", null), file("c.csv", "g3", null)),
                Map.of("a.csv", new FileLedger.Entry(null, LOADER, Set.of(OCT)),
                        "b.csv", new FileLedger.Entry("g2", "loader 0, settings abc", Set.of(NOV)),
                        "c.csv", new FileLedger.Entry("g3", "loader 1, settings def", Set.of(DEC))),
                LOADER, WINDOW, LOADED, false);

        assertThat(plan.changed()).extracting(PlannedFile::key).containsExactly("a.csv", "b.csv", "c.csv");
        assertThat(plan.due(Set.of())).containsExactly(OCT, NOV, DEC);
        assertThat(plan.kept(plan.due(Set.of()), WINDOW)).isEmpty();
    }

    @Test
    void aRemovedFileMakesItsPeriodsInTheWindowDue() {
        var plan = ReloadPlan.of(List.of(file("nov.csv", "g2", null)),
                Map.of("nov.csv", entry("g2", NOV), "gone.csv", entry("g1", OCT, AUG)), LOADER, WINDOW, LOADED, false);

        assertThat(plan.changed()).isEmpty();
        assertThat(plan.due(Set.of())).as("August is outside the window").containsExactly(OCT);
        assertThat(plan.unchangedToRead(plan.due(Set.of()))).isEmpty();
        assertThat(plan.kept(plan.due(Set.of()), WINDOW)).containsExactlyEntriesOf(Map.of(NOV, 1));
    }

    @Test
    void anUnchangedFileOfAPeriodWithoutALoadIsReadWhenTheWindowMovesOntoIt() {
        var plan = ReloadPlan.of(List.of(file("oct.csv", "g1", null), file("nov.csv", "g2", null)),
                Map.of("oct.csv", entry("g1", OCT), "nov.csv", entry("g2", NOV)), LOADER, WINDOW, Set.of(NOV), false);

        Set<LocalDate> due = plan.due(Set.of());
        assertThat(due).containsExactly(OCT);
        assertThat(plan.unchangedToRead(due)).extracting(PlannedFile::key).containsExactly("oct.csv");
    }

    @Test
    void aChangedFilePlacedInAPeriodByTheLayoutMakesThatPeriodDue() {
        var plan = ReloadPlan.of(List.of(file("BILLING_PERIOD=2026-11/new.parquet", "e1", NOV),
                        file("BILLING_PERIOD=2026-10/old.parquet", "e2", OCT)),
                Map.of("BILLING_PERIOD=2026-10/old.parquet", entry("e2", OCT)), LOADER, WINDOW, LOADED, false);

        assertThat(plan.changed()).extracting(PlannedFile::key).containsExactly("BILLING_PERIOD=2026-11/new.parquet");
        assertThat(plan.due(Set.of())).containsExactly(NOV);
        assertThat(plan.kept(plan.due(Set.of()), WINDOW)).containsOnlyKeys(OCT);
    }

    @Test
    void forceReadsEveryFileAndKeepsNothing() {
        var plan = ReloadPlan.of(List.of(file("oct.csv", "g1", null), file("nov.csv", "g2", null)),
                Map.of("oct.csv", entry("g1", OCT), "nov.csv", entry("g2", NOV)), LOADER, WINDOW, LOADED, true);

        assertThat(plan.changed()).hasSize(2);
        assertThat(plan.kept(plan.due(Set.of(OCT, NOV)), WINDOW)).isEmpty();
    }
}
