-- One delivery engine for everything Amtsweg hands on (ADR 0021): Anträge and e-invoices share the
-- outbox, the routes, the worker and the back channel. A delivery names its document by type and id
-- (the owning module reads it out through its DocumentSource); still no personal data here.

alter table delivery rename column antrag_id to document_id;
alter table delivery rename column app_id to subject;
alter table delivery drop constraint delivery_antrag_id_key;
alter table delivery add column document_type varchar(20) not null default 'ANTRAG'
    check (document_type in ('ANTRAG', 'E_RECHNUNG'));
alter table delivery alter column document_type drop default;
alter table delivery add constraint delivery_document unique (document_type, document_id);
-- E-invoice numbers (BT-1) are longer than reference numbers of Anträge.
alter table delivery alter column reference type varchar(200);

alter table delivery drop constraint delivery_channel_check;
alter table delivery add constraint delivery_channel_check
    check (channel in ('CASE_INBOX', 'PULL_API', 'WEBHOOK', 'EMAIL_NOTICE', 'FILE_DROP'));

-- WITHDRAWN: the owner took the document back before it arrived (an e-invoice declined meanwhile).
alter table delivery drop constraint delivery_state_check;
alter table delivery add constraint delivery_state_check
    check (state in ('QUEUED', 'DELIVERED', 'ACKNOWLEDGED', 'FAILED', 'FELL_BACK', 'WITHDRAWN'));

-- Due pushes, on every push channel: a delivery with a next attempt is the worker's.
drop index delivery_due;
create index delivery_due on delivery (next_attempt_at)
    where next_attempt_at is not null and state in ('QUEUED', 'FAILED');

-- Every change of state, written by the one gate that changes it (DeliveryStateGate).
create table delivery_state_history (
    id           bigserial    primary key,
    delivery_id  uuid         not null references delivery (id) on delete cascade,
    from_state   varchar(20)  not null,
    to_state     varchar(20)  not null,
    reason       varchar(60)  not null,
    at           timestamptz  not null default now()
);
create index delivery_state_history_delivery on delivery_state_history (delivery_id, id);

-- Routes per tenant, document type and subject (the app for Anträge, '' for e-invoices).
alter table delivery_route rename column app_id to subject;
alter table delivery_route add column document_type varchar(20) not null default 'ANTRAG'
    check (document_type in ('ANTRAG', 'E_RECHNUNG'));
alter table delivery_route alter column document_type drop default;
alter table delivery_route drop constraint delivery_route_pkey;
alter table delivery_route add primary key (tenant_ars, document_type, subject);
alter table delivery_route drop constraint delivery_route_channel_check;
alter table delivery_route add constraint delivery_route_channel_check
    check (channel in ('CASE_INBOX', 'PULL_API', 'WEBHOOK', 'EMAIL_NOTICE', 'FILE_DROP'));
-- FILE_DROP: the sub-folder below the tenant's folder ('' for the folder itself).
alter table delivery_route add column directory varchar(400);
alter table delivery_route add column changed_by varchar(100);
alter table delivery_route add column version integer not null default 0;
