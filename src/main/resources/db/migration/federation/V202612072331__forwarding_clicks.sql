-- Forwarding (#17): how often people went from Amtsweg to another provider's online service, counted per
-- Onlinedienst, Leistung, place (ARS) and day. No personal data: no address, no session, no time of day.
-- onlinedienst_id names catalog's onlinedienst without a foreign key (no keys across modules): the counts of a
-- deleted Onlinedienst stay for the statistics.
create table forwarding_click (
    onlinedienst_id varchar(200) not null,
    leika_key       varchar(14)  not null check (leika_key ~ '^99[0-9]{12}$'),
    ars             varchar(12)  not null check (ars ~ '^[0-9]{12}$'),
    day             date         not null,
    clicks          integer      not null check (clicks > 0),
    primary key (onlinedienst_id, leika_key, ars, day)
);
create index forwarding_click_day_idx on forwarding_click (day);
