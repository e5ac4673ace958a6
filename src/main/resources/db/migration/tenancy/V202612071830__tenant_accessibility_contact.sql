-- Where people report barriers on the tenant's pages (BITV 2.0 § 7: the feedback mechanism of the
-- Barrierefreiheitserklärung): an e-mail address, shown with the tenant's contact.
alter table tenant add column accessibility_contact varchar(200);
