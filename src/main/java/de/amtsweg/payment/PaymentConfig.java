package de.amtsweg.payment;

import org.jspecify.annotations.Nullable;

/**
 * A tenant's payment configuration, with its secrets decrypted (never shown, never logged).
 *
 * @param provider id of the {@link PaymentProvider}
 * @param kassenzeichenPrefix what every Kassenzeichen of the tenant starts with
 * @param haushaltsstelle default booking account for items without their own
 * @param objektnummer default object number, if the cash system wants one
 * @param endpointUrl base URL of the payment service (XBezahldienste: up to {@code
 *     /xbezahldienste})
 * @param originatorId the tenant's originator id at the service
 * @param endpointId the tenant's endpoint id at the service
 * @param clientId OAuth 2.0 client id at the service
 * @param clientSecret its secret
 * @param notificationSecret shared secret of the notifications' HMAC signature
 */
public record PaymentConfig(
    String tenantArs,
    String provider,
    String kassenzeichenPrefix,
    KassenzeichenScheme kassenzeichenScheme,
    String haushaltsstelle,
    @Nullable String objektnummer,
    @Nullable String endpointUrl,
    @Nullable String originatorId,
    @Nullable String endpointId,
    @Nullable String clientId,
    @Nullable String clientSecret,
    String notificationSecret) {

  @Override
  public String toString() {
    return "PaymentConfig[" + tenantArs + ", " + provider + "]";
  }
}
