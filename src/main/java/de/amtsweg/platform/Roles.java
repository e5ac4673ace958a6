package de.amtsweg.platform;

/**
 * Roles that cross module boundaries. Security rules ({@code platform.security}) and the modules
 * that log people in ({@code account}) must agree on them.
 */
public final class Roles {

  /** A person or business logged in to their Servicekonto. Spring Security authority {@code ROLE_CITIZEN}. */
  public static final String CITIZEN = "CITIZEN";

  /** The Spring Security authority of {@link #CITIZEN}. */
  public static final String CITIZEN_AUTHORITY = "ROLE_" + CITIZEN;

  private Roles() {}
}
