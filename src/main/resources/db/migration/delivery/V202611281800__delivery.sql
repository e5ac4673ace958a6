-- Delivery of submitted Anträge to the responsible authority (module delivery, ADR 0015).
-- No personal data here: ids, the reference number, states and technical errors only.
-- antrag_id names an Antrag (applications module); no foreign key across modules.

-- Where a tenant's Anträge of one app go. No row: the built-in case inbox.
create table delivery_route (
    tenant_ars  char(12)     not null,
    app_id      varchar(64)  not null,
    channel     varchar(20)  not null check (channel in ('CASE_INBOX', 'PULL_API')),
    updated_at  timestamptz  not null default now(),
    primary key (tenant_ars, app_id)
);

-- One delivery per Antrag, written in the submitting transaction (outbox).
create table delivery (
    id               uuid         primary key,
    antrag_id        uuid         not null unique,
    reference        varchar(40)  not null,
    tenant_ars       char(12)     not null,
    app_id           varchar(64)  not null,
    channel          varchar(20)  not null check (channel in ('CASE_INBOX', 'PULL_API')),
    state            varchar(20)  not null
        check (state in ('QUEUED', 'DELIVERED', 'ACKNOWLEDGED', 'FAILED', 'FELL_BACK')),
    idempotency_key  uuid         not null unique,
    attempts         integer      not null default 0,
    last_error       varchar(500),
    submitted_at     timestamptz  not null,
    created_at       timestamptz  not null default now(),
    delivered_at     timestamptz,
    acknowledged_at  timestamptz,
    updated_at       timestamptz  not null default now()
);
-- What a Fachverfahren pulls: its tenant's deliveries that are not acknowledged yet.
create index delivery_open on delivery (tenant_ars, channel, submitted_at, id)
    where state in ('QUEUED', 'DELIVERED', 'FAILED');
