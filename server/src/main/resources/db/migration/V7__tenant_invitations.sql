-- A tenant admin who adds a user by email invites them: the user becomes a member only when they
-- accept, and until then the tenant sees nothing of them but the email and the name the admin gave.
CREATE TABLE tenant_invitations (
    tenant_id     uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    user_id       uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    id            uuid NOT NULL UNIQUE,
    role          text NOT NULL CHECK (role IN ('admin', 'member')),
    invited_name  text NOT NULL,
    invited_by    text,
    created_at    timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, user_id)
);
CREATE INDEX tenant_invitations_user ON tenant_invitations (user_id);
