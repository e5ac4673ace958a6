-- Staff management (issue #22): invited staff log in with their e-mail address as user name,
-- which may be longer than the old user names (Spring Session's principal index holds 100).
alter table staff_account alter column username type varchar(100);
-- For invitations and alerts; null for the demo accounts and the bootstrap operator.
alter table staff_account add column email varchar(100);
create unique index staff_account_email on staff_account (lower(email));
-- Null until the invitation is accepted: such an account cannot log in.
alter table staff_account alter column password_hash drop not null;
alter table staff_account add column last_login_at timestamptz;

-- Invitation links: only the SHA-256 of the token is stored; single use, expiring, a new one voids
-- the older ones of the account.
create table staff_invitation (
    token_hash       varchar(64)  primary key,
    staff_account_id uuid         not null references staff_account (id) on delete cascade,
    invited_by       varchar(100) not null,
    created_at       timestamptz  not null default now(),
    expires_at       timestamptz  not null,
    used_at          timestamptz
);
create index staff_invitation_account on staff_invitation (staff_account_id);

-- The staff's TOTP factor: the secret sealed with SecretBox (owner 'staff:' || id), the last step
-- accepted (a code works once).
create table staff_totp (
    staff_account_id uuid primary key references staff_account (id) on delete cascade,
    secret           varchar(300) not null,
    confirmed_at     timestamptz,
    last_step        bigint       not null default 0
);

-- Recovery codes of the staff's second factor, as SHA-256, each usable once.
create table staff_recovery_code (
    staff_account_id uuid        not null references staff_account (id) on delete cascade,
    code_hash        varchar(64) not null,
    used_at          timestamptz,
    primary key (staff_account_id, code_hash)
);

-- Who changed which staff account how, and when. Kept when the account goes (names, not ids).
create table staff_audit (
    id              bigserial    primary key,
    at              timestamptz  not null default now(),
    actor           varchar(100) not null,
    action          varchar(40)  not null,
    target_username varchar(100) not null,
    target_tenant   varchar(40),
    detail          varchar(200)
);
create index staff_audit_tenant on staff_audit (target_tenant, at desc);
