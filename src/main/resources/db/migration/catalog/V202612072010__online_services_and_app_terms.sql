-- Search terms that Antrags-Apps give their Leistungen (names and keywords weighted like names,
-- descriptions lowest), kept apart from the import's search_vector so that an import and a
-- publication never overwrite each other. The search matches search_all, which combines both.
alter table leistung add column app_vector tsvector not null default '';
alter table leistung add column search_all tsvector generated always as (search_vector || app_vector) stored;
drop index leistung_search_idx;
create index leistung_search_all_idx on leistung using gin (search_all);

-- Online services of other providers (the Land's or a federal portal) that an operator recorded for
-- an authority: with the Antrags-Apps, what makes a Leistung "online" at a place.
create table online_dienst (
    id            uuid         primary key,
    leika_key     varchar(14)  not null references leistung (leika_key) on delete cascade,
    authority_ars varchar(12)  not null check (authority_ars ~ '^[0-9]{12}$'),
    name          varchar(300) not null,
    url           varchar(500) not null check (url ~ '^https://'),
    provider      varchar(200) not null,
    created_at    timestamptz  not null default now(),
    unique (leika_key, authority_ars, url)
);
create index online_dienst_lookup_idx on online_dienst (authority_ars, leika_key);
