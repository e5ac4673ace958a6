create extension if not exists pg_trgm;

-- Every public authority of the Land, from the official Gemeindeverzeichnis (Destatis GV100AD).
create table authority (
    ars            varchar(12)  primary key check (ars ~ '^[0-9]{12}$'),
    ags            varchar(8),
    name           varchar(200) not null,
    official_name  varchar(200) not null,
    display_name   varchar(250) not null,
    type           varchar(40)  not null,
    parent_ars     varchar(12)  references authority (ars),
    population     integer,
    area_ha        integer,
    seat           varchar(200),
    seat_postcode  varchar(5),
    search_key     varchar(250) not null,  -- name folded by GermanFolding (lower case, no umlauts)
    display_key    varchar(250) not null   -- display name folded the same way
);
create index authority_parent_idx on authority (parent_ars);
create index authority_search_trgm_idx on authority using gin (search_key gin_trgm_ops);
create index authority_display_trgm_idx on authority using gin (display_key gin_trgm_ops);

-- How well a folded name matches a folded query: 0 exact, 1 prefix, 2 word prefix, 3 anywhere, 4 similar.
create function authority_match_rank(folded_name text, folded_query text) returns integer
    language sql immutable parallel safe as $$
    select case
        when folded_name = folded_query then 0
        when folded_name like folded_query || '%' then 1
        when folded_name like '% ' || folded_query || '%' then 2
        when folded_name like '%' || folded_query || '%' then 3
        else 4 end
$$;

-- Postcodes that lie (partly) in a Gemeinde. One postcode may span several Gemeinden and vice versa.
create table authority_postcode (
    postcode varchar(5)  not null check (postcode ~ '^[0-9]{5}$'),
    ars      varchar(12) not null references authority (ars),
    primary key (postcode, ars)
);
create index authority_postcode_ars_idx on authority_postcode (ars);

-- An authority that runs services in Amtsweg (Mandant).
create table tenant (
    id                uuid         primary key,
    slug              varchar(40)  not null unique check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    authority_ars     varchar(12)  not null unique references authority (ars),
    display_name      varchar(200) not null,
    primary_colour    char(7)      not null check (primary_colour ~ '^#[0-9a-f]{6}$'),
    logo              bytea,
    logo_content_type varchar(40),
    street            varchar(200),
    postcode          varchar(5),
    city              varchar(100),
    phone             varchar(40),
    email             varchar(200),
    website           varchar(300),
    opening_hours     text,
    impressum         text,
    datenschutz       text,
    created_at        timestamptz  not null default now(),
    updated_at        timestamptz  not null default now(),
    version           integer      not null default 0
);
