package de.amtsweg.platform;

import static org.assertj.core.api.Assertions.assertThat;

import de.amtsweg.support.AmtswegIT;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** After a key change, the values of the declared columns are sealed again with the current key. */
class SecretResealingIT extends AmtswegIT {

  private static final SealedColumn PROBE = new SealedColumn("reseal_probe", "secret", "owner");

  @Autowired JdbcClient jdbc;
  @Autowired SecretBox box;
  @Autowired SecretResealing resealing;
  @Autowired PlatformProperties platform;
  @Autowired List<SealedColumn> declared;

  @BeforeEach
  void probeTable() {
    jdbc.sql("create table reseal_probe (secret text, owner text)").update();
  }

  @AfterEach
  void dropProbeTable() {
    jdbc.sql("drop table reseal_probe").update();
  }

  @Test
  void valuesSealedBeforeKeyIdsAreSealedAgainWithTheCurrentKeyAndStillOpen() throws Exception {
    String old = oldFormat("whsec_alt", "route-1");
    String current = box.seal("whsec_neu", "route-2");
    String foreign = oldFormat("whsec_fremd", "route-3");
    insert(old, "route-1");
    insert(current, "route-2");
    insert(foreign, "another owner than it was sealed for");
    insert(null, "route-4");

    assertThat(resealing.reseal(PROBE)).isEqualTo(1);

    assertThat(stored("route-1")).startsWith("aesgcm2:account:").isNotEqualTo(old);
    assertThat(box.open(stored("route-1"), "route-1")).isEqualTo("whsec_alt");
    assertThat(stored("route-2")).as("already current").isEqualTo(current);
    assertThat(stored("another owner than it was sealed for"))
        .as("does not open: left as it is")
        .isEqualTo(foreign);
    assertThat(resealing.reseal(PROBE)).as("nothing left to do").isZero();
  }

  @Test
  void theModulesDeclareTheirSealedColumns() {
    assertThat(declared)
        .contains(
            new SealedColumn("account_totp", "secret", "account_id::text"),
            new SealedColumn("payment_config", "client_secret", "tenant_ars"),
            new SealedColumn("payment_config", "notification_secret", "tenant_ars"),
            new SealedColumn(
                "staff_identity_provider", "client_secret", "'staff-idp:' || id::text"));
    assertThat(resealing.oldKeys()).as("every declared value is under the current key").isEmpty();
  }

  private void insert(@Nullable String secret, String owner) {
    jdbc.sql("insert into reseal_probe (secret, owner) values (?, ?)")
        .params(secret, owner)
        .update();
  }

  private String stored(String owner) {
    return jdbc.sql("select secret from reseal_probe where owner = ?")
        .param(owner)
        .query(String.class)
        .single();
  }

  /** As the code before key ids sealed: {@code aesgcm1:} + Base64(nonce, ciphertext, tag). */
  private String oldFormat(String plain, String owner) throws Exception {
    byte[] key =
        Base64.getDecoder()
            .decode(Files.readString(platform.dataDir().resolve("account-secret.key")).strip());
    byte[] nonce = new byte[12];
    new SecureRandom().nextBytes(nonce);
    Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
    cipher.init(
        Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, nonce));
    cipher.updateAAD(owner.getBytes(StandardCharsets.UTF_8));
    byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
    return "aesgcm1:"
        + Base64.getEncoder()
            .encodeToString(
                ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array());
  }
}
