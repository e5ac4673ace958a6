package de.amtsweg.account.web;

import de.amtsweg.account.Profile;
import de.amtsweg.account.ProfileField;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.EnumMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The profile form, one section at a time; each validation group is a section. All fields are
 * optional: a blank field deletes its value.
 */
public class ProfileForm {

  interface Person {}

  interface Address {}

  interface Contact {}

  interface Bank {}

  @Size(max = 40, message = "{account.profile.error.too-long}", groups = Person.class)
  private @Nullable String doctoralDegree;

  @Size(max = 100, message = "{account.profile.error.too-long}", groups = Person.class)
  private @Nullable String givenNames;

  @Size(max = 100, message = "{account.profile.error.too-long}", groups = Person.class)
  private @Nullable String familyName;

  @Size(max = 100, message = "{account.profile.error.too-long}", groups = Person.class)
  private @Nullable String birthName;

  private @Nullable String birthDate;

  @Size(max = 100, message = "{account.profile.error.too-long}", groups = Person.class)
  private @Nullable String birthPlace;

  private @Nullable String nationality;

  @Size(max = 100, message = "{account.profile.error.too-long}", groups = Address.class)
  private @Nullable String street;

  @Size(max = 10, message = "{account.profile.error.too-long}", groups = Address.class)
  private @Nullable String houseNumber;

  @Pattern(
      regexp = "[0-9]{5}",
      message = "{account.profile.error.postcode}",
      groups = Address.class)
  private @Nullable String postcode;

  @Size(max = 100, message = "{account.profile.error.too-long}", groups = Address.class)
  private @Nullable String city;

  private @Nullable String municipalityArs;

  @Pattern(
      regexp = "\\+?[0-9][0-9 ()/-]{2,38}",
      message = "{account.profile.error.phone}",
      groups = Contact.class)
  private @Nullable String phone;

  @Size(max = 100, message = "{account.profile.error.too-long}", groups = Bank.class)
  private @Nullable String accountHolder;

  private @Nullable String iban;

  /** Form property of each profile field. */
  static final Map<ProfileField, String> PROPERTIES =
      new EnumMap<>(
          Map.ofEntries(
              Map.entry(ProfileField.DOCTORAL_DEGREE, "doctoralDegree"),
              Map.entry(ProfileField.GIVEN_NAMES, "givenNames"),
              Map.entry(ProfileField.FAMILY_NAME, "familyName"),
              Map.entry(ProfileField.BIRTH_NAME, "birthName"),
              Map.entry(ProfileField.BIRTH_DATE, "birthDate"),
              Map.entry(ProfileField.BIRTH_PLACE, "birthPlace"),
              Map.entry(ProfileField.NATIONALITY, "nationality"),
              Map.entry(ProfileField.STREET, "street"),
              Map.entry(ProfileField.HOUSE_NUMBER, "houseNumber"),
              Map.entry(ProfileField.POSTCODE, "postcode"),
              Map.entry(ProfileField.CITY, "city"),
              Map.entry(ProfileField.MUNICIPALITY_ARS, "municipalityArs"),
              Map.entry(ProfileField.PHONE, "phone"),
              Map.entry(ProfileField.ACCOUNT_HOLDER, "accountHolder"),
              Map.entry(ProfileField.IBAN, "iban")));

  static Class<?> group(ProfileField.Section section) {
    return switch (section) {
      case PERSON -> Person.class;
      case ADDRESS -> Address.class;
      case CONTACT -> Contact.class;
      case BANK -> Bank.class;
    };
  }

  static ProfileForm of(Profile profile) {
    ProfileForm form = new ProfileForm();
    for (ProfileField field : ProfileField.values()) {
      form.set(field, profile.value(field));
    }
    return form;
  }

  @Nullable String get(ProfileField field) {
    return switch (field) {
      case DOCTORAL_DEGREE -> doctoralDegree;
      case GIVEN_NAMES -> givenNames;
      case FAMILY_NAME -> familyName;
      case BIRTH_NAME -> birthName;
      case BIRTH_DATE -> birthDate;
      case BIRTH_PLACE -> birthPlace;
      case NATIONALITY -> nationality;
      case STREET -> street;
      case HOUSE_NUMBER -> houseNumber;
      case POSTCODE -> postcode;
      case CITY -> city;
      case MUNICIPALITY_ARS -> municipalityArs;
      case PHONE -> phone;
      case ACCOUNT_HOLDER -> accountHolder;
      case IBAN -> iban;
    };
  }

  void set(ProfileField field, @Nullable String value) {
    switch (field) {
      case DOCTORAL_DEGREE -> doctoralDegree = value;
      case GIVEN_NAMES -> givenNames = value;
      case FAMILY_NAME -> familyName = value;
      case BIRTH_NAME -> birthName = value;
      case BIRTH_DATE -> birthDate = value;
      case BIRTH_PLACE -> birthPlace = value;
      case NATIONALITY -> nationality = value;
      case STREET -> street = value;
      case HOUSE_NUMBER -> houseNumber = value;
      case POSTCODE -> postcode = value;
      case CITY -> city = value;
      case MUNICIPALITY_ARS -> municipalityArs = value;
      case PHONE -> phone = value;
      case ACCOUNT_HOLDER -> accountHolder = value;
      case IBAN -> iban = value;
    }
  }

  /** The entered values of one section. */
  Map<ProfileField, @Nullable String> values(ProfileField.Section section) {
    Map<ProfileField, @Nullable String> values = new EnumMap<>(ProfileField.class);
    section.fields().forEach(field -> values.put(field, get(field)));
    return values;
  }

  public @Nullable String getDoctoralDegree() {
    return doctoralDegree;
  }

  public void setDoctoralDegree(@Nullable String v) {
    doctoralDegree = v;
  }

  public @Nullable String getGivenNames() {
    return givenNames;
  }

  public void setGivenNames(@Nullable String v) {
    givenNames = v;
  }

  public @Nullable String getFamilyName() {
    return familyName;
  }

  public void setFamilyName(@Nullable String v) {
    familyName = v;
  }

  public @Nullable String getBirthName() {
    return birthName;
  }

  public void setBirthName(@Nullable String v) {
    birthName = v;
  }

  public @Nullable String getBirthDate() {
    return birthDate;
  }

  public void setBirthDate(@Nullable String v) {
    birthDate = v;
  }

  public @Nullable String getBirthPlace() {
    return birthPlace;
  }

  public void setBirthPlace(@Nullable String v) {
    birthPlace = v;
  }

  public @Nullable String getNationality() {
    return nationality;
  }

  public void setNationality(@Nullable String v) {
    nationality = v;
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

  public @Nullable String getMunicipalityArs() {
    return municipalityArs;
  }

  public void setMunicipalityArs(@Nullable String v) {
    municipalityArs = v;
  }

  public @Nullable String getPhone() {
    return phone;
  }

  public void setPhone(@Nullable String v) {
    phone = v;
  }

  public @Nullable String getAccountHolder() {
    return accountHolder;
  }

  public void setAccountHolder(@Nullable String v) {
    accountHolder = v;
  }

  public @Nullable String getIban() {
    return iban;
  }

  public void setIban(@Nullable String v) {
    iban = v;
  }
}
