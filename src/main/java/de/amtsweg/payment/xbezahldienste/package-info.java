/**
 * The {@link de.amtsweg.payment.PaymentProvider} for XBezahldienste-style payment services (ePayBL,
 * pmPayment and others) over HTTP. Internal to the module.
 */
@NullMarked
package de.amtsweg.payment.xbezahldienste;

import org.jspecify.annotations.NullMarked;
