-- The Servicekonto's profile: one row per field, each with where the value came from and when
-- (provenance). All values are personal data; they go with the account.
create table profile_value (
    account_id uuid         not null references account (id) on delete cascade,
    field      varchar(40)  not null,
    value      varchar(500) not null,
    source     varchar(30)  not null check (source in ('USER', 'IDENTITY_PROVIDER')),
    updated_at timestamptz  not null default now(),
    primary key (account_id, field)
);
comment on column profile_value.value is 'personal data';
