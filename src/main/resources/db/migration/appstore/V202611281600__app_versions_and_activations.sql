-- Published versions of Antrags-Apps. A published version never changes: drafts and Anträge
-- refer to (app_id, version), so the trigger below refuses every update.
create table app_version (
    app_id        varchar(64)  not null,
    version       integer      not null check (version > 0),
    definition    jsonb        not null,
    source        text         not null,
    checksum      char(64)     not null,
    published_at  timestamptz  not null default now(),
    published_by  varchar(200) not null,
    primary key (app_id, version)
);

create function app_version_immutable() returns trigger language plpgsql as $$
begin
  raise exception 'published app versions are immutable';
end $$;

create trigger app_version_immutable before update on app_version
  for each row execute function app_version_immutable();

-- What an editor is working on before publishing: one draft per app.
create table app_draft (
    app_id      varchar(64)  primary key,
    source      text         not null,
    updated_at  timestamptz  not null default now(),
    updated_by  varchar(200) not null
);

-- "Einer für Alle": which tenant offers which app, with its own parameters (fees, contact, notes).
create table app_activation (
    tenant_ars   char(12)     not null,
    app_id       varchar(64)  not null,
    active       boolean      not null,
    parameters   jsonb        not null default '{}',
    updated_at   timestamptz  not null default now(),
    updated_by   varchar(200) not null,
    primary key (tenant_ars, app_id)
);
create index app_activation_app on app_activation (app_id) where active;
