-- The link checker (#17, federation.forwarding) marks an Onlinedienst DEAD only after two failed checks in a row
-- of the same address: one timeout of a provider's server must not hide its service. It counts the failures of
-- the address it last checked, so that a changed address starts afresh.
alter table onlinedienst
    add column link_failures    integer       not null default 0 check (link_failures >= 0),
    add column link_checked_url varchar(1000);
