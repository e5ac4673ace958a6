package de.amtsweg.appstore;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/**
 * A tenant's payment settings for one app, part of its activation.
 *
 * @param policy when the fee is paid
 * @param feeOverride the tenant's amount in euros, replacing the app's amount (per unit for a fee
 *     per unit, the whole fee for a computed one); null keeps the app's
 * @param haushaltsstelle where the authority books the income (its HKR budget line)
 * @param objektnummer the booking object, if the authority's cash system uses one
 */
public record PaymentTerms(
    PaymentPolicy policy,
    @Nullable BigDecimal feeOverride,
    @Nullable String haushaltsstelle,
    @Nullable String objektnummer) {

  /** No online payment. */
  public static final PaymentTerms NONE = new PaymentTerms(PaymentPolicy.NONE, null, null, null);

  /** Whether the applicant pays online at all. */
  public boolean online() {
    return policy != PaymentPolicy.NONE;
  }
}
