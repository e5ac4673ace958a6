-- Every status an Antrag had, written by AntragStatusGate with each change (issue 14). No personal
-- data: statuses, time and a short technical reason. Goes with the Antrag (retention, deletion).
create table antrag_status_history (
    id           bigserial    primary key,
    antrag_id    uuid         not null references antrag (id) on delete cascade,
    from_status  varchar(30),
    to_status    varchar(30)  not null,
    at           timestamptz  not null default now(),
    reason       varchar(64)  not null
);
create index antrag_status_history_antrag on antrag_status_history (antrag_id, id);

-- Anträge from before the history: their status as it stands, as the first row.
insert into antrag_status_history (antrag_id, from_status, to_status, at, reason)
select id, null, status, submitted_at, 'before-history' from antrag;
