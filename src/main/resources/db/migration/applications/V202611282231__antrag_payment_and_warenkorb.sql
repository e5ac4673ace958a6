-- Paying the fee online (issue 8). An Antrag whose tenant wants the fee before submission is written
-- as WARTET_AUF_ZAHLUNG (complete, reference reserved, not delivered) and submitted when paid.
alter table antrag
    add column payment_policy    varchar(20)   not null default 'NONE',
    add column amount_due_cents  bigint        check (amount_due_cents is null or amount_due_cents >= 0),
    add column fee_exemption     text,
    add column payment_attempt   integer       not null default 0,
    add column declarations      varchar(64)[] not null default '{}',
    add column locale            varchar(10)   not null default 'de',
    add column created_at        timestamptz   not null default now();
create index antrag_waiting on antrag (created_at) where status = 'WARTET_AUF_ZAHLUNG';

-- The Warenkorb: complete drafts collected for one checkout. The owner is the Servicekonto, or for
-- visitors without one a random id kept in their session (the cart lives for the visit).
create table warenkorb (
    owner       uuid         primary key,
    account     boolean      not null,
    attempt     integer      not null default 0,
    updated_at  timestamptz  not null default now()
);

create table warenkorb_item (
    owner     uuid         not null references warenkorb (owner) on delete cascade,
    draft_id  uuid         not null references antrag_draft (id) on delete cascade,
    added_at  timestamptz  not null default now(),
    primary key (owner, draft_id)
);
create unique index warenkorb_item_draft on warenkorb_item (draft_id);

-- The payments of a checkout attempt, one per authority, in the order the payer goes through them.
create table warenkorb_payment (
    owner       uuid         not null references warenkorb (owner) on delete cascade,
    attempt     integer      not null,
    position    integer      not null,
    tenant_ars  char(12)     not null,
    payment_id  uuid         not null,
    primary key (owner, attempt, tenant_ars)
);
