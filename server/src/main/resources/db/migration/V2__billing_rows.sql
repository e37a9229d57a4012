-- Billing data. A sync writes each billing period's rows under a new load; one
-- transaction at the end makes the new loads current and removes the old ones,
-- so readers see the old rows or the new, never a mix.

CREATE TABLE billing_loads (
    id              uuid PRIMARY KEY,
    tenant_id       uuid NOT NULL,
    source_id       uuid NOT NULL REFERENCES billing_sources (id) ON DELETE CASCADE,
    run_id          uuid REFERENCES sync_runs (id) ON DELETE SET NULL,
    billing_period  date NOT NULL,
    state           text NOT NULL CHECK (state IN ('loading', 'current')),
    row_count       bigint NOT NULL DEFAULT 0,
    created_at      timestamptz NOT NULL DEFAULT now(),
    activated_at    timestamptz
);
CREATE INDEX billing_loads_source ON billing_loads (tenant_id, source_id, billing_period);
CREATE UNIQUE INDEX billing_loads_one_current ON billing_loads (source_id, billing_period) WHERE state = 'current';

-- Canonical FOCUS row (1.0-preview to 1.3 mapped to the newest names). Columns the
-- model does not name are kept in "extra" so nothing in an export is lost.
CREATE TABLE billing_rows (
    tenant_id                       uuid NOT NULL,
    source_id                       uuid NOT NULL,
    load_id                         uuid NOT NULL,
    billing_period                  date NOT NULL,
    availability_zone               text,
    billed_cost                     numeric NOT NULL,
    billing_account_id              text,
    billing_account_name            text,
    billing_account_type            text,
    billing_currency                text NOT NULL,
    billing_period_start            timestamptz NOT NULL,
    billing_period_end              timestamptz,
    capacity_reservation_id         text,
    capacity_reservation_status     text,
    charge_category                 text,
    charge_class                    text,
    charge_description              text,
    charge_frequency                text,
    charge_period_start             timestamptz NOT NULL,
    charge_period_end               timestamptz,
    commitment_discount_category    text,
    commitment_discount_id          text,
    commitment_discount_name        text,
    commitment_discount_quantity    numeric,
    commitment_discount_status      text,
    commitment_discount_type        text,
    commitment_discount_unit        text,
    consumed_quantity               numeric,
    consumed_unit                   text,
    contracted_cost                 numeric,
    contracted_unit_price           numeric,
    effective_cost                  numeric,
    invoice_id                      text,
    invoice_issuer_name             text,
    list_cost                       numeric,
    list_unit_price                 numeric,
    pricing_category                text,
    pricing_currency                text,
    pricing_currency_contracted_unit_price numeric,
    pricing_currency_effective_cost numeric,
    pricing_currency_list_unit_price numeric,
    pricing_quantity                numeric,
    pricing_unit                    text,
    provider_name                   text,
    publisher_name                  text,
    service_provider_name           text,
    host_provider_name              text,
    region_id                       text,
    region_name                     text,
    resource_id                     text,
    resource_name                   text,
    resource_type                   text,
    service_category                text,
    service_name                    text,
    service_subcategory             text,
    sku_id                          text,
    sku_meter                       text,
    sku_price_details               jsonb,
    sku_price_id                    text,
    sub_account_id                  text,
    sub_account_name                text,
    sub_account_type                text,
    tags                            jsonb,
    extra                           jsonb
) PARTITION BY RANGE (billing_period);

CREATE TABLE billing_rows_default PARTITION OF billing_rows DEFAULT;
CREATE INDEX billing_rows_load ON billing_rows (tenant_id, source_id, billing_period, load_id);
