/**
 * The built-in test payment service of the demo: a {@link de.amtsweg.payment.PaymentProvider} whose
 * pages let the payer pay, cancel or never return. Internal to the module.
 */
@NullMarked
package de.amtsweg.payment.testservice;

import org.jspecify.annotations.NullMarked;
