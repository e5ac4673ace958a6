package de.amtsweg.platform.passkey;

import de.amtsweg.platform.security.StaffFactor;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Passkeys as a kind of staff factor. A staff account's WebAuthn user entity carries its user name
 * ({@code user_entities.name}), as Spring Security registers it.
 */
@Component
class PasskeyStaffFactor implements StaffFactor {

  private static final String ENTITIES_OF_ACCOUNT =
      """
      select e.id from user_entities e join staff_account s on s.username = e.name where s.id = ?
      """;

  private final JdbcClient jdbc;

  PasskeyStaffFactor(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public String id() {
    return "passkey";
  }

  @Override
  public String nameKey() {
    return "passkey.factor.name";
  }

  @Override
  public boolean registered(UUID staffAccountId) {
    return jdbc.sql(
            "select exists (select 1 from user_credentials where user_entity_user_id in ("
                + ENTITIES_OF_ACCOUNT
                + "))")
        .param(staffAccountId)
        .query(Boolean.class)
        .single();
  }

  @Override
  @Transactional
  public void reset(UUID staffAccountId) {
    jdbc.sql(
            "delete from user_credentials where user_entity_user_id in ("
                + ENTITIES_OF_ACCOUNT
                + ")")
        .param(staffAccountId)
        .update();
  }
}
