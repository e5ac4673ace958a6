-- Each tenant's Erklärung zur Barrierefreiheit (BITV 2.0 § 7, ThürBarrWebG): its date, the date of
-- its last review, the conformity status and the known barriers, kept by the tenant's admins. A
-- tenant without a row shows the platform's own self-assessment.
create table accessibility_statement (
  tenant_id      uuid primary key references tenant (id) on delete cascade,
  conformity     varchar(10) not null check (conformity in ('FULL', 'PARTIAL', 'NONE')),
  prepared_on    date not null,
  reviewed_on    date not null,
  known_barriers text not null,
  updated_by     varchar(200) not null,
  updated_at     timestamptz not null default now(),
  version        integer not null default 0,
  check (reviewed_on >= prepared_on)
);

-- The feedback mechanism: what people report about barriers, kept for the tenant (and mailed to
-- its accessibility contact). name and email are personal data, given voluntarily for an answer.
create table accessibility_feedback (
  id          uuid primary key,
  tenant_id   uuid not null references tenant (id) on delete cascade,
  received_at timestamptz not null default now(),
  page        varchar(500),
  message     text not null,
  name        varchar(200),
  email       varchar(254)
);
create index accessibility_feedback_tenant on accessibility_feedback (tenant_id, received_at desc);
comment on column accessibility_feedback.message is 'personal data';
comment on column accessibility_feedback.name is 'personal data';
comment on column accessibility_feedback.email is 'personal data';
