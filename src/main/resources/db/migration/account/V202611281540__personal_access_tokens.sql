-- Personal access tokens: a person calls the API with a token instead of the session. Only the
-- SHA-256 of the token is stored; each has a name, an expiry and can be revoked.
create table personal_access_token (
    id           uuid         primary key,
    account_id   uuid         not null references account (id) on delete cascade,
    name         varchar(100) not null,
    token_hash   char(64)     not null unique,
    created_at   timestamptz  not null default now(),
    expires_at   timestamptz  not null,
    last_used_at timestamptz,
    revoked_at   timestamptz
);
create index personal_access_token_account on personal_access_token (account_id);
