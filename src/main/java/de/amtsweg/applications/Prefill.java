package de.amtsweg.applications;

import de.amtsweg.account.AccountManagement;
import de.amtsweg.account.DataSharing;
import de.amtsweg.account.Organisations;
import de.amtsweg.account.ProfileField;
import de.amtsweg.forms.AppDefinition;
import de.amtsweg.forms.AppDefinition.Field;
import de.amtsweg.forms.FieldType;
import de.amtsweg.forms.PrefillSource;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Prefilling an Antrag from the Servicekonto, with the person's consent: first {@link #offers}
 * shows exactly which values would go into which question; only after the person confirms does
 * {@link #apply} fill them in and record the disclosure in the Datenschutz-Cockpit.
 */
@Component
public class Prefill {

  private static final Map<PrefillSource, List<ProfileField>> PROFILE_FIELDS =
      Map.ofEntries(
          Map.entry(PrefillSource.DOCTORAL_DEGREE, List.of(ProfileField.DOCTORAL_DEGREE)),
          Map.entry(PrefillSource.GIVEN_NAMES, List.of(ProfileField.GIVEN_NAMES)),
          Map.entry(PrefillSource.FAMILY_NAME, List.of(ProfileField.FAMILY_NAME)),
          Map.entry(PrefillSource.BIRTH_NAME, List.of(ProfileField.BIRTH_NAME)),
          Map.entry(PrefillSource.BIRTH_DATE, List.of(ProfileField.BIRTH_DATE)),
          Map.entry(PrefillSource.BIRTH_PLACE, List.of(ProfileField.BIRTH_PLACE)),
          Map.entry(PrefillSource.NATIONALITY, List.of(ProfileField.NATIONALITY)),
          Map.entry(
              PrefillSource.ADDRESS,
              List.of(
                  ProfileField.STREET,
                  ProfileField.HOUSE_NUMBER,
                  ProfileField.POSTCODE,
                  ProfileField.CITY)),
          Map.entry(PrefillSource.PHONE, List.of(ProfileField.PHONE)),
          Map.entry(PrefillSource.ACCOUNT_HOLDER, List.of(ProfileField.ACCOUNT_HOLDER)),
          Map.entry(PrefillSource.IBAN, List.of(ProfileField.IBAN)));

  /**
   * One value the account can fill in.
   *
   * @param field the question it goes into
   * @param value the value as the form takes it (a string, or the parts of an address)
   * @param display the value as the person reads it
   */
  public record Offer(Field field, PrefillSource source, Object value, String display) {}

  private final AccountManagement accounts;
  private final DataSharing sharing;
  private final Organisations organisations;

  Prefill(AccountManagement accounts, DataSharing sharing, Organisations organisations) {
    this.accounts = accounts;
    this.sharing = sharing;
    this.organisations = organisations;
  }

  /** The organisations a person may apply for. */
  public List<Organisations.Membership> organisationsOf(UUID accountId) {
    return organisations.of(accountId);
  }

  /** What the account holds for the app's prefilled questions (top-level questions only). */
  public List<Offer> offers(AppDefinition app, UUID accountId, @Nullable UUID organisationId) {
    Set<ProfileField> wanted = EnumSet.noneOf(ProfileField.class);
    app.fields().stream()
        .filter(f -> f.prefill() != null)
        .forEach(
            f ->
                PrefillSource.byKey(f.prefill())
                    .map(s -> PROFILE_FIELDS.getOrDefault(s, List.of()))
                    .ifPresent(wanted::addAll));
    Map<ProfileField, de.amtsweg.account.ProfileValue> values =
        wanted.isEmpty() ? Map.of() : sharing.preview(accountId, wanted);
    Organisations.Details organisation =
        organisationId == null
            ? null
            : organisations.membership(accountId, organisationId).organisation().details();
    List<Offer> offers = new ArrayList<>();
    for (Field field : app.fields()) {
      if (field.prefill() == null) {
        continue;
      }
      PrefillSource source = PrefillSource.byKey(field.prefill()).orElseThrow();
      switch (source) {
        case EMAIL ->
            offers.add(
                new Offer(
                    field,
                    source,
                    accounts.get(accountId).email(),
                    accounts.get(accountId).email()));
        case ADDRESS -> {
          String street = value(values, ProfileField.STREET);
          String number = value(values, ProfileField.HOUSE_NUMBER);
          String postcode = value(values, ProfileField.POSTCODE);
          String city = value(values, ProfileField.CITY);
          if (street != null && postcode != null && city != null) {
            offers.add(address(field, source, street, number, postcode, city));
          }
        }
        case ORGANISATION_NAME -> {
          if (organisation != null) {
            offers.add(new Offer(field, source, organisation.name(), organisation.name()));
          }
        }
        case ORGANISATION_ADDRESS -> {
          if (organisation != null
              && organisation.street() != null
              && organisation.postcode() != null
              && organisation.city() != null) {
            offers.add(
                address(
                    field,
                    source,
                    organisation.street(),
                    organisation.houseNumber(),
                    organisation.postcode(),
                    organisation.city()));
          }
        }
        default -> {
          String value =
              value(values, Objects.requireNonNull(PROFILE_FIELDS.get(source), "field").getFirst());
          if (value != null
              && (field.type() != FieldType.CHOICE
                  || app.options(field).stream().anyMatch(o -> o.value().equals(value)))) {
            offers.add(new Offer(field, source, value, display(field, value)));
          }
        }
      }
    }
    return offers;
  }

  /** A date as people in Germany read it (12.08.1964), the stored value stays ISO. */
  private static String display(Field field, String value) {
    if (field.type() == FieldType.DATE) {
      try {
        return java.time.LocalDate.parse(value)
            .format(java.time.format.DateTimeFormatter.ofPattern("dd.MM.uuuu"));
      } catch (java.time.format.DateTimeParseException e) {
        return value;
      }
    }
    return value;
  }

  private static Offer address(
      Field field,
      PrefillSource source,
      String street,
      @Nullable String number,
      String postcode,
      String city) {
    Map<String, Object> address = new LinkedHashMap<>();
    address.put("street", street);
    address.put("houseNumber", number == null ? "" : number);
    address.put("postcode", postcode);
    address.put("city", city);
    return new Offer(
        field,
        source,
        address,
        street + (number == null ? "" : " " + number) + ", " + postcode + " " + city);
  }

  private static @Nullable String value(
      Map<ProfileField, de.amtsweg.account.ProfileValue> values, ProfileField field) {
    var value = values.get(field);
    return value == null || value.value().isBlank() ? null : value.value();
  }

  /**
   * Fills the confirmed values into the answers (without overwriting what the person typed) and
   * records the disclosure.
   */
  public Map<String, Object> apply(
      UUID accountId,
      List<Offer> offers,
      Map<String, Object> answers,
      String authorityArs,
      String authorityName,
      @Nullable String leikaKey,
      String serviceName) {
    Map<String, Object> filled = new LinkedHashMap<>(answers);
    Set<ProfileField> shared = EnumSet.noneOf(ProfileField.class);
    boolean email = false;
    for (Offer offer : offers) {
      Object current = filled.get(offer.field().id());
      if (current == null || (current instanceof String s && s.isBlank())) {
        filled.put(offer.field().id(), offer.value());
      }
      shared.addAll(PROFILE_FIELDS.getOrDefault(offer.source(), List.of()));
      email |= offer.source() == PrefillSource.EMAIL;
    }
    if (!shared.isEmpty() || email) {
      sharing.record(
          accountId,
          new DataSharing.Disclosure(
              authorityArs, authorityName, leikaKey, serviceName, shared, null, email));
    }
    return filled;
  }
}
