-- Outgoing e-mail: an outbox written in the same transaction as the change that causes the mail.
-- PENDING rows are delivered over SMTP (claimed with FOR UPDATE SKIP LOCKED); without SMTP the
-- rows are kept as LOCAL: the local mailbox of the demo profile. Holds personal data (addresses,
-- links): rows are deleted seven days after they were written.
create table outbound_mail (
    id              uuid         primary key,
    recipient       varchar(320) not null,
    subject         varchar(300) not null,
    body            text         not null,
    status          varchar(10)  not null check (status in ('PENDING', 'SENT', 'FAILED', 'LOCAL')),
    attempts        int          not null default 0,
    next_attempt_at timestamptz  not null default now(),
    last_error      varchar(200),
    created_at      timestamptz  not null default now(),
    sent_at         timestamptz
);
create index outbound_mail_pending on outbound_mail (next_attempt_at) where status = 'PENDING';
create index outbound_mail_recipient on outbound_mail (lower(recipient), created_at);
