-- E-invoices are exported through the delivery engine (ADR 0021): their routes are delivery routes
-- for the document type E_RECHNUNG, attempts and errors live on the delivery. The old columns go;
-- einvoice_export_route is moved into delivery_route at start-up by LegacyExportRoutes (its
-- webhook keys are sealed and must be opened in Java) and dropped by a later release.
alter table einvoice drop column export_attempts;
alter table einvoice drop column export_error;
alter table einvoice drop column export_attempted_at;

-- Every change of an invoice's status, written by its one gate (EinvoiceStatusGate).
create table einvoice_status_history (
    id           bigserial    primary key,
    einvoice_id  uuid         not null references einvoice (id) on delete cascade,
    from_status  varchar(20)  not null,
    to_status    varchar(20)  not null,
    reason       varchar(60)  not null,
    at           timestamptz  not null default now()
);
create index einvoice_status_history_invoice on einvoice_status_history (einvoice_id, id);
