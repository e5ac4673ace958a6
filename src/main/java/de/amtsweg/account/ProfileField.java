package de.amtsweg.account;

import java.util.Arrays;
import java.util.List;

/**
 * The fields of a Servicekonto profile, grouped in the sections the person edits together. Names
 * follow the XDatenfelder vocabulary in spirit (Familienname, Vornamen, Geburtsdatum …).
 */
public enum ProfileField {
  DOCTORAL_DEGREE(Section.PERSON),
  GIVEN_NAMES(Section.PERSON),
  FAMILY_NAME(Section.PERSON),
  BIRTH_NAME(Section.PERSON),
  BIRTH_DATE(Section.PERSON),
  BIRTH_PLACE(Section.PERSON),
  NATIONALITY(Section.PERSON),
  STREET(Section.ADDRESS),
  HOUSE_NUMBER(Section.ADDRESS),
  POSTCODE(Section.ADDRESS),
  CITY(Section.ADDRESS),
  /** The Gemeinde of the main residence as its 12-digit Amtlicher Regionalschlüssel. */
  MUNICIPALITY_ARS(Section.ADDRESS),
  PHONE(Section.CONTACT),
  ACCOUNT_HOLDER(Section.BANK),
  IBAN(Section.BANK);

  /** Fields that are edited and deleted together. */
  public enum Section {
    PERSON("person"),
    ADDRESS("anschrift"),
    CONTACT("kontakt"),
    BANK("bankverbindung");

    private final String slug;

    Section(String slug) {
      this.slug = slug;
    }

    /** The section's name in URLs. */
    public String slug() {
      return slug;
    }

    public List<ProfileField> fields() {
      return Arrays.stream(ProfileField.values()).filter(f -> f.section == this).toList();
    }

    public static java.util.Optional<Section> bySlug(String slug) {
      return Arrays.stream(values()).filter(s -> s.slug.equals(slug)).findFirst();
    }
  }

  private final Section section;

  ProfileField(Section section) {
    this.section = section;
  }

  public Section section() {
    return section;
  }

  /** The field's name in JSON (API, export): {@code GIVEN_NAMES} → {@code givenNames}. */
  public String key() {
    String[] words = name().toLowerCase(java.util.Locale.ROOT).split("_");
    StringBuilder key = new StringBuilder(words[0]);
    for (int i = 1; i < words.length; i++) {
      key.append(Character.toUpperCase(words[i].charAt(0))).append(words[i].substring(1));
    }
    return key.toString();
  }
}
