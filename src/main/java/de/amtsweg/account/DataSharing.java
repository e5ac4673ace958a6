package de.amtsweg.account;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The Datenschutz-Cockpit's ledger. Before an Antrags-App prefills an application from the profile,
 * it shows the person {@link #preview which values} would go to which authority; when the person
 * confirms, it {@link #record records} the disclosure. The account lists every record ("what did I
 * share with whom, when").
 */
@Service
public class DataSharing {

  private static final Logger log = LoggerFactory.getLogger(DataSharing.class);

  /**
   * What is shared.
   *
   * @param authorityArs the receiving authority
   * @param authorityName its name as the person saw it
   * @param serviceId the Leistung's key (LeiKa or OZG id), if known
   * @param serviceName the Leistung as the person saw it
   * @param fields the profile fields that were passed on
   * @param reference the application's reference, if it has one yet
   * @param email whether the account's e-mail address was passed on too
   */
  public record Disclosure(
      String authorityArs,
      String authorityName,
      @Nullable String serviceId,
      String serviceName,
      Set<ProfileField> fields,
      @Nullable String reference,
      boolean email) {

    public Disclosure {
      if (fields.isEmpty() && !email) {
        throw new IllegalArgumentException("a disclosure names at least one field");
      }
      fields = Set.copyOf(fields);
    }

    public Disclosure(
        String authorityArs,
        String authorityName,
        @Nullable String serviceId,
        String serviceName,
        Set<ProfileField> fields,
        @Nullable String reference) {
      this(authorityArs, authorityName, serviceId, serviceName, fields, reference, false);
    }
  }

  /** How the account's e-mail address is named in the ledger's list of fields. */
  private static final String EMAIL = "EMAIL";

  /** A recorded disclosure. */
  public record Record(UUID id, Disclosure disclosure, OffsetDateTime sharedAt) {

    /** The fields in the order of the profile form. */
    public List<ProfileField> fields() {
      return Arrays.stream(ProfileField.values()).filter(disclosure.fields()::contains).toList();
    }
  }

  private final JdbcClient jdbc;
  private final ProfileManagement profiles;

  DataSharing(JdbcClient jdbc, ProfileManagement profiles) {
    this.jdbc = jdbc;
    this.profiles = profiles;
  }

  /** The values the profile holds for these fields: what the person is asked to confirm. */
  public Map<ProfileField, ProfileValue> preview(UUID accountId, Set<ProfileField> fields) {
    Map<ProfileField, ProfileValue> values = new EnumMap<>(ProfileField.class);
    profiles
        .profile(accountId)
        .values()
        .forEach(
            (field, value) -> {
              if (fields.contains(field)) {
                values.put(field, value);
              }
            });
    return values;
  }

  /** Records a disclosure the person confirmed. */
  @Transactional
  public UUID record(UUID accountId, Disclosure disclosure) {
    UUID id = UUID.randomUUID();
    jdbc.sql(
            """
            insert into data_sharing (id, account_id, authority_ars, authority_name, service_id,
              service_name, fields, reference)
            values (?, ?, ?, ?, ?, ?, ?, ?)
            """)
        .params(
            id,
            accountId,
            disclosure.authorityArs(),
            disclosure.authorityName(),
            disclosure.serviceId(),
            disclosure.serviceName(),
            java.util.stream.Stream.concat(
                    disclosure.fields().stream().map(Enum::name),
                    disclosure.email()
                        ? java.util.stream.Stream.of(EMAIL)
                        : java.util.stream.Stream.empty())
                .sorted()
                .toArray(String[]::new),
            disclosure.reference())
        .update();
    log.info(
        "Account {} shared {} profile fields with authority {}",
        accountId,
        disclosure.fields().size(),
        disclosure.authorityArs());
    return id;
  }

  /** Everything the account shared, newest first. */
  public List<Record> list(UUID accountId) {
    return jdbc.sql(
            """
            select id, authority_ars, authority_name, service_id, service_name, fields, reference, shared_at
            from data_sharing where account_id = ? order by shared_at desc, id
            """)
        .param(accountId)
        .query(DataSharing::map)
        .list();
  }

  private static Record map(ResultSet rs, int row) throws SQLException {
    Array array = rs.getArray("fields");
    String[] names = (String[]) array.getArray();
    Set<ProfileField> fields =
        Arrays.stream(names)
            .filter(name -> !EMAIL.equals(name))
            .map(ProfileField::valueOf)
            .collect(java.util.stream.Collectors.toUnmodifiableSet());
    return new Record(
        rs.getObject("id", UUID.class),
        new Disclosure(
            rs.getString("authority_ars"),
            rs.getString("authority_name"),
            rs.getString("service_id"),
            rs.getString("service_name"),
            fields,
            rs.getString("reference"),
            Arrays.asList(names).contains(EMAIL)),
        rs.getObject("shared_at", OffsetDateTime.class));
  }
}
