-- Rate limits shared by all nodes (platform.RateLimits): one row per use of a limited action
-- (a sliding log). The key is an HMAC of the client address or e-mail address, never the address.
create table rate_limit_slot (
  id uuid primary key,
  bucket text not null,
  key_hash text not null,
  taken_at timestamptz not null,
  expires_at timestamptz not null
);
create index rate_limit_slot_by_key on rate_limit_slot (bucket, key_hash, taken_at);
create index rate_limit_slot_by_expiry on rate_limit_slot (expires_at);

-- Proof-of-work challenges already used (platform.ProofOfWork): each solved challenge is accepted
-- once. Kept until the challenge expires; the hash is of its signature.
create table proof_of_work_spent (
  challenge_hash text primary key,
  expires_at timestamptz not null
);
create index proof_of_work_spent_by_expiry on proof_of_work_spent (expires_at);
