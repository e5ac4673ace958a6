-- Payments (module payment, ADR 0018). No personal data: amounts, Kassenzeichen, booking data,
-- Antrag reference numbers and a payer reference chosen by the caller (e.g. a cart id).
-- tenant_ars names an authority (tenancy module); no foreign key across modules.

-- Which payment service a tenant uses, and how its Kassenzeichen look. Secrets are sealed (AES-GCM).
create table payment_config (
    tenant_ars               char(12)      primary key,
    provider                 varchar(30)   not null,
    kassenzeichen_prefix     varchar(12)   not null,
    kassenzeichen_scheme     varchar(30)   not null,
    haushaltsstelle          varchar(40)   not null,
    objektnummer             varchar(40),
    endpoint_url             varchar(500),
    originator_id            varchar(100),
    endpoint_id              varchar(100),
    client_id                varchar(200),
    client_secret            varchar(1000),
    notification_secret      varchar(1000) not null,
    updated_by               varchar(100),
    updated_at               timestamptz   not null default now()
);

-- Kassenzeichen counters per tenant and year.
create table payment_kassenzeichen_counter (
    tenant_ars  char(12)  not null,
    year        integer   not null,
    last_value  bigint    not null,
    primary key (tenant_ars, year)
);

create table payment (
    id                       uuid          primary key,
    tenant_ars               char(12)      not null,
    idempotency_key          uuid          not null unique,
    kassenzeichen            varchar(40)   not null,
    status                   varchar(20)   not null check (status in
        ('CREATED', 'PENDING', 'PAID', 'FAILED', 'CANCELLED', 'EXPIRED', 'REFUNDED', 'PARTIALLY_REFUNDED')),
    amount_cents             bigint        not null check (amount_cents > 0),
    refunded_cents           bigint        not null default 0 check (refunded_cents >= 0 and refunded_cents <= amount_cents),
    currency                 char(3)       not null default 'EUR',
    provider                 varchar(30)   not null,
    provider_transaction_id  varchar(200),
    pay_url                  varchar(1000),
    account_id               uuid,
    payer_reference          varchar(100)  not null,
    return_url               varchar(1000) not null,
    cancel_url               varchar(1000) not null,
    attempts                 integer       not null default 0,
    last_error               varchar(500),
    next_check_at            timestamptz,
    paid_at                  timestamptz,
    created_at               timestamptz   not null default now(),
    updated_at               timestamptz   not null default now(),
    unique (tenant_ars, kassenzeichen)
);
create index payment_tenant_created on payment (tenant_ars, created_at desc);
create index payment_open on payment (next_check_at) where status in ('CREATED', 'PENDING');
create unique index payment_provider_transaction on payment (provider, provider_transaction_id);

create table payment_item (
    payment_id        uuid          not null references payment (id) on delete cascade,
    position          integer       not null,
    antrag_reference  varchar(40)   not null,
    description       varchar(200)  not null,
    amount_cents      bigint        not null check (amount_cents > 0),
    haushaltsstelle   varchar(40)   not null,
    objektnummer      varchar(40),
    primary key (payment_id, position)
);
create index payment_item_antrag on payment_item (antrag_reference);

-- Status history (the caseworker's detail page).
create table payment_event (
    id           bigserial     primary key,
    payment_id   uuid          not null references payment (id) on delete cascade,
    from_status  varchar(20),
    to_status    varchar(20)   not null,
    amount_cents bigint,
    source       varchar(30)   not null,
    actor        varchar(100),
    reason       varchar(500),
    at           timestamptz   not null default now()
);
create index payment_event_payment on payment_event (payment_id, id);

-- Notifications already seen, by the provider's event id (deduplication).
create table payment_notification (
    provider    varchar(30)   not null,
    tenant_ars  char(12)      not null,
    event_id    varchar(200)  not null,
    payment_id  uuid,
    status      varchar(20)   not null,
    applied     boolean       not null,
    received_at timestamptz   not null default now(),
    primary key (provider, tenant_ars, event_id)
);

-- Bookings for the cash system (HKR): one line per item paid, one line per item share of a refund.
create table payment_booking (
    id                bigserial     primary key,
    payment_id        uuid          not null references payment (id),
    tenant_ars        char(12)      not null,
    type              varchar(10)   not null check (type in ('PAYMENT', 'REFUND')),
    item_position     integer       not null,
    kassenzeichen     varchar(40)   not null,
    haushaltsstelle   varchar(40)   not null,
    objektnummer      varchar(40),
    amount_cents      bigint        not null check (amount_cents > 0),
    currency          char(3)       not null,
    payer_reference   varchar(100)  not null,
    booking_date      date          not null,
    booked_at         timestamptz   not null default now()
);
create index payment_booking_day on payment_booking (tenant_ars, booking_date, id);

-- The built-in test payment service's own transactions (what a real provider keeps on its side).
create table payment_test_transaction (
    id               uuid          primary key,
    payment_id       uuid          not null unique,
    tenant_ars       char(12)      not null,
    status           varchar(20)   not null check (status in ('INITIAL', 'PAYED', 'FAILED', 'CANCELED')),
    amount_cents     bigint        not null,
    refunded_cents   bigint        not null default 0,
    return_url       varchar(1000) not null,
    cancel_url       varchar(1000) not null,
    notification_url varchar(1000) not null,
    created_at       timestamptz   not null default now(),
    updated_at       timestamptz   not null default now()
);
