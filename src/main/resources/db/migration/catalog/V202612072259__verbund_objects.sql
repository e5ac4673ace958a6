-- Responsibility as data (Portalverbund, #17): the XZuFi objects Amtsweg keeps, whether edited here,
-- seeded, or imported from a source of the Portalverbund. Every id is '<source>:<id in the source>',
-- so that objects of different sources never collide and an import can update and delete its own.

-- An office that carries out Leistungen (XZuFi Organisationseinheit).
create table organisationseinheit (
    id            varchar(200)  primary key,
    source        varchar(60)   not null check (source ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    name          varchar(300)  not null,
    -- the Amtsweg authority the office belongs to, when it is one of the Land's register
    authority_ars varchar(12)   references authority (ars) on delete set null,
    street        varchar(200),
    postcode      varchar(10),
    city          varchar(100),
    phone         varchar(60),
    email         varchar(254),
    website       varchar(1000),
    opening_hours text,
    updated_at    timestamptz   not null default now()
);
create index organisationseinheit_source_idx on organisationseinheit (source);

-- An online service of any provider (XZuFi Onlinedienst). The address may carry the placeholders
-- {leikaKey} and {ars}, filled in when a person is forwarded.
create table onlinedienst (
    id              varchar(200)  primary key,
    source          varchar(60)   not null check (source ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    name            varchar(300)  not null,
    provider        varchar(300)  not null,
    url             varchar(1000) not null check (url ~ '^https?://'),
    link_status     varchar(10)   not null default 'UNCHECKED'
                                  check (link_status in ('UNCHECKED', 'OK', 'DEAD')),
    link_checked_at timestamptz,
    link_problem    varchar(300),
    updated_at      timestamptz   not null default now()
);
create index onlinedienst_source_idx on onlinedienst (source);

-- Who does a Leistung in a region (XZuFi Zustaendigkeit): an Organisationseinheit (the competent
-- office or a contact point) or an Onlinedienst. The region is an ARS (XZuFi gebietID):
-- '000000000000' is the whole of Germany, '160000000000' Thüringen, else a Kreis, Verband or Gemeinde.
create table zustaendigkeit (
    id                      varchar(200) primary key,
    source                  varchar(60)  not null check (source ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    leika_key               varchar(14)  not null references leistung (leika_key) on delete cascade,
    region_ars              varchar(12)  not null check (region_ars ~ '^[0-9]{12}$'),
    organisationseinheit_id varchar(200) references organisationseinheit (id) on delete cascade,
    onlinedienst_id         varchar(200) references onlinedienst (id) on delete cascade,
    rolle                   varchar(30)  not null
                            check (rolle in ('ZUSTAENDIGE_STELLE', 'ANSPRECHPUNKT', 'ONLINEDIENST')),
    updated_at              timestamptz  not null default now(),
    check (num_nonnulls(organisationseinheit_id, onlinedienst_id) = 1),
    check ((rolle = 'ONLINEDIENST') = (onlinedienst_id is not null))
);
create index zustaendigkeit_lookup_idx on zustaendigkeit (leika_key, region_ars);
create index zustaendigkeit_source_idx on zustaendigkeit (source);
create index zustaendigkeit_oe_idx on zustaendigkeit (organisationseinheit_id);
create index zustaendigkeit_od_idx on zustaendigkeit (onlinedienst_id);
