-- A webhook's URL is shown as scheme, host and first path segment only: the rest of its path and its
-- query are often the secret (/hook/<secret>). Channels and audit entries made before keep less too.
CREATE FUNCTION pg_temp.shown_target(t text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE WHEN t ~ '^https?://' THEN
        substring(t FROM '^https?://[^/?#]*(?:/[^/?#]*)?')
        || CASE WHEN t ~ '^https?://[^/?#]*/[^/?#]*/' THEN '/…' ELSE '' END
        || CASE WHEN position('?' IN t) > 0 THEN '?…' ELSE '' END
    ELSE t END
$$;
UPDATE notification_channels SET target = pg_temp.shown_target(target) WHERE type IN ('webhook', 'slack');
UPDATE audit_log SET detail = jsonb_set(detail, '{target}', to_jsonb(pg_temp.shown_target(detail->>'target')))
WHERE action LIKE 'notification_channel.%' AND detail ? 'target';
COMMENT ON COLUMN notification_channels.target IS 'as shown: scheme, host and the first path segment; the rest of a URL is a secret';
