-- Payment settings per tenant and app: when the fee is paid, the tenant's amount and where it is booked.
alter table app_activation
    add column payment_policy   varchar(20)   not null default 'NONE',
    add column fee_override     numeric(12,2),
    add column haushaltsstelle  varchar(40),
    add column objektnummer     varchar(40);
