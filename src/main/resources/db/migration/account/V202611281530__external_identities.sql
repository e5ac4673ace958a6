-- Logins through an external OpenID Connect provider (Keycloak, a BundID-compatible IdP): the
-- provider's issuer and the person's subject there, linked to one Servicekonto. An account may
-- have a password, linked identities, or both.
create table account_identity (
    issuer     varchar(300) not null,
    subject    varchar(255) not null,
    account_id uuid         not null references account (id) on delete cascade,
    linked_at  timestamptz  not null default now(),
    primary key (issuer, subject)
);
create index account_identity_account on account_identity (account_id);
