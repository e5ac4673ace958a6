-- TOTP secrets are stored encrypted (AES-256-GCM, "aesgcm1:" + Base64), which is longer than the
-- Base32 secret. Rows written before are encrypted by the application at its next start.
alter table account_totp alter column secret type varchar(200);
