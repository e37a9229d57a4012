package com.stategraph.billing.sync;

import com.stategraph.billing.format.ConformanceFindings;
import java.util.List;

/** The files one sync loads, and what planning decided to leave out and why. */
public record SyncPlan(List<PlannedFile> files, List<ConformanceFindings.Warning> notes) {
}
