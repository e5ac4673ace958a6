package de.amtsweg.account;

import de.amtsweg.tenancy.Authorities;
import de.amtsweg.tenancy.Authority;
import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.iban4j.Iban4jException;
import org.iban4j.IbanUtil;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads and changes the profile of a Servicekonto. A value keeps its provenance until it changes:
 * saving a section with an unchanged value does not make it "entered by the user".
 */
@Service
public class ProfileManagement {

  private static final Logger log = LoggerFactory.getLogger(ProfileManagement.class);
  private static final int MUNICIPALITY_CHOICES = 20;

  private final JdbcClient jdbc;
  private final AccountManagement accounts;
  private final Authorities authorities;

  ProfileManagement(JdbcClient jdbc, AccountManagement accounts, Authorities authorities) {
    this.jdbc = jdbc;
    this.accounts = accounts;
    this.authorities = authorities;
  }

  public Profile profile(UUID accountId) {
    Account account = accounts.get(accountId);
    Map<ProfileField, ProfileValue> values = new EnumMap<>(ProfileField.class);
    jdbc.sql("select field, value, source, updated_at from profile_value where account_id = ?")
        .param(accountId)
        .query(
            rs -> {
              values.put(
                  ProfileField.valueOf(rs.getString("field")),
                  new ProfileValue(
                      rs.getString("value"),
                      ProfileValue.Source.valueOf(rs.getString("source")),
                      rs.getObject("updated_at", OffsetDateTime.class)));
            });
    OffsetDateTime confirmedAt = account.emailConfirmedAt();
    ProfileValue email =
        confirmedAt != null
            ? new ProfileValue(account.email(), ProfileValue.Source.CONFIRMED_EMAIL, confirmedAt)
            : null;
    return new Profile(accountId, email, values);
  }

  /**
   * Saves the fields of one section as the person entered them: blank fields are deleted, changed
   * ones get source {@code USER} and the current time, unchanged ones keep their provenance.
   */
  @Transactional
  public void save(
      UUID accountId, ProfileField.Section section, Map<ProfileField, @Nullable String> entered) {
    save(accountId, section, entered, ProfileValue.Source.USER);
  }

  /** Like {@link #save(UUID, ProfileField.Section, Map)} for values from an identity provider. */
  @Transactional
  public void save(
      UUID accountId,
      ProfileField.Section section,
      Map<ProfileField, @Nullable String> entered,
      ProfileValue.Source source) {
    for (ProfileField field : section.fields()) {
      String value = entered.get(field);
      if (value == null || value.isBlank()) {
        jdbc.sql("delete from profile_value where account_id = ? and field = ?")
            .params(accountId, field.name())
            .update();
      } else {
        jdbc.sql(
                """
                insert into profile_value (account_id, field, value, source) values (?, ?, ?, ?)
                on conflict (account_id, field) do update
                  set value = excluded.value, source = excluded.source, updated_at = now()
                  where profile_value.value <> excluded.value
                """)
            .params(accountId, field.name(), value.strip(), source.name())
            .update();
      }
    }
    log.info("Account {} saved its profile section {}", accountId, section);
  }

  /**
   * Sets only the given fields (a null value leaves a field alone), with this source: values a
   * provider sent where the person had entered none.
   */
  @Transactional
  public void saveFields(
      UUID accountId, Map<ProfileField, @Nullable String> values, ProfileValue.Source source) {
    values.forEach(
        (field, value) -> {
          if (value != null && !value.isBlank()) {
            jdbc.sql(
                    """
                insert into profile_value (account_id, field, value, source) values (?, ?, ?, ?)
                on conflict (account_id, field) do nothing
                """)
                .params(accountId, field.name(), value.strip(), source.name())
                .update();
          }
        });
  }

  /** Deletes every value of a section. */
  @Transactional
  public void delete(UUID accountId, ProfileField.Section section) {
    jdbc.sql("delete from profile_value where account_id = :account and field in (:fields)")
        .param("account", accountId)
        .param("fields", section.fields().stream().map(Enum::name).toList())
        .update();
    log.info("Account {} deleted its profile section {}", accountId, section);
  }

  /**
   * The Gemeinden of Thüringen a postcode and place name may mean, best first: one if the address
   * is clear, several to choose from, none if the address lies outside Thüringen.
   */
  public List<Authority> municipalities(String postcode, @Nullable String city) {
    String query = (postcode + " " + (city == null ? "" : city)).strip();
    return query.isEmpty()
        ? List.of()
        : authorities.searchMunicipalities(query, MUNICIPALITY_CHOICES);
  }

  /** The Gemeinde with this ARS, if it is one. */
  public Optional<Authority> municipality(String ars) {
    return authorities.find(ars).filter(a -> a.type().isMunicipality());
  }

  /** An IBAN without blanks and in capitals, if it is valid (format and check digits). */
  public static Optional<String> normalizeIban(String iban) {
    String compact = iban.replaceAll("\\s", "").toUpperCase(Locale.ROOT);
    try {
      IbanUtil.validate(compact);
      return Optional.of(compact);
    } catch (Iban4jException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** An IBAN in groups of four, as printed on bank cards. */
  public static String formatIban(String iban) {
    return iban.replaceAll("(.{4})(?!$)", "$1 ");
  }
}
