/**
 * The payment module's web layer: payment services' notifications, the caseworkers' payments and
 * refunds, the tenant's payment settings, the bookings API for the cash system and the pages of the
 * built-in test payment service. Internal to the module.
 */
@NullMarked
package de.amtsweg.payment.web;

import org.jspecify.annotations.NullMarked;
