package de.amtsweg.tenancy.web;

import de.amtsweg.tenancy.Tenant;
import de.amtsweg.tenancy.TenantProfile;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** The operator's tenant form. Slug and authority are set once, when the tenant is created. */
public class TenantForm {

  /** Validation group for the fields that only the creation form has. */
  interface Creation {}

  @NotBlank(message = "{tenant.error.authority.required}", groups = Creation.class)
  @Pattern(
      regexp = "[0-9]{12}",
      message = "{tenant.error.authority.format}",
      groups = Creation.class)
  private @Nullable String authorityArs;

  @NotBlank(message = "{tenant.error.slug.required}", groups = Creation.class)
  @Pattern(
      regexp = "[a-z0-9]+(-[a-z0-9]+)*",
      message = "{tenant.error.slug.format}",
      groups = Creation.class)
  @Size(min = 2, max = 40, message = "{tenant.error.slug.size}", groups = Creation.class)
  private @Nullable String slug;

  @NotBlank(message = "{tenant.error.displayName.required}")
  @Size(max = 200, message = "{tenant.error.too-long}")
  private @Nullable String displayName;

  @NotBlank(message = "{tenant.error.colour.required}")
  @Pattern(regexp = "#[0-9a-fA-F]{6}", message = "{tenant.error.colour.format}")
  private @Nullable String primaryColour = "#004b87";

  @Size(max = 200, message = "{tenant.error.too-long}")
  private @Nullable String street;

  @Pattern(regexp = "[0-9]{5}", message = "{tenant.error.postcode}")
  private @Nullable String postcode;

  @Size(max = 100, message = "{tenant.error.too-long}")
  private @Nullable String city;

  @Pattern(regexp = "\\+?[0-9][0-9 ()/-]{2,38}", message = "{tenant.error.phone}")
  private @Nullable String phone;

  @Email(message = "{tenant.error.email}")
  @Size(max = 200, message = "{tenant.error.too-long}")
  private @Nullable String email;

  @Pattern(regexp = "https://[^\\s<>\"]{3,290}", message = "{tenant.error.website}")
  private @Nullable String website;

  @Size(max = 2000, message = "{tenant.error.too-long}")
  private @Nullable String openingHours;

  @Size(max = 20000, message = "{tenant.error.too-long}")
  private @Nullable String impressum;

  @Size(max = 20000, message = "{tenant.error.too-long}")
  private @Nullable String datenschutz;

  @Email(message = "{tenant.error.email}")
  @Size(max = 200, message = "{tenant.error.too-long}")
  private @Nullable String accessibilityContact;

  private int version;

  static TenantForm of(Tenant tenant) {
    TenantForm form = new TenantForm();
    TenantProfile p = tenant.profile();
    form.authorityArs = tenant.authorityArs();
    form.slug = tenant.slug();
    form.displayName = p.displayName();
    form.primaryColour = p.primaryColour();
    form.street = p.street();
    form.postcode = p.postcode();
    form.city = p.city();
    form.phone = p.phone();
    form.email = p.email();
    form.website = p.website();
    form.openingHours = p.openingHours();
    form.impressum = p.impressum();
    form.datenschutz = p.datenschutz();
    form.accessibilityContact = p.accessibilityContact();
    form.version = tenant.version();
    return form;
  }

  TenantProfile toProfile() {
    return new TenantProfile(
        String.valueOf(displayName).strip(),
        String.valueOf(primaryColour),
        street,
        postcode,
        city,
        phone,
        email,
        website,
        openingHours,
        impressum,
        datenschutz,
        accessibilityContact);
  }

  public @Nullable String getAuthorityArs() {
    return authorityArs;
  }

  public void setAuthorityArs(@Nullable String authorityArs) {
    this.authorityArs = authorityArs;
  }

  public @Nullable String getSlug() {
    return slug;
  }

  public void setSlug(@Nullable String slug) {
    this.slug = slug;
  }

  public @Nullable String getDisplayName() {
    return displayName;
  }

  public void setDisplayName(@Nullable String displayName) {
    this.displayName = displayName;
  }

  public @Nullable String getPrimaryColour() {
    return primaryColour;
  }

  public void setPrimaryColour(@Nullable String primaryColour) {
    this.primaryColour = primaryColour;
  }

  public @Nullable String getStreet() {
    return street;
  }

  public void setStreet(@Nullable String street) {
    this.street = street;
  }

  public @Nullable String getPostcode() {
    return postcode;
  }

  public void setPostcode(@Nullable String postcode) {
    this.postcode = postcode;
  }

  public @Nullable String getCity() {
    return city;
  }

  public void setCity(@Nullable String city) {
    this.city = city;
  }

  public @Nullable String getPhone() {
    return phone;
  }

  public void setPhone(@Nullable String phone) {
    this.phone = phone;
  }

  public @Nullable String getEmail() {
    return email;
  }

  public void setEmail(@Nullable String email) {
    this.email = email;
  }

  public @Nullable String getWebsite() {
    return website;
  }

  public void setWebsite(@Nullable String website) {
    this.website = website;
  }

  public @Nullable String getOpeningHours() {
    return openingHours;
  }

  public void setOpeningHours(@Nullable String openingHours) {
    this.openingHours = openingHours;
  }

  public @Nullable String getImpressum() {
    return impressum;
  }

  public void setImpressum(@Nullable String impressum) {
    this.impressum = impressum;
  }

  public @Nullable String getDatenschutz() {
    return datenschutz;
  }

  public void setDatenschutz(@Nullable String datenschutz) {
    this.datenschutz = datenschutz;
  }

  public @Nullable String getAccessibilityContact() {
    return accessibilityContact;
  }

  public void setAccessibilityContact(@Nullable String accessibilityContact) {
    this.accessibilityContact = accessibilityContact;
  }

  public int getVersion() {
    return version;
  }

  public void setVersion(int version) {
    this.version = version;
  }
}
