package de.amtsweg.applications;

import java.util.UUID;

/** An Antrag was submitted. Carries ids only, never answers. */
public record AntragSubmitted(UUID antragId, String reference, String appId, String tenantArs) {}
