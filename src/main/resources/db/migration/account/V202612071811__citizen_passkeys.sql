-- Citizens' passkeys (ADR 0024), apart from the staff's user_credentials: a passkey of one
-- population is unknown to the other's sign-in. user_handle is the WebAuthn user id (base64url).
create table citizen_passkey_user (
  account_id uuid primary key references account (id) on delete cascade,
  user_handle varchar(200) not null unique
);

create table citizen_passkey (
  credential_id varchar(1000) not null primary key,
  account_id uuid not null references citizen_passkey_user (account_id) on delete cascade,
  public_key bytea not null,
  signature_count bigint not null,
  uv_initialized boolean not null,
  backup_eligible boolean not null,
  backup_state boolean not null,
  transports varchar(1000) not null,
  attestation_object bytea,
  attestation_client_data_json bytea,
  created timestamptz not null,
  last_used timestamptz not null,
  label varchar(200) not null
);

create index citizen_passkey_account on citizen_passkey (account_id);
