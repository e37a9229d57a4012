-- Where a tenant is told about its syncs: channels (webhook, Slack, email) and the events each takes,
-- and every delivery with its attempts. A webhook's signing secret is stored encrypted with the
-- server's secret key (AES-GCM; nonce first), never in the clear.
CREATE TABLE notification_channels (
    tenant_id       uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    id              uuid NOT NULL,
    type            text NOT NULL CHECK (type IN ('webhook', 'slack', 'email')),
    target          text NOT NULL,
    target_sealed   bytea,
    events          text[] NOT NULL CHECK (cardinality(events) > 0),
    signing_secret  bytea,
    created_at      timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id)
);
COMMENT ON COLUMN notification_channels.target IS 'as shown: a URL''s query and a Slack URL''s token hidden';
COMMENT ON COLUMN notification_channels.target_sealed IS 'a URL target in full (Slack''s carries its token), encrypted like the secret';
COMMENT ON COLUMN notification_channels.signing_secret IS 'webhooks only: the HMAC key, AES-GCM encrypted with the server key';

CREATE TABLE notification_deliveries (
    tenant_id        uuid NOT NULL,
    id               uuid NOT NULL,
    channel_id       uuid NOT NULL,
    event            text NOT NULL,
    payload          jsonb NOT NULL,
    status           text NOT NULL CHECK (status IN ('pending', 'delivered', 'failed')),
    attempts         integer NOT NULL DEFAULT 0,
    last_error       text,
    response_status  integer,
    created_at       timestamptz NOT NULL,
    last_attempt_at  timestamptz,
    next_attempt_at  timestamptz,
    delivered_at     timestamptz,
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, channel_id) REFERENCES notification_channels (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX notification_deliveries_by_channel ON notification_deliveries (tenant_id, channel_id, created_at DESC);

-- A source that has not synced for 48 hours is reported once per such stretch.
ALTER TABLE billing_sources ADD COLUMN stale_notified_at timestamptz;
