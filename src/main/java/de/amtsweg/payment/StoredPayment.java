package de.amtsweg.payment;

import java.net.URI;
import org.jspecify.annotations.Nullable;

/** A payment with what only this module sees. */
record StoredPayment(
    Payment payment,
    @Nullable String transactionId,
    URI returnUrl,
    URI cancelUrl,
    @Nullable String payerReference,
    @Nullable String lastError,
    int attempts,
    @Nullable String cancelReason,
    boolean lateRefundDue) {}
