-- The dictionaries (billing_strings, billing_json) found a value by a unique btree of tenant and digest: at a
-- resource per billing line each ResourceId paid about 60 bytes for it (32 bytes of key, the entry's header and
-- pointer, and the half-empty pages that random digests leave behind), a third of its row's cost. A hash index of
-- the digest keeps a 4-byte hash per value instead. It cannot be unique: the server writes a tenant's new values
-- under an advisory lock of that tenant's dictionary, looking up those already there first (StringDictionary),
-- which the unique constraint did before. Ids and values are unchanged.
ALTER TABLE billing_strings DROP CONSTRAINT billing_strings_tenant_id_digest_key;
CREATE INDEX billing_strings_digest ON billing_strings USING hash (digest);
ALTER TABLE billing_json DROP CONSTRAINT billing_json_tenant_id_digest_key;
CREATE INDEX billing_json_digest ON billing_json USING hash (digest);
