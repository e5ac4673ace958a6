package de.amtsweg.platform.security;

import org.jspecify.annotations.Nullable;

/** The operator's forms for staff identity providers (bound by Spring MVC, hence mutable). */
final class StaffIdentityProviderForms {

  private StaffIdentityProviderForms() {}

  /** A provider: what the operator types; the secret only when it is new or changes. */
  static final class ProviderForm {
    private String key = "";
    private String displayName = "";
    private String tenantSlug = "";
    private String issuer = "";
    private String clientId = "";
    private String clientSecret = "";
    private String scopes = "openid profile email";
    private String claim = "groups";
    private boolean requireMfa;
    private boolean enabled = true;

    static ProviderForm of(StaffIdentityProviders.Provider provider) {
      ProviderForm form = new ProviderForm();
      form.key = provider.key();
      form.displayName = provider.displayName();
      form.tenantSlug = provider.tenantSlug() == null ? "" : provider.tenantSlug();
      form.issuer = provider.issuer();
      form.clientId = provider.clientId();
      form.scopes = provider.scopes();
      form.claim = provider.claim();
      form.requireMfa = provider.requireMfa();
      form.enabled = provider.enabled();
      return form;
    }

    StaffIdentityProviders.Settings settings() {
      return new StaffIdentityProviders.Settings(
          key.strip(),
          displayName.strip(),
          tenantSlug.isBlank() ? null : tenantSlug.strip(),
          clientId.strip(),
          String.join(" ", scopes.strip().split("\\s+")),
          claim.strip(),
          requireMfa,
          enabled);
    }

    public String getKey() {
      return key;
    }

    public void setKey(@Nullable String key) {
      this.key = key == null ? "" : key;
    }

    public String getDisplayName() {
      return displayName;
    }

    public void setDisplayName(@Nullable String displayName) {
      this.displayName = displayName == null ? "" : displayName;
    }

    public String getTenantSlug() {
      return tenantSlug;
    }

    public void setTenantSlug(@Nullable String tenantSlug) {
      this.tenantSlug = tenantSlug == null ? "" : tenantSlug;
    }

    public String getIssuer() {
      return issuer;
    }

    public void setIssuer(@Nullable String issuer) {
      this.issuer = issuer == null ? "" : issuer.strip();
    }

    public String getClientId() {
      return clientId;
    }

    public void setClientId(@Nullable String clientId) {
      this.clientId = clientId == null ? "" : clientId;
    }

    public String getClientSecret() {
      return clientSecret;
    }

    public void setClientSecret(@Nullable String clientSecret) {
      this.clientSecret = clientSecret == null ? "" : clientSecret;
    }

    public String getScopes() {
      return scopes;
    }

    public void setScopes(@Nullable String scopes) {
      this.scopes = scopes == null ? "" : scopes;
    }

    public String getClaim() {
      return claim;
    }

    public void setClaim(@Nullable String claim) {
      this.claim = claim == null ? "" : claim;
    }

    public boolean isRequireMfa() {
      return requireMfa;
    }

    public void setRequireMfa(boolean requireMfa) {
      this.requireMfa = requireMfa;
    }

    public boolean isEnabled() {
      return enabled;
    }

    public void setEnabled(boolean enabled) {
      this.enabled = enabled;
    }
  }

  /** A mapping row to add. */
  static final class MappingForm {
    private String claimValue = "";
    private String role = "";
    private String mappingTenant = "";

    public String getClaimValue() {
      return claimValue;
    }

    public void setClaimValue(@Nullable String claimValue) {
      this.claimValue = claimValue == null ? "" : claimValue;
    }

    public String getRole() {
      return role;
    }

    public void setRole(@Nullable String role) {
      this.role = role == null ? "" : role;
    }

    public String getMappingTenant() {
      return mappingTenant;
    }

    public void setMappingTenant(@Nullable String mappingTenant) {
      this.mappingTenant = mappingTenant == null ? "" : mappingTenant;
    }
  }

  /** Whether a tenant's staff may sign in with a password. */
  static final class PasswordsForm {
    private String tenantSlug = "";
    private String localPasswords = "an";

    public String getTenantSlug() {
      return tenantSlug;
    }

    public void setTenantSlug(@Nullable String tenantSlug) {
      this.tenantSlug = tenantSlug == null ? "" : tenantSlug;
    }

    public String getLocalPasswords() {
      return localPasswords;
    }

    public void setLocalPasswords(@Nullable String localPasswords) {
      this.localPasswords = localPasswords == null ? "" : localPasswords;
    }
  }
}
