package de.amtsweg.platform.staff;

import de.amtsweg.platform.PasswordRules;
import de.amtsweg.platform.Sha256;
import de.amtsweg.platform.staff.StaffAudit.Action;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Accepting an invitation: the link's token (only its SHA-256 is stored) works once and expires;
 * the invited person sets a password checked by the {@link PasswordRules}.
 */
@Component
class Invitations {

  static final String PATH = "/anmelden/einladung";

  /** The account an unused, unexpired invitation is for. */
  record Invitee(UUID accountId, String username, String displayName, String email) {}

  /** The outcome: the login name, or the message key of why the password is refused. */
  record Accepted(@Nullable String username, @Nullable String problem) {}

  private final JdbcClient jdbc;
  private final PasswordRules rules;
  private final PasswordEncoder encoder;
  private final StaffAudit audit;

  Invitations(JdbcClient jdbc, PasswordRules rules, PasswordEncoder encoder, StaffAudit audit) {
    this.jdbc = jdbc;
    this.rules = rules;
    this.encoder = encoder;
    this.audit = audit;
  }

  /** The invitation, if the token is valid now; does not use it up. */
  Optional<Invitee> peek(@Nullable String token) {
    if (token == null || !token.matches("[A-Za-z0-9_-]{43}")) {
      return Optional.empty();
    }
    return jdbc.sql(
            """
            select a.id, a.username, a.display_name, a.email from staff_invitation i
            join staff_account a on a.id = i.staff_account_id
            where i.token_hash = ? and i.used_at is null and i.expires_at > now()
              and a.enabled and a.email is not null
            """)
        .param(Sha256.hex(token))
        .query(
            (rs, row) ->
                new Invitee(
                    rs.getObject("id", UUID.class),
                    rs.getString("username"),
                    rs.getString("display_name"),
                    rs.getString("email")))
        .optional();
  }

  /**
   * Sets the password and uses the token up (of two requests with the same token only one wins).
   *
   * @return empty if the token is unknown, used or expired
   */
  @Transactional
  Optional<Accepted> accept(@Nullable String token, String password, String repeated) {
    Optional<Invitee> invitee = peek(token);
    if (token == null || invitee.isEmpty()) {
      return Optional.empty();
    }
    if (!password.equals(repeated)) {
      return Optional.of(new Accepted(null, "staff.invitation.error.mismatch"));
    }
    Optional<String> problem = rules.problem(password, invitee.get().email());
    if (problem.isPresent()) {
      return Optional.of(new Accepted(null, problem.get()));
    }
    int used =
        jdbc.sql(
                """
                update staff_invitation set used_at = now()
                where token_hash = ? and used_at is null and expires_at > now()
                """)
            .param(Sha256.hex(token))
            .update();
    if (used != 1) {
      return Optional.empty();
    }
    jdbc.sql("update staff_account set password_hash = ? where id = ?")
        .params(encoder.encode(password), invitee.get().accountId())
        .update();
    String tenant =
        jdbc.sql("select tenant_slug from staff_account where id = ?")
            .param(invitee.get().accountId())
            .query(String.class)
            .optional()
            .orElse(null);
    audit.record(
        invitee.get().username(),
        Action.INVITATION_ACCEPTED,
        invitee.get().username(),
        tenant,
        null);
    return Optional.of(new Accepted(invitee.get().username(), null));
  }
}
