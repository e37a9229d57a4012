package com.stategraph.billing.anomalies;

import java.util.List;
import java.util.UUID;

/** Told of the anomalies a scan found that are new and still active, after the scan committed them. */
public interface AnomalyListener {
    void found(UUID tenantId, List<Anomaly> anomalies);
}
