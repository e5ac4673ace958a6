-- Unternehmenskonten: organisations that several persons belong to, as admin or member.
create table organisation (
    id              uuid         primary key,
    name            varchar(200) not null,
    legal_form      varchar(40)  not null,
    register_number varchar(100),
    street          varchar(100),
    house_number    varchar(10),
    postcode        varchar(5),
    city            varchar(100),
    created_at      timestamptz  not null default now(),
    version         int          not null default 0
);

create table organisation_member (
    organisation_id uuid        not null references organisation (id) on delete cascade,
    account_id      uuid        not null references account (id) on delete cascade,
    role            varchar(10) not null check (role in ('ADMIN', 'MEMBER')),
    added_at        timestamptz not null default now(),
    primary key (organisation_id, account_id)
);
create index organisation_member_account on organisation_member (account_id);
