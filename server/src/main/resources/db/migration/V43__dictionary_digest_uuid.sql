-- The dictionaries (billing_strings, billing_json) found a value by its whole SHA-256 digest, a bytea
-- of 32 bytes (33 with its header, padded to 40 in the unique index). At a resource per billing line
-- each line adds a resource id and a tag set to them, and the digest and its index were about 50 of
-- every 230 bytes of a dictionary row. The first 16 bytes of the same digest, as a uuid (fixed width,
-- compared as bytes), tell values apart as surely for any number a tenant will hold (a collision among
-- a billion values has odds of about 1 in 10^20) and take 16 bytes in the row and the index.
-- Existing rows keep their ids: only the digest column changes, so every billing row stays as it is.
CREATE FUNCTION dictionary_digest(v text) RETURNS uuid LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
    SELECT encode(substring(sha256(convert_to(v, 'UTF8')) FROM 1 FOR 16), 'hex')::uuid
$$;
COMMENT ON FUNCTION dictionary_digest(text) IS 'how billing_strings and billing_json find a value: the first 16 bytes of its SHA-256 in UTF-8';

ALTER TABLE billing_strings ALTER COLUMN digest TYPE uuid USING encode(substring(digest FROM 1 FOR 16), 'hex')::uuid;
COMMENT ON COLUMN billing_strings.digest IS 'dictionary_digest(value): a value may be too long for a btree index';
ALTER TABLE billing_json ALTER COLUMN digest TYPE uuid USING encode(substring(digest FROM 1 FOR 16), 'hex')::uuid;
COMMENT ON COLUMN billing_json.digest IS 'dictionary_digest of the JSON text as loaded';
