-- Documents a caseworker attaches to a Bescheid (the certificate itself, a plan, a photo): PDF, JPEG or PNG.
-- Staged on the case (bescheid_id null) until the Bescheid is sent, then they belong to it. Personal data:
-- deleted with the case.
create table casework_bescheid_attachment (
    id            uuid         primary key,
    antrag_id     uuid         not null references casework_case (antrag_id) on delete cascade,
    bescheid_id   uuid         references casework_bescheid (id) on delete cascade,
    file_name     varchar(200) not null,
    content_type  varchar(100) not null,
    size_bytes    integer      not null,
    content       bytea        not null,
    added_by      varchar(100) not null,
    added_at      timestamptz  not null default now()
);
create index casework_bescheid_attachment_case on casework_bescheid_attachment (antrag_id, added_at);

-- Whether the Bescheid goes out by post as well (the applicant chose post, or has no Postfach):
-- then the case page offers one printable PDF with the Bescheid and its attachments.
alter table casework_bescheid add column postal boolean not null default false;
