package de.amtsweg.delivery;

import org.springframework.stereotype.Component;

/**
 * The pull API ({@code /api/v1/delivery/submissions}, modelled on FIT-Connect): the delivery waits
 * until the tenant's Fachverfahren fetches it; {@link SubmissionPickup} serves it.
 */
@Component
class PullApiChannel implements Channel {

  @Override
  public DeliveryChannel id() {
    return DeliveryChannel.PULL_API;
  }

  @Override
  public Mode mode() {
    return Mode.PULL;
  }

  @Override
  public boolean accepts(DocumentType type) {
    return type == DocumentType.ANTRAG;
  }
}
