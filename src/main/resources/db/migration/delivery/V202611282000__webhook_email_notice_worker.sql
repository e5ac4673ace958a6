-- Push routes (signed webhook, e-mail notice), the delivery worker's lease and backoff, callback
-- replay protection and alerts (module delivery, ADR 0016). Still no personal data here.

alter table delivery_route drop constraint delivery_route_channel_check;
alter table delivery_route add constraint delivery_route_channel_check
    check (channel in ('CASE_INBOX', 'PULL_API', 'WEBHOOK', 'EMAIL_NOTICE'));
-- WEBHOOK: where to POST, the shared HMAC secret (AES-GCM sealed, account.SecretBox), and the
-- Fachverfahren's public key (JWK, JSON) to encrypt the payload as JWE, if any.
-- EMAIL_NOTICE: the authority's functional mailbox. Kept when the channel changes.
alter table delivery_route add column webhook_url varchar(2000);
alter table delivery_route add column webhook_secret text;
alter table delivery_route add column webhook_jwk text;
alter table delivery_route add column notice_email varchar(320);

alter table delivery drop constraint delivery_channel_check;
alter table delivery add constraint delivery_channel_check
    check (channel in ('CASE_INBOX', 'PULL_API', 'WEBHOOK', 'EMAIL_NOTICE'));
-- next_attempt_at: when a worker may push it (again); locked_until/claim: the lease of the worker
-- that is pushing it now (a killed worker's lease runs out and another takes the row).
alter table delivery add column next_attempt_at timestamptz;
alter table delivery add column locked_until timestamptz;
alter table delivery add column claim uuid;
alter table delivery add column fell_back_at timestamptz;
-- When the tenant admins were told it is not acknowledged in time (once).
alter table delivery add column overdue_alerted_at timestamptz;
update delivery set next_attempt_at = created_at where channel = 'WEBHOOK';

-- What a worker claims: due pushes.
create index delivery_due on delivery (next_attempt_at) where channel = 'WEBHOOK' and state in ('QUEUED', 'FAILED');
-- The cockpit: a tenant's deliveries, newest first.
create index delivery_tenant on delivery (tenant_ars, submitted_at desc);
-- Overdue acknowledgements.
create index delivery_unacknowledged on delivery (submitted_at) where state <> 'ACKNOWLEDGED';

-- Signatures of callbacks already accepted, kept for the replay window: a callback seen before is refused.
create table delivery_callback_signature (
    signature  char(64)     primary key,
    seen_at    timestamptz  not null default now()
);
create index delivery_callback_signature_seen on delivery_callback_signature (seen_at);

-- Per tenant: where delivery alerts go (fallback, not acknowledged in time). Without a row, the
-- tenant's contact address.
create table delivery_tenant_setting (
    tenant_ars   char(12)     primary key,
    alert_email  varchar(320),
    updated_at   timestamptz  not null default now()
);
