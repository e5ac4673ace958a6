-- API clients (Fachverfahren, ERP systems, other portals): OAuth 2.0 client credentials at
-- POST /oauth2/token. Each client belongs to one tenant or one organisation; its secret is stored
-- as an Argon2id hash and rotated by the tenant admin.
create table api_client (
    id                uuid          primary key,
    client_id         varchar(100)  not null unique,
    name              varchar(200)  not null,
    secret_hash       varchar(200)  not null,
    tenant_slug       varchar(40),
    organisation_id   uuid          references organisation (id) on delete cascade,
    scopes            varchar(100)[] not null,
    created_at        timestamptz   not null default now(),
    secret_rotated_at timestamptz   not null default now(),
    constraint api_client_owner check ((tenant_slug is null) <> (organisation_id is null))
);

-- The key that signs access tokens, shared by all nodes and kept across restarts.
create table api_signing_key (
    id          varchar(40) primary key,
    private_key bytea       not null,
    public_key  bytea       not null,
    created_at  timestamptz not null default now()
);

-- Spring Authorization Server's record of issued tokens (its schema, with text and timestamptz
-- for PostgreSQL as its documentation says). Rows are deleted a day after their token expired.
create table oauth2_authorization (
    id varchar(100) not null,
    registered_client_id varchar(100) not null,
    principal_name varchar(200) not null,
    authorization_grant_type varchar(100) not null,
    authorized_scopes varchar(1000) default null,
    attributes text default null,
    state varchar(500) default null,
    authorization_code_value text default null,
    authorization_code_issued_at timestamptz default null,
    authorization_code_expires_at timestamptz default null,
    authorization_code_metadata text default null,
    access_token_value text default null,
    access_token_issued_at timestamptz default null,
    access_token_expires_at timestamptz default null,
    access_token_metadata text default null,
    access_token_type varchar(100) default null,
    access_token_scopes varchar(1000) default null,
    oidc_id_token_value text default null,
    oidc_id_token_issued_at timestamptz default null,
    oidc_id_token_expires_at timestamptz default null,
    oidc_id_token_metadata text default null,
    refresh_token_value text default null,
    refresh_token_issued_at timestamptz default null,
    refresh_token_expires_at timestamptz default null,
    refresh_token_metadata text default null,
    user_code_value text default null,
    user_code_issued_at timestamptz default null,
    user_code_expires_at timestamptz default null,
    user_code_metadata text default null,
    device_code_value text default null,
    device_code_issued_at timestamptz default null,
    device_code_expires_at timestamptz default null,
    device_code_metadata text default null,
    primary key (id)
);
create index oauth2_authorization_expiry on oauth2_authorization (access_token_expires_at);
