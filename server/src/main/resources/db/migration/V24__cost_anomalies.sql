-- Days whose spend left their own history: one row per (series, day), found again after every sync.
-- A series is a provider's daily effective cost per (sub account, service) or per tag value, in one
-- currency. A dismissed anomaly keeps its row, its reason and who dismissed it.
CREATE TABLE cost_anomalies (
    tenant_id         uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    id                uuid NOT NULL,
    day               date NOT NULL,
    dimension         text NOT NULL CHECK (dimension IN ('service', 'tag')),
    provider          text NOT NULL,
    sub_account_id    text,
    service_name      text,
    tag_key           text,
    tag_value         text,
    currency          text NOT NULL,
    expected_cost     numeric NOT NULL,
    actual_cost       numeric NOT NULL,
    severity          text NOT NULL CHECK (severity IN ('low', 'medium', 'high')),
    detected_at       timestamptz NOT NULL,
    dismissed_at      timestamptz,
    dismissed_by      text,
    dismissed_reason  text,
    PRIMARY KEY (tenant_id, id),
    CONSTRAINT cost_anomalies_series_day UNIQUE NULLS NOT DISTINCT (tenant_id, day, dimension, provider, sub_account_id, service_name, tag_key, tag_value, currency)
);
CREATE INDEX cost_anomalies_by_day ON cost_anomalies (tenant_id, day DESC);
COMMENT ON COLUMN cost_anomalies.expected_cost IS 'the series'' own baseline for the day: weekday-aware rolling median of 28 days';
