-- The Postfach: messages between authorities and a Servicekonto, newest first. INBOUND comes
-- from an authority, OUTBOUND is the person's reply. Content and attachments are personal data.
create table postfach_message (
    id           uuid         primary key,
    account_id   uuid         not null references account (id) on delete cascade,
    direction    varchar(8)   not null check (direction in ('INBOUND', 'OUTBOUND')),
    kind         varchar(12)  not null check (kind in ('INFO', 'STATUS', 'QUESTION', 'BESCHEID', 'REPLY')),
    authority_ars char(12)    not null,
    sender_name  varchar(200) not null,
    reference    varchar(100),
    subject      varchar(300) not null,
    body         text         not null,
    in_reply_to  uuid         references postfach_message (id) on delete cascade,
    created_at   timestamptz  not null default now(),
    read_at      timestamptz,
    search       tsvector generated always as (
        to_tsvector('german', coalesce(subject, '') || ' ' || coalesce(body, '') || ' '
            || coalesce(sender_name, '') || ' ' || coalesce(reference, ''))) stored
);
create index postfach_message_account on postfach_message (account_id, created_at desc);
create index postfach_message_search on postfach_message using gin (search);
comment on column postfach_message.body is 'personal data';

create table postfach_attachment (
    id           uuid         primary key,
    message_id   uuid         not null references postfach_message (id) on delete cascade,
    file_name    varchar(200) not null,
    content_type varchar(100) not null,
    size_bytes   int          not null,
    content      bytea        not null
);
create index postfach_attachment_message on postfach_attachment (message_id);
comment on column postfach_attachment.content is 'personal data';
