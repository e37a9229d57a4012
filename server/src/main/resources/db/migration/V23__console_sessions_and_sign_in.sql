-- Console sessions live in the database (Spring Session JDBC), so they survive a restart and any
-- replica serves any request without sticky sessions. Spring Session's own schema for PostgreSQL.
CREATE TABLE spring_session (
    primary_id             char(36) NOT NULL,
    session_id             char(36) NOT NULL,
    creation_time          bigint NOT NULL,
    last_access_time       bigint NOT NULL,
    max_inactive_interval  integer NOT NULL,
    expiry_time            bigint NOT NULL,
    principal_name         varchar(100),
    CONSTRAINT spring_session_pk PRIMARY KEY (primary_id)
);
CREATE UNIQUE INDEX spring_session_ix1 ON spring_session (session_id);
CREATE INDEX spring_session_ix2 ON spring_session (expiry_time);
CREATE INDEX spring_session_ix3 ON spring_session (principal_name);

CREATE TABLE spring_session_attributes (
    session_primary_id  char(36) NOT NULL,
    attribute_name      varchar(200) NOT NULL,
    attribute_bytes     bytea NOT NULL,
    CONSTRAINT spring_session_attributes_pk PRIMARY KEY (session_primary_id, attribute_name),
    CONSTRAINT spring_session_attributes_fk FOREIGN KEY (session_primary_id) REFERENCES spring_session (primary_id) ON DELETE CASCADE
);

-- Failed console sign-ins per account and per address, in fixed windows, shared by every replica.
CREATE TABLE sign_in_failures (
    key           text PRIMARY KEY,
    window_start  timestamptz NOT NULL,
    failures      integer NOT NULL
);
COMMENT ON COLUMN sign_in_failures.key IS 'account:<lower-cased email> or address:<client IP>';

-- A membership the identity provider's groups gave (single sign-on) follows those groups at each
-- sign-in; one a tenant admin gave is never taken away by them.
ALTER TABLE tenant_members ADD COLUMN granted_by text CHECK (granted_by IN ('oidc'));
