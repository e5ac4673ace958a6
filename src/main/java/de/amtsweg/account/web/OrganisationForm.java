package de.amtsweg.account.web;

import de.amtsweg.account.Organisations;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** Name, legal form, register entry and address of an Unternehmenskonto. */
public class OrganisationForm {

  @NotBlank(message = "{account.organisation.error.name}")
  @Size(max = 200, message = "{account.profile.error.too-long}")
  private @Nullable String name;

  @NotBlank(message = "{account.organisation.error.legal-form}")
  private @Nullable String legalForm;

  @Size(max = 100, message = "{account.profile.error.too-long}")
  private @Nullable String registerNumber;

  @Size(max = 100, message = "{account.profile.error.too-long}")
  private @Nullable String street;

  @Size(max = 10, message = "{account.profile.error.too-long}")
  private @Nullable String houseNumber;

  @Pattern(regexp = "[0-9]{5}", message = "{account.profile.error.postcode}")
  private @Nullable String postcode;

  @Size(max = 100, message = "{account.profile.error.too-long}")
  private @Nullable String city;

  private int version;

  static OrganisationForm of(Organisations.Organisation organisation) {
    OrganisationForm form = new OrganisationForm();
    Organisations.Details d = organisation.details();
    form.name = d.name();
    form.legalForm = d.legalForm();
    form.registerNumber = d.registerNumber();
    form.street = d.street();
    form.houseNumber = d.houseNumber();
    form.postcode = d.postcode();
    form.city = d.city();
    form.version = organisation.version();
    return form;
  }

  Organisations.Details details() {
    return new Organisations.Details(
        String.valueOf(name),
        String.valueOf(legalForm),
        registerNumber,
        street,
        houseNumber,
        postcode,
        city);
  }

  public @Nullable String getName() {
    return name;
  }

  public void setName(@Nullable String v) {
    name = v;
  }

  public @Nullable String getLegalForm() {
    return legalForm;
  }

  public void setLegalForm(@Nullable String v) {
    legalForm = v;
  }

  public @Nullable String getRegisterNumber() {
    return registerNumber;
  }

  public void setRegisterNumber(@Nullable String v) {
    registerNumber = v;
  }

  public @Nullable String getStreet() {
    return street;
  }

  public void setStreet(@Nullable String v) {
    street = v;
  }

  public @Nullable String getHouseNumber() {
    return houseNumber;
  }

  public void setHouseNumber(@Nullable String v) {
    houseNumber = v;
  }

  public @Nullable String getPostcode() {
    return postcode;
  }

  public void setPostcode(@Nullable String v) {
    postcode = v;
  }

  public @Nullable String getCity() {
    return city;
  }

  public void setCity(@Nullable String v) {
    city = v;
  }

  public int getVersion() {
    return version;
  }

  public void setVersion(int v) {
    version = v;
  }
}
