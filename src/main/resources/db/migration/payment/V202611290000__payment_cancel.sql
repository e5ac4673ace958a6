-- Cancelling an open payment (issue 8): Amtsweg asks the payment service to cancel a payment that a
-- changed Warenkorb or a new payment for the same Antrag supersedes. While the service has not
-- confirmed it, the payment is marked (cancel_requested_at) and not payable; the reconciliation
-- retries. Money that arrives for a payment Amtsweg cancelled is booked and refunded in full
-- (late_refund_due until the refund went through).
alter table payment
    add column cancel_requested_at  timestamptz,
    add column cancel_reason        varchar(200),
    add column late_refund_due      boolean       not null default false;
create index payment_cancel_or_refund_due on payment (next_check_at)
    where late_refund_due or (cancel_requested_at is not null and status in ('CREATED', 'PENDING'));

-- The test payment service: a transaction cancelled by Amtsweg (not by the payer) says so on its page.
alter table payment_test_transaction
    add column voided_at  timestamptz;
