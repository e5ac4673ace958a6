-- Datenschutz-Cockpit: every use of profile data to prefill an application, as the person
-- confirmed it: which fields went to which authority for which service, and when.
create table data_sharing (
    id             uuid          primary key,
    account_id     uuid          not null references account (id) on delete cascade,
    authority_ars  char(12)      not null,
    authority_name varchar(200)  not null,
    service_id     varchar(40),
    service_name   varchar(300)  not null,
    fields         varchar(40)[] not null,
    reference      varchar(100),
    shared_at      timestamptz   not null default now()
);
create index data_sharing_account on data_sharing (account_id, shared_at desc);
