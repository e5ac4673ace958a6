package de.amtsweg.delivery;

import java.util.UUID;

/**
 * An Antrag was handed to the built-in case inbox: its route is the case inbox, or its push route
 * gave up and it fell back. Published inside the transaction that records it, so the case and the
 * delivery are committed together. Carries ids only, never answers.
 */
public record CaseInboxDelivered(
    UUID deliveryId,
    UUID antragId,
    String reference,
    String tenantArs,
    String appId,
    boolean fellBack) {}
