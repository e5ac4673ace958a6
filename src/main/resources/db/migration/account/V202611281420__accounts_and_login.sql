-- Servicekonto: person accounts that log in with e-mail and password (Argon2id).
create table account (
    id                  uuid         primary key,
    email               varchar(254) not null unique,
    password_hash       varchar(200),
    email_confirmed_at  timestamptz,
    password_changed_at timestamptz,
    created_at          timestamptz  not null default now()
);
comment on column account.email is 'personal data';

-- Links sent by e-mail (confirm address, reset password, change address). Only a SHA-256 of the
-- token is stored; a token is used once (used_at) and expires.
create table account_token (
    token_hash char(64)     primary key,
    account_id uuid         not null references account (id) on delete cascade,
    purpose    varchar(20)  not null check (purpose in ('CONFIRM_EMAIL', 'CHANGE_EMAIL', 'RESET_PASSWORD')),
    new_email  varchar(254),
    created_at timestamptz  not null default now(),
    expires_at timestamptz  not null,
    used_at    timestamptz
);
create index account_token_account on account_token (account_id, purpose);
comment on column account_token.new_email is 'personal data';

-- Failed logins per account and per client address, both only as SHA-256 keys. Shared by all nodes.
create table login_throttle (
    throttle_key      varchar(80) primary key,
    failures          int         not null,
    window_started_at timestamptz not null,
    locked_until      timestamptz
);
