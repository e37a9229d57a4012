-- Usage of a state's usage-priced resources (requests, GB stored, data processed), given by the
-- tenant in the shape of Infracost's usage file: {"address": {"usage_key": quantity}}. Estimates
-- price usage components at these quantities instead of 0.

CREATE TABLE state_usage (
    tenant_id   uuid NOT NULL,
    state_id    uuid NOT NULL,
    usage       jsonb NOT NULL CHECK (jsonb_typeof(usage) = 'object'),
    updated_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, state_id),
    FOREIGN KEY (tenant_id, state_id) REFERENCES terraform_states (tenant_id, id) ON DELETE CASCADE
);
