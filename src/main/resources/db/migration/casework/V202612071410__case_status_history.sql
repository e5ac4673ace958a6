-- Every change of a case's status, written by its one gate (VorgangStatusGate). No personal data:
-- who changed it is a staff account.
create table casework_status_history (
    id           bigserial    primary key,
    antrag_id    uuid         not null references casework_case (antrag_id) on delete cascade,
    from_status  varchar(30)  not null,
    to_status    varchar(30)  not null,
    changed_by   varchar(100) not null,
    reason       varchar(60)  not null,
    at           timestamptz  not null default now()
);
create index casework_status_history_case on casework_status_history (antrag_id, id);
