-- Issue #15: a lock holds one account from one client address (key 'pair:'), never the account for
-- everybody. Per account, failures from all addresses only slow down addresses the account never
-- logged in from, and tell the owner once. All keys stay SHA-256 hashes.

-- The subject (account, staff user name, API client) a pair row belongs to, so that a password
-- reset can lift the locks of all its pairs.
alter table login_throttle add column subject_key varchar(80);
-- Subject rows: the last failure (their count restarts only after a quiet window) and when the
-- owner was last told about an attack.
alter table login_throttle add column last_failure_at timestamptz;
alter table login_throttle add column alerted_at timestamptz;
create index login_throttle_subject on login_throttle (subject_key) where subject_key is not null;

-- Client addresses a subject logged in from successfully: they pass the subject's slow-down.
-- known_key = SHA-256 of subject key and address; no address is stored.
create table login_known_address (
    known_key       char(64)    primary key,
    subject_key     varchar(80) not null,
    last_success_at timestamptz not null
);
create index login_known_address_subject on login_known_address (subject_key);
