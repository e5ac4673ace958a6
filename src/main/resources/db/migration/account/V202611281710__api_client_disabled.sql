-- An API client can be switched off without deleting it: it gets no new tokens, and the tokens it
-- has are refused at once. Switched on again, it works with its old secret.
alter table api_client add column disabled_at timestamptz;
