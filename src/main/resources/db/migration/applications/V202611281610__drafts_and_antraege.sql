-- Drafts (Entwürfe) of Anträge: saved at every step. Personal data: answers, resume_email.
-- account_id names a Servicekonto (account module); no foreign key across modules.
create table antrag_draft (
    id                   uuid         primary key,
    app_id               varchar(64)  not null,
    app_version          integer      not null,
    tenant_ars           char(12)     not null,
    authority_name       varchar(200) not null,
    leika_key            varchar(14),
    account_id           uuid,
    answers              jsonb        not null default '{}',
    declarations         varchar(64)[] not null default '{}',
    prefill_decided      boolean      not null default false,
    resume_email         varchar(254),
    resume_token_hash    char(64),
    resume_token_expires timestamptz,
    reminder_sent_at     timestamptz,
    submitted_reference  varchar(40),
    created_at           timestamptz  not null default now(),
    updated_at           timestamptz  not null default now()
);
create index antrag_draft_account on antrag_draft (account_id) where account_id is not null;
create index antrag_draft_updated on antrag_draft (updated_at) where submitted_reference is null;
create unique index antrag_draft_resume on antrag_draft (resume_token_hash) where resume_token_hash is not null;

-- Submitted Anträge: immutable answers, the receipt, the status. Personal data: answers,
-- answers_xml, contact_email, applicant_name, receipt_pdf.
create table antrag (
    id                 uuid          primary key,
    reference          varchar(40)   not null unique,
    submission_key     varchar(200)  not null unique,
    app_id             varchar(64)   not null,
    app_version        integer       not null,
    tenant_ars         char(12)      not null,
    authority_name     varchar(200)  not null,
    leika_key          varchar(14),
    account_id         uuid,
    contact_email      varchar(254),
    applicant_name     varchar(300),
    answers            jsonb         not null,
    answers_xml        text          not null,
    computed           jsonb         not null default '{}',
    fee                numeric(12,2),
    status             varchar(30)   not null,
    receipt_pdf        bytea,
    receipt_token_hash char(64)      not null,
    submitted_at       timestamptz   not null default now()
);
create index antrag_account on antrag (account_id, submitted_at desc) where account_id is not null;
create index antrag_tenant on antrag (tenant_ars, submitted_at desc);

-- Uploaded files: first on the draft, then moved to the Antrag on submission.
create table antrag_attachment (
    id            uuid          primary key,
    draft_id      uuid          references antrag_draft (id) on delete cascade,
    antrag_id     uuid          references antrag (id) on delete cascade,
    field_path    varchar(200)  not null,
    name          varchar(255)  not null,
    content_type  varchar(100)  not null,
    size          integer       not null,
    sha256        char(64)      not null,
    content       bytea         not null,
    created_at    timestamptz   not null default now(),
    check (draft_id is not null or antrag_id is not null)
);
create index antrag_attachment_draft on antrag_attachment (draft_id);
create index antrag_attachment_antrag on antrag_attachment (antrag_id);

-- The citizen-facing timeline of an Antrag (submission, delivery, payment, casework).
create table antrag_event (
    id         bigserial     primary key,
    antrag_id  uuid          not null references antrag (id) on delete cascade,
    at         timestamptz   not null default now(),
    type       varchar(40)   not null,
    note       text
);
create index antrag_event_antrag on antrag_event (antrag_id, at);

-- Reference numbers per prefix and year: HUND-2026-000123.
create table antrag_reference_counter (
    prefix  varchar(8)  not null,
    year    integer     not null,
    last    integer     not null,
    primary key (prefix, year)
);
