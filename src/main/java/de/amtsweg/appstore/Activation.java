package de.amtsweg.appstore;

import java.time.OffsetDateTime;
import java.util.Map;

/**
 * A tenant's switch for one app.
 *
 * @param parameters the tenant's values for the app's parameters (missing ones take the default)
 * @param payment when and how the fee is paid online, and where it is booked
 */
public record Activation(
    String tenantArs,
    String appId,
    boolean active,
    Map<String, Object> parameters,
    OffsetDateTime updatedAt,
    String updatedBy,
    PaymentTerms payment) {

  public Activation {
    parameters = Map.copyOf(parameters);
  }
}
