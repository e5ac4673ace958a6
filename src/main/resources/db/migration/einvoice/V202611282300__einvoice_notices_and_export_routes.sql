-- E-Rechnung: who submitted (for the rejection mail), throttle of intake-rejection mails, export
-- routes per tenant and the state of an invoice's export.

-- The person's account that submitted the invoice; null when an API client did.
alter table einvoice add column submitted_by_account uuid;

-- Export to the finance system: attempts and the last error (shown in the inbox, retryable).
alter table einvoice add column export_attempts     int          not null default 0;
alter table einvoice add column export_error        varchar(500);
alter table einvoice add column export_attempted_at timestamptz;

-- When a supplier organisation was last told by e-mail that an invoice was rejected at intake.
create table einvoice_supplier_notice (
    organisation_id uuid         primary key,  -- account module's organisation
    notified_at     timestamptz  not null
);

-- Where a tenant's invoices go on export: a folder (file drop) or an HTTPS endpoint (webhook).
create table einvoice_export_route (
    tenant_slug   varchar(40)   primary key,   -- tenancy module's tenant
    kind          varchar(10)   not null check (kind in ('FILE_DROP', 'WEBHOOK')),
    directory     varchar(200),                -- FILE_DROP: below <export-directory>/<tenant>/
    url           varchar(500),                -- WEBHOOK
    secret        text,                        -- WEBHOOK: HMAC key, sealed (AES-GCM, account.SecretBox)
    changed_at    timestamptz   not null default now(),
    changed_by    varchar(200)  not null,
    version       int           not null default 0,
    check ((kind = 'FILE_DROP' and url is null and secret is null)
        or (kind = 'WEBHOOK' and url is not null and secret is not null and directory is null))
);
