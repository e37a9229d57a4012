-- Terraform states a tenant pushed (or, later, that a state source synced): what each managed
-- resource instance is, where it runs, and the identifiers a bill may name it by. The state file
-- itself is not kept: states hold secrets. Each instance keeps the attributes estimates read,
-- without the paths Terraform marks sensitive, attributes named like secrets, and long strings.

CREATE TABLE terraform_states (
    tenant_id          uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    id                 uuid NOT NULL,
    name               text NOT NULL,
    serial             bigint NOT NULL,
    lineage            text,
    terraform_version  text,
    resource_count     integer NOT NULL,
    source             text NOT NULL,
    created_at         timestamptz NOT NULL DEFAULT now(),
    updated_at         timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id),
    UNIQUE (tenant_id, name)
);
COMMENT ON COLUMN terraform_states.source IS '"upload", or the URI of the object a state source read it from';

CREATE TABLE terraform_resources (
    tenant_id   uuid NOT NULL,
    state_id    uuid NOT NULL,
    address     text NOT NULL,
    type        text NOT NULL,
    provider    text NOT NULL,
    region      text,
    tags        jsonb NOT NULL,
    cloud_ids   text[] NOT NULL,
    attributes  jsonb NOT NULL,
    PRIMARY KEY (tenant_id, state_id, address),
    FOREIGN KEY (tenant_id, state_id) REFERENCES terraform_states (tenant_id, id) ON DELETE CASCADE
);
