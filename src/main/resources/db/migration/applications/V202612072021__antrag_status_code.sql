-- The status code of an Antrag without a Servicekonto: with its reference, the applicant looks up
-- the status (/antrag/status). Sent in the receipt e-mail; only its SHA-256 is stored.
alter table antrag add column status_code_hash varchar(64);
