-- What makes a day's difference worth an alert, per tenant: a share of the series' trailing monthly
-- cost and an amount of its currency (issue 28; docs/anomalies.md).
ALTER TABLE tenants
    ADD COLUMN anomaly_min_impact_percent numeric(6, 3) NOT NULL DEFAULT 1
        CHECK (anomaly_min_impact_percent >= 0 AND anomaly_min_impact_percent <= 100),
    ADD COLUMN anomaly_min_impact_amount numeric(20, 6) NOT NULL DEFAULT 10
        CHECK (anomaly_min_impact_amount >= 0);
