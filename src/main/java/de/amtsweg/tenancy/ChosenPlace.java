package de.amtsweg.tenancy;

import java.io.Serializable;

/**
 * The Gemeinde a visitor said they live in, kept for the visit.
 *
 * @param ars the Gemeinde's ARS
 * @param displayName e.g. {@code Stadt Erfurt}
 */
public record ChosenPlace(String ars, String displayName) implements Serializable {}
