-- Staff sign-in with the administration's own OpenID Connect provider (ADR 0025): the providers
-- operators configure (for one tenant or the whole Land), the mapping of a claim's values to a role
-- and tenant, the identities that signed in (just-in-time staff accounts, linked by issuer and
-- subject), and per tenant whether its staff may still sign in with a password.
create table staff_identity_provider (
    id                uuid primary key,
    key               varchar(24)   not null unique,
    display_name      varchar(100)  not null,
    -- The tenant the provider serves; null: the whole Land (the tenant comes from the mapping).
    tenant_slug       varchar(40),
    issuer            varchar(500)  not null,
    authorization_uri varchar(1000) not null,
    token_uri         varchar(1000) not null,
    jwk_set_uri       varchar(1000) not null,
    user_info_uri     varchar(1000),
    client_id         varchar(200)  not null,
    -- Sealed with platform.SecretBox for 'staff-idp:' || id.
    client_secret     text          not null,
    scopes            varchar(500)  not null,
    claim             varchar(100)  not null,
    require_mfa       boolean       not null default false,
    enabled           boolean       not null default true,
    created_at        timestamptz   not null default now(),
    updated_at        timestamptz   not null default now()
);

create table staff_identity_provider_mapping (
    id          uuid primary key,
    provider_id uuid         not null references staff_identity_provider (id) on delete cascade,
    claim_value varchar(200) not null,
    role        varchar(40)  not null,
    tenant_slug varchar(40),
    created_at  timestamptz  not null default now(),
    constraint staff_identity_provider_mapping_scope
        check ((role = 'PLATFORM_OPERATOR') = (tenant_slug is null))
);
create index staff_identity_provider_mapping_provider on staff_identity_provider_mapping (provider_id);

-- A person of a provider and the staff account made for them at their first sign-in.
create table staff_federated_identity (
    issuer           varchar(500) not null,
    subject          varchar(255) not null,
    staff_account_id uuid         not null unique references staff_account (id) on delete cascade,
    provider_id      uuid         not null references staff_identity_provider (id) on delete cascade,
    last_login_at    timestamptz,
    primary key (issuer, subject)
);

-- Tenants whose staff sign in only through their provider.
create table staff_tenant_sign_in (
    tenant_slug     varchar(40) primary key,
    local_passwords boolean     not null default true,
    updated_at      timestamptz not null default now()
);
