-- Import from the Portalverbund (#17): where each source's import stands, so that a run interrupted
-- by a crash or a failing page continues there, and a report of every run.

-- One row per configured source: the next page to fetch and the run it belongs to.
create table federation_source_state (
    source      varchar(60)   primary key check (source ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    next_index  bigint        not null default 0,
    next_url    varchar(2000),
    -- the run in progress; null when the last run ended
    run_id      uuid,
    -- a node running an import holds the source until then (operator button and job alike)
    locked_until timestamptz,
    updated_at  timestamptz   not null default now()
);

-- One row per run: what it did, and why it refused what it refused.
create table federation_import_run (
    id           uuid          primary key,
    source       varchar(60)   not null,
    started_at   timestamptz   not null default now(),
    finished_at  timestamptz,
    -- RUNNING, INTERRUPTED (a page failed; the next run continues there), COMPLETE
    outcome      varchar(20)   not null check (outcome in ('RUNNING', 'INTERRUPTED', 'COMPLETE')),
    -- whether the run began at index 0, i.e. reads the source's whole holdings
    full_pass    boolean       not null,
    pages        integer       not null default 0,
    created      integer       not null default 0,
    changed      integer       not null default 0,
    unchanged    integer       not null default 0,
    deleted      integer       not null default 0,
    refused      jsonb         not null default '[]'::jsonb,
    problem      varchar(300)
);
create index federation_import_run_source_idx on federation_import_run (source, started_at desc);

-- The objects a full pass has seen, so that at its end what the source no longer has is deleted.
create table federation_import_seen (
    run_id  uuid          not null references federation_import_run (id) on delete cascade,
    id      varchar(200)  not null,
    primary key (run_id, id)
);

-- A source's Leistung ids (XZuFi leistung/id) with their LeiKa key: Zuständigkeiten name the
-- Leistung by that id, possibly on a later page than the Leistung itself.
create table federation_leistung (
    source     varchar(60)   not null,
    id         varchar(200)  not null,
    leika_key  varchar(14)   not null,
    primary key (source, id)
);

-- The keys that sign the routes' destinationSignature; the newest active one signs, all unretired
-- ones are published as JWKS. The private key is sealed with platform.SecretBox.
create table federation_signing_key (
    kid          varchar(60)   primary key,
    private_jwk  text          not null,
    public_jwk   text          not null,
    created_at   timestamptz   not null default now(),
    retired_at   timestamptz
);
