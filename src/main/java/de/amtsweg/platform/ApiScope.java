package de.amtsweg.platform;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The scopes an API client may be given, each for the kind of owner it fits: authorities (tenants)
 * read applications and send Postfach messages, organisations (suppliers) send invoices. A client
 * asks for some of its scopes at {@code /oauth2/token}; the token carries them.
 *
 * <p>In the platform because the modules that check a scope ({@code delivery}, {@code payment},
 * {@code einvoice}) and the one that issues it ({@code account}) must agree on it.
 */
public enum ApiScope {

  /** Read the applications (Anträge) submitted to the tenant's authority. */
  ANTRAEGE_LESEN("antraege.lesen", OwnerKind.TENANT),
  /** Deliver messages and Bescheide to citizens' Postfächer. */
  POSTFACH_SENDEN("postfach.senden", OwnerKind.TENANT),
  /** Read the tenant's payment bookings for its cash system (payment module). */
  ZAHLUNGEN_LESEN("zahlungen.lesen", OwnerKind.TENANT),
  /** Send invoices (e-Rechnungen) to authorities. */
  RECHNUNGEN_SENDEN("rechnungen.senden", OwnerKind.ORGANISATION);

  /** Whose API clients: an authority's (tenant) or a business's (organisation). */
  public enum OwnerKind {
    TENANT,
    ORGANISATION
  }

  private final String value;
  private final OwnerKind owner;

  ApiScope(String value, OwnerKind owner) {
    this.value = value;
    this.owner = owner;
  }

  /** The scope as OAuth 2.0 names it, e.g. {@code antraege.lesen}. */
  public String value() {
    return value;
  }

  /** Whose clients may have this scope. */
  public OwnerKind owner() {
    return owner;
  }

  /** The scopes that clients of this kind of owner may have, in declaration order. */
  public static List<ApiScope> of(OwnerKind owner) {
    return Arrays.stream(values()).filter(scope -> scope.owner == owner).toList();
  }

  /** The scope with this OAuth 2.0 name, if it is known. */
  public static Optional<ApiScope> byValue(String value) {
    return Arrays.stream(values()).filter(scope -> scope.value.equals(value)).findFirst();
  }
}
