-- Second factor: a TOTP secret (RFC 6238) per account, confirmed once the person entered a code
-- from their app; last_step prevents a code from being used twice. Recovery codes only as SHA-256.
create table account_totp (
    account_id   uuid        primary key references account (id) on delete cascade,
    secret       varchar(64) not null,
    confirmed_at timestamptz,
    last_step    bigint      not null default 0
);

create table account_recovery_code (
    account_id uuid        not null references account (id) on delete cascade,
    code_hash  char(64)    not null,
    used_at    timestamptz,
    primary key (account_id, code_hash)
);
