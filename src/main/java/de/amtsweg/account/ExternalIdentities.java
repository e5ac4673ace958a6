package de.amtsweg.account;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Servicekonten that log in through an external OpenID Connect provider. An identity (issuer and
 * subject) belongs to one account. A new identity with a verified e-mail address that no account
 * uses gets a new account; if an account already uses the address, the person must log in with the
 * password first and link the identity there, so that a provider cannot take over an account by
 * asserting its address.
 */
@Service
public class ExternalIdentities {

  private static final Logger log = LoggerFactory.getLogger(ExternalIdentities.class);

  /**
   * What the provider said about the person (OIDC standard claims).
   *
   * @param email the {@code email} claim, if any
   * @param emailVerified the {@code email_verified} claim
   */
  public record Claims(
      String issuer,
      String subject,
      @Nullable String email,
      boolean emailVerified,
      @Nullable String givenName,
      @Nullable String familyName,
      @Nullable LocalDate birthdate) {}

  private final JdbcClient jdbc;
  private final ProfileManagement profiles;

  ExternalIdentities(JdbcClient jdbc, ProfileManagement profiles) {
    this.jdbc = jdbc;
    this.profiles = profiles;
  }

  /**
   * The account to log in for these claims, creating or linking as described above.
   *
   * @param linkTo the logged-in account that asked to link this identity, or null for a login
   * @throws AccountException {@link AccountException#IDENTITY_TAKEN}, {@link
   *     AccountException#IDENTITY_EMAIL_EXISTS} or {@link AccountException#IDENTITY_WITHOUT_EMAIL}
   */
  @Transactional
  public UUID login(Claims claims, @Nullable UUID linkTo) {
    Optional<UUID> linked = linkedAccount(claims.issuer(), claims.subject());
    if (linked.isPresent()) {
      if (linkTo != null && !linkTo.equals(linked.get())) {
        throw new AccountException(HttpStatus.CONFLICT, AccountException.IDENTITY_TAKEN);
      }
      return linked.get();
    }
    UUID account = linkTo != null ? linkTo : newAccount(claims);
    try {
      jdbc.sql("insert into account_identity (issuer, subject, account_id) values (?, ?, ?)")
          .params(claims.issuer(), claims.subject(), account)
          .update();
    } catch (DuplicateKeyException linkedAtTheSameMoment) {
      throw new AccountException(HttpStatus.CONFLICT, AccountException.IDENTITY_TAKEN);
    }
    fillEmptyFields(account, claims);
    log.info("Linked an identity of {} to account {}", claims.issuer(), account);
    return account;
  }

  /** The providers (issuers) linked to an account. */
  public List<String> issuers(UUID accountId) {
    return jdbc.sql("select issuer from account_identity where account_id = ? order by linked_at")
        .param(accountId)
        .query(String.class)
        .list();
  }

  private Optional<UUID> linkedAccount(String issuer, String subject) {
    return jdbc.sql("select account_id from account_identity where issuer = ? and subject = ?")
        .params(issuer, subject)
        .query(UUID.class)
        .optional();
  }

  private UUID newAccount(Claims claims) {
    if (claims.email() == null || !claims.emailVerified()) {
      throw new AccountException(HttpStatus.BAD_REQUEST, AccountException.IDENTITY_WITHOUT_EMAIL);
    }
    String email = AccountManagement.normalize(claims.email());
    UUID id = UUID.randomUUID();
    try {
      jdbc.sql("insert into account (id, email, email_confirmed_at) values (?, ?, now())")
          .params(id, email)
          .update();
    } catch (DuplicateKeyException e) {
      throw new AccountException(HttpStatus.CONFLICT, AccountException.IDENTITY_EMAIL_EXISTS);
    }
    log.info("Registered account {} through an identity provider", id);
    return id;
  }

  /** Takes the provider's name and birth date where the profile has none, marked as theirs. */
  private void fillEmptyFields(UUID account, Claims claims) {
    Map<ProfileField, @Nullable String> fromProvider = new EnumMap<>(ProfileField.class);
    fromProvider.put(ProfileField.GIVEN_NAMES, claims.givenName());
    fromProvider.put(ProfileField.FAMILY_NAME, claims.familyName());
    fromProvider.put(
        ProfileField.BIRTH_DATE, claims.birthdate() == null ? null : claims.birthdate().toString());
    profiles.saveFields(account, fromProvider, ProfileValue.Source.IDENTITY_PROVIDER);
  }
}
