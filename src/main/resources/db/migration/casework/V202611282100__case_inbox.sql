-- The built-in case inbox (module casework, ADR 0017).
-- antrag_id names an Antrag (applications module); no foreign key across modules.
-- Personal data lives in casework_note (text), casework_question (text), casework_bescheid (text, pdf):
-- the retention job deletes them with the case. The audit log holds no personal data.

-- One case per Antrag the case inbox received. status mirrors the Antrag's status for filtering.
create table casework_case (
    antrag_id     uuid         primary key,
    reference     varchar(40)  not null unique,
    tenant_ars    char(12)     not null,
    app_id        varchar(64)  not null,
    status        varchar(30)  not null,
    submitted_at  timestamptz  not null,
    assignee      varchar(100),
    fell_back     boolean      not null default false,
    opened_at     timestamptz,
    closed_at     timestamptz,
    version       integer      not null default 0,
    created_at    timestamptz  not null default now()
);
create index casework_case_tenant on casework_case (tenant_ars, submitted_at desc);
create index casework_case_closed on casework_case (closed_at) where closed_at is not null;

-- Internal notes: never shown to the applicant. Personal data.
create table casework_note (
    id          uuid         primary key,
    antrag_id   uuid         not null references casework_case (antrag_id) on delete cascade,
    author      varchar(100) not null,
    text        text         not null,
    created_at  timestamptz  not null default now()
);
create index casework_note_case on casework_note (antrag_id, created_at);

-- Questions sent to the applicant's Postfach; replies to the message belong to the case.
create table casework_question (
    message_id  uuid         primary key,
    antrag_id   uuid         not null references casework_case (antrag_id) on delete cascade,
    asked_by    varchar(100) not null,
    text        text         not null,
    asked_at    timestamptz  not null default now()
);
create index casework_question_case on casework_question (antrag_id);

create table casework_reply (
    reply_id     uuid         primary key,
    antrag_id    uuid         not null references casework_case (antrag_id) on delete cascade,
    message_id   uuid         not null,
    received_at  timestamptz  not null default now()
);
create index casework_reply_case on casework_reply (antrag_id);

-- Bescheide sent (the text and the PDF as sent). Personal data.
create table casework_bescheid (
    id                  uuid         primary key,
    antrag_id           uuid         not null references casework_case (antrag_id) on delete cascade,
    sent_by             varchar(100) not null,
    text                text         not null,
    pdf                 bytea        not null,
    postfach_message_id uuid,
    sent_at             timestamptz  not null default now()
);
create index casework_bescheid_case on casework_bescheid (antrag_id);

-- Per tenant and app: the Bescheid template and how long closed cases are kept (null: the default setting).
create table casework_app_setting (
    tenant_ars        char(12)     not null,
    app_id            varchar(64)  not null,
    bescheid_subject  varchar(200),
    bescheid_body     text,
    retention_days    integer      check (retention_days between 1 and 3650),
    updated_by        varchar(100) not null,
    updated_at        timestamptz  not null default now(),
    primary key (tenant_ars, app_id)
);

-- Who looked at or changed which case when. Never answer content or other personal data.
create table casework_audit (
    id          bigserial    primary key,
    tenant_ars  char(12)     not null,
    at          timestamptz  not null default now(),
    actor       varchar(100) not null,
    action      varchar(40)  not null,
    reference   varchar(40)  not null,
    app_id      varchar(64)  not null,
    detail      varchar(300)
);
create index casework_audit_tenant on casework_audit (tenant_ars, at desc);
create index casework_audit_reference on casework_audit (tenant_ars, reference);
