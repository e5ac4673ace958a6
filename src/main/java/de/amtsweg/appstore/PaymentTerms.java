package de.amtsweg.appstore;

import org.jspecify.annotations.Nullable;

/**
 * A tenant's payment settings for one app, part of its activation. The amounts are not here: they
 * are the app's money parameters (one field per amount on the activation page, ADR in the appstore
 * module doc: "One fee field").
 *
 * @param policy when the fee is paid
 * @param haushaltsstelle where the authority books the income (its HKR budget line)
 * @param objektnummer the booking object, if the authority's cash system uses one
 */
public record PaymentTerms(
    PaymentPolicy policy, @Nullable String haushaltsstelle, @Nullable String objektnummer) {

  /** No online payment. */
  public static final PaymentTerms NONE = new PaymentTerms(PaymentPolicy.NONE, null, null);

  /** Whether the applicant pays online at all. */
  public boolean online() {
    return policy != PaymentPolicy.NONE;
  }
}
