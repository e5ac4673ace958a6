-- The Leistungskatalog: Themenfelder, Lebenslagen, OZG-Leistungen and LeiKa-Leistungen.
create table themenfeld (
    id   integer      primary key,
    name varchar(200) not null
);

create table lebenslage (
    id            integer      primary key,
    themenfeld_id integer      not null references themenfeld (id),
    name          varchar(200) not null
);
create index lebenslage_themenfeld_idx on lebenslage (themenfeld_id);

create table ozg_leistung (
    ozg_id        varchar(5)   primary key check (ozg_id ~ '^[0-9]{5}$'),
    lebenslage_id integer      references lebenslage (id),
    name          varchar(300) not null,
    description   text
);
create index ozg_leistung_lebenslage_idx on ozg_leistung (lebenslage_id);

-- Administrative level that carries out a Leistung (Vollzugsebene), see docs/adr/0007-zustaendigkeit.md.
create table leistung (
    leika_key       varchar(14)  primary key check (leika_key ~ '^99[0-9]{12}$'),
    name            varchar(500) not null,
    typisierung     varchar(20),
    legal_basis     text,
    legal_basis_url varchar(500),
    law             varchar(500),
    law_short       varchar(100),
    ozg_id          varchar(5)   references ozg_leistung (ozg_id),
    sdg             boolean      not null default false,
    ebene           varchar(20)  not null,
    ebene_reason    varchar(300) not null,
    name_key        varchar(500) not null,
    search_vector   tsvector     not null
);
create index leistung_search_idx on leistung using gin (search_vector);
create index leistung_ozg_idx on leistung (ozg_id);

-- Words of the catalog, for typo correction and compound splitting of queries.
create table catalog_word (
    word varchar(100) primary key
);

-- Operator overrides: for this Leistung, in this region (a place or any authority above it),
-- this authority is responsible. No foreign keys to authorities: they belong to another module.
create table zustaendigkeit_override (
    id            uuid         primary key,
    leika_key     varchar(14)  not null references leistung (leika_key),
    region_ars    varchar(12)  not null check (region_ars ~ '^[0-9]{12}$'),
    authority_ars varchar(12)  not null check (authority_ars ~ '^[0-9]{12}$'),
    reason        varchar(500) not null,
    created_at    timestamptz  not null default now(),
    unique (leika_key, region_ars)
);

-- OZG maturity of an authority's online offer for a Leistung. Append-only: every assessment keeps
-- the model it was made under; a new model never rescores old assessments.
create table reifegrad_bewertung (
    id            uuid         primary key,
    authority_ars varchar(12)  not null check (authority_ars ~ '^[0-9]{12}$'),
    leika_key     varchar(14)  not null references leistung (leika_key),
    model         varchar(5)   not null check (model in ('1.1', '2.0')),
    level         smallint     not null,
    assessed_on   date         not null,
    note          varchar(500),
    recorded_at   timestamptz  not null default now(),
    check ((model = '1.1' and level between 0 and 4) or (model = '2.0' and level between 0 and 7))
);
create index reifegrad_lookup_idx on reifegrad_bewertung (authority_ars, leika_key, assessed_on desc, recorded_at desc);
