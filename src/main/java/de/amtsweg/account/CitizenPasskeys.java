package de.amtsweg.account;

import de.amtsweg.platform.PasskeyRelyingParty;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.web.webauthn.api.AuthenticatorAssertionResponse;
import org.springframework.security.web.webauthn.api.AuthenticatorTransport;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.CredentialRecord;
import org.springframework.security.web.webauthn.api.ImmutableCredentialRecord;
import org.springframework.security.web.webauthn.api.ImmutablePublicKeyCose;
import org.springframework.security.web.webauthn.api.ImmutablePublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.api.PublicKeyCredential;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialCreationOptions;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialRequestOptions;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialType;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.management.ImmutablePublicKeyCredentialCreationOptionsRequest;
import org.springframework.security.web.webauthn.management.ImmutablePublicKeyCredentialRequestOptionsRequest;
import org.springframework.security.web.webauthn.management.ImmutableRelyingPartyRegistrationRequest;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialUserEntityRepository;
import org.springframework.security.web.webauthn.management.RelyingPartyAuthenticationRequest;
import org.springframework.security.web.webauthn.management.RelyingPartyPublicKey;
import org.springframework.security.web.webauthn.management.UserCredentialRepository;
import org.springframework.security.web.webauthn.management.WebAuthnRelyingPartyOperations;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Passkeys of Servicekonten (ADR 0024): Spring Security's WebAuthn ceremonies over the account
 * module's own tables ({@code citizen_passkey_user}, {@code citizen_passkey}), so that a staff
 * member's passkey is unknown here and a citizen's is unknown to the staff sign-in. A passkey
 * sign-in is complete: it needs no password and no second factor, as the authenticator verified the
 * user.
 *
 * <p>The stores and operations are deliberately no beans: Spring Security's {@code webAuthn()}
 * takes the staff's by type.
 */
@Service
public class CitizenPasskeys {

  private final JdbcClient jdbc;
  private final WebAuthnRelyingPartyOperations operations;

  private final PasskeyRelyingParty relyingParty;

  CitizenPasskeys(JdbcClient jdbc, PasskeyRelyingParty relyingParty) {
    this.jdbc = jdbc;
    this.relyingParty = relyingParty;
    this.operations = relyingParty.operations(new Users(), new Credentials());
  }

  /** Options for a new passkey of the account (the browser's {@code credentials.create}). */
  public PublicKeyCredentialCreationOptions creationOptions(UUID accountId) {
    return operations.createPublicKeyCredentialCreationOptions(
        new ImmutablePublicKeyCredentialCreationOptionsRequest(
            UsernamePasswordAuthenticationToken.authenticated(
                accountId.toString(),
                null,
                AuthorityUtils.createAuthorityList(de.amtsweg.platform.Roles.CITIZEN_AUTHORITY))));
  }

  /**
   * Checks and stores the new passkey of the account the options were made for.
   *
   * @throws RuntimeException when the browser's answer does not verify
   */
  @Transactional
  public void register(
      UUID accountId, PublicKeyCredentialCreationOptions options, RelyingPartyPublicKey publicKey) {
    if (!options.getUser().getName().equals(accountId.toString())) {
      throw new IllegalArgumentException("the options were made for another account");
    }
    operations.registerCredential(new ImmutableRelyingPartyRegistrationRequest(options, publicKey));
  }

  /**
   * Options for a sign-in with any passkey of this site (the browser's {@code credentials.get}).
   */
  public PublicKeyCredentialRequestOptions requestOptions() {
    return operations.createCredentialRequestOptions(
        new ImmutablePublicKeyCredentialRequestOptionsRequest(null));
  }

  /**
   * The account whose passkey signed the challenge, if any: empty for a passkey unknown here (a
   * staff member's, a removed one) or a signature that does not verify.
   */
  @Transactional
  public Optional<UUID> authenticate(
      PublicKeyCredentialRequestOptions options,
      PublicKeyCredential<AuthenticatorAssertionResponse> credential) {
    try {
      PublicKeyCredentialUserEntity user =
          operations.authenticate(new RelyingPartyAuthenticationRequest(options, credential));
      return Optional.of(UUID.fromString(user.getName()));
    } catch (RuntimeException refused) {
      return Optional.empty();
    }
  }

  /** The account's passkeys, for its security page. */
  public List<PasskeyRelyingParty.Listed> list(UUID accountId) {
    return relyingParty.listed(
        jdbc.sql(Credentials.SELECT + " where c.account_id = ?")
            .param(accountId)
            .query((rs, row) -> record(rs))
            .list());
  }

  /** Removes one passkey of the account; another account's id changes nothing. */
  @Transactional
  public boolean remove(UUID accountId, String credentialId) {
    return jdbc.sql("delete from citizen_passkey where account_id = ? and credential_id = ?")
            .params(accountId, credentialId)
            .update()
        == 1;
  }

  private static CredentialRecord record(ResultSet rs) throws SQLException {
    Set<AuthenticatorTransport> transports = new HashSet<>();
    for (String transport : rs.getString("transports").split(",")) {
      if (!transport.isBlank()) {
        transports.add(AuthenticatorTransport.valueOf(transport));
      }
    }
    byte[] attestation = rs.getBytes("attestation_object");
    byte[] clientData = rs.getBytes("attestation_client_data_json");
    return ImmutableCredentialRecord.builder()
        .credentialId(Bytes.fromBase64(rs.getString("credential_id")))
        .userEntityUserId(Bytes.fromBase64(rs.getString("user_handle")))
        .publicKey(new ImmutablePublicKeyCose(rs.getBytes("public_key")))
        .signatureCount(rs.getLong("signature_count"))
        .uvInitialized(rs.getBoolean("uv_initialized"))
        .backupEligible(rs.getBoolean("backup_eligible"))
        .backupState(rs.getBoolean("backup_state"))
        .credentialType(PublicKeyCredentialType.PUBLIC_KEY)
        .transports(transports)
        .attestationObject(attestation == null ? null : new Bytes(attestation))
        .attestationClientDataJSON(clientData == null ? null : new Bytes(clientData))
        .created(rs.getTimestamp("created").toInstant())
        .lastUsed(rs.getTimestamp("last_used").toInstant())
        .label(rs.getString("label"))
        .build();
  }

  /**
   * WebAuthn user entities of accounts: the name is the account id (the name of a citizen's
   * authentication), the display name its e-mail address; the user handle is random.
   */
  private final class Users implements PublicKeyCredentialUserEntityRepository {

    @Override
    public @Nullable PublicKeyCredentialUserEntity findById(Bytes id) {
      return jdbc.sql(
              """
              select u.account_id, a.email from citizen_passkey_user u
              join account a on a.id = u.account_id where u.user_handle = ?
              """)
          .param(id.toBase64UrlString())
          .query((rs, row) -> entity(id, rs.getObject(1, UUID.class), rs.getString(2)))
          .optional()
          .orElse(null);
    }

    @Override
    public @Nullable PublicKeyCredentialUserEntity findByUsername(String username) {
      UUID accountId;
      try {
        accountId = UUID.fromString(username);
      } catch (IllegalArgumentException notAnAccount) {
        return null;
      }
      return jdbc.sql(
              """
              select u.user_handle, a.email from citizen_passkey_user u
              join account a on a.id = u.account_id where u.account_id = ?
              """)
          .param(accountId)
          .query((rs, row) -> entity(Bytes.fromBase64(rs.getString(1)), accountId, rs.getString(2)))
          .optional()
          .orElse(null);
    }

    @Override
    public void save(PublicKeyCredentialUserEntity userEntity) {
      jdbc.sql(
              "insert into citizen_passkey_user (account_id, user_handle) values (?, ?) on conflict do nothing")
          .params(UUID.fromString(userEntity.getName()), userEntity.getId().toBase64UrlString())
          .update();
    }

    @Override
    public void delete(Bytes id) {
      jdbc.sql("delete from citizen_passkey_user where user_handle = ?")
          .param(id.toBase64UrlString())
          .update();
    }

    private static PublicKeyCredentialUserEntity entity(Bytes id, UUID accountId, String email) {
      return ImmutablePublicKeyCredentialUserEntity.builder()
          .id(id)
          .name(accountId.toString())
          .displayName(email)
          .build();
    }
  }

  /** Credential records of accounts. */
  private final class Credentials implements UserCredentialRepository {

    private static final String SELECT =
        """
        select c.*, u.user_handle from citizen_passkey c
        join citizen_passkey_user u on u.account_id = c.account_id
        """;

    @Override
    public void delete(Bytes credentialId) {
      jdbc.sql("delete from citizen_passkey where credential_id = ?")
          .param(credentialId.toBase64UrlString())
          .update();
    }

    @Override
    public void save(CredentialRecord record) {
      String transports =
          String.join(
              ",", record.getTransports().stream().map(AuthenticatorTransport::getValue).toList());
      jdbc.sql(
              """
              insert into citizen_passkey (credential_id, account_id, public_key, signature_count,
                uv_initialized, backup_eligible, backup_state, transports, attestation_object,
                attestation_client_data_json, created, last_used, label)
              select ?, account_id, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ? from citizen_passkey_user
              where user_handle = ?
              on conflict (credential_id) do update set signature_count = excluded.signature_count,
                uv_initialized = excluded.uv_initialized, backup_state = excluded.backup_state,
                last_used = excluded.last_used
              """)
          .params(
              record.getCredentialId().toBase64UrlString(),
              record.getPublicKey().getBytes(),
              record.getSignatureCount(),
              record.isUvInitialized(),
              record.isBackupEligible(),
              record.isBackupState(),
              transports,
              record.getAttestationObject() == null
                  ? null
                  : record.getAttestationObject().getBytes(),
              record.getAttestationClientDataJSON() == null
                  ? null
                  : record.getAttestationClientDataJSON().getBytes(),
              java.sql.Timestamp.from(record.getCreated()),
              java.sql.Timestamp.from(record.getLastUsed()),
              record.getLabel(),
              record.getUserEntityUserId().toBase64UrlString())
          .update();
    }

    @Override
    public @Nullable CredentialRecord findByCredentialId(Bytes credentialId) {
      return jdbc.sql(SELECT + " where c.credential_id = ?")
          .param(credentialId.toBase64UrlString())
          .query((rs, row) -> record(rs))
          .optional()
          .orElse(null);
    }

    @Override
    public List<CredentialRecord> findByUserId(Bytes userId) {
      return jdbc.sql(SELECT + " where u.user_handle = ?")
          .param(userId.toBase64UrlString())
          .query((rs, row) -> record(rs))
          .list();
    }
  }
}
