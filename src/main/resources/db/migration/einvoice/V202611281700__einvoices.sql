-- E-Rechnung: Leitweg-IDs (BT-10) per tenant, received invoices with their validation findings.

-- Which tenant receives invoices addressed to a Leitweg-ID. Stored as written canonically
-- (Grob[-Fein]-Prüfziffer, letters upper case); the check digits were verified on entry.
create table einvoice_leitweg_id (
    leitweg_id  varchar(50)  primary key,
    tenant_slug varchar(40)  not null references tenant (slug) on update cascade on delete cascade,
    description varchar(200),
    created_at  timestamptz  not null default now()
);
create index einvoice_leitweg_id_tenant on einvoice_leitweg_id (tenant_slug);

-- Every invoice received, also rejected and unroutable ones (kept for the operator).
create table einvoice (
    id                 uuid          primary key,
    received_at        timestamptz   not null default now(),
    channel            varchar(10)   not null check (channel in ('API', 'WEB')),
    organisation_id    uuid          not null,  -- the submitting supplier (account module)
    submitted_by       varchar(200)  not null,  -- API client id or account id
    format             varchar(4)    not null check (format in ('XML', 'PDF')),
    syntax             varchar(20),
    specification      varchar(300),
    valid              boolean       not null,
    leitweg_id         varchar(100),            -- BT-10 as written
    routing_problem    varchar(30)   check (routing_problem in ('MISSING', 'MALFORMED', 'WRONG_CHECK_DIGITS', 'UNKNOWN')),
    tenant_slug        varchar(40)   references tenant (slug) on update cascade,
    status             varchar(20)   not null check (status in
                         ('ZURUECKGEWIESEN', 'EINGEGANGEN', 'GEPRUEFT', 'SACHLICH_RICHTIG', 'ABGELEHNT', 'EXPORTIERT')),
    status_reason      text,
    status_changed_at  timestamptz   not null default now(),
    duplicate_of       uuid          references einvoice (id),
    invoice_number     varchar(200),
    seller_name        varchar(300),
    issue_date         date,
    due_date           date,
    currency           varchar(3),
    payable_amount     numeric(19, 2),
    original           bytea         not null,
    original_type      varchar(40)   not null,
    xml                bytea,
    version            int           not null default 0
);
create index einvoice_tenant on einvoice (tenant_slug, received_at desc);
create index einvoice_organisation on einvoice (organisation_id, received_at desc);
create index einvoice_duplicate on einvoice (organisation_id, invoice_number);

create table einvoice_finding (
    einvoice_id uuid          not null references einvoice (id) on delete cascade,
    position    int           not null,
    rule        varchar(100)  not null,
    severity    varchar(12)   not null check (severity in ('ERROR', 'WARNING', 'INFORMATION')),
    location    text          not null,
    message     text          not null,
    primary key (einvoice_id, position)
);
