-- A tenant admin's invitation no longer creates an account: it names an email and carries a
-- single-use token (kept as its SHA-256) that reaches only that mailbox. The invitee sets their own
-- password when they open the link, or accepts while signed in to the account that has that email.
ALTER TABLE tenant_invitations ADD COLUMN email text;
UPDATE tenant_invitations i SET email = u.email FROM users u WHERE u.id = i.user_id;
DELETE FROM tenant_invitations WHERE email IS NULL;

-- Accounts a tenant admin created by inviting them carry a password that admin chose (the invite
-- and the account were written in one transaction, so their times are equal): nobody signs in
-- with it any more. The person sets a new one through a new invitation link, or the instance admin
-- gives one; their memberships stay.
UPDATE users u SET password_hash = NULL
WHERE NOT u.is_admin AND u.password_hash IS NOT NULL
  AND EXISTS (SELECT 1 FROM audit_log a WHERE a.action = 'user.invite' AND a.target_type = 'user'
                                         AND a.target_id = u.id AND a.at = u.created_at);

ALTER TABLE tenant_invitations DROP CONSTRAINT tenant_invitations_pkey;
ALTER TABLE tenant_invitations DROP COLUMN user_id;
ALTER TABLE tenant_invitations ALTER COLUMN email SET NOT NULL;
ALTER TABLE tenant_invitations ADD PRIMARY KEY (tenant_id, id);
-- Invitations from before carry no token: they can still be accepted while signed in, or sent again.
ALTER TABLE tenant_invitations ADD COLUMN token_hash text;
ALTER TABLE tenant_invitations ADD COLUMN expires_at timestamptz;
UPDATE tenant_invitations SET expires_at = now() + interval '7 days';
ALTER TABLE tenant_invitations ALTER COLUMN expires_at SET NOT NULL;
-- Not unique: a unique index would have to lead with tenant_id, and 256 random bits do not collide.
CREATE INDEX tenant_invitations_token ON tenant_invitations (token_hash);
CREATE UNIQUE INDEX tenant_invitations_email_once ON tenant_invitations (tenant_id, lower(email));
CREATE INDEX tenant_invitations_by_email ON tenant_invitations (lower(email));
