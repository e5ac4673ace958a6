package de.amtsweg.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The encryption of second-factor secrets, and where its key comes from. */
class SecretBoxTest {

  private static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);
  private static final String OTHER_KEY =
      Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes());
  private static final String SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";

  @TempDir Path dataDir;

  @Test
  void aSealedSecretOpensOnlyForItsOwnerWithTheSameKey() {
    SecretBox box = new SecretBox(KEY, dataDir, false);
    String sealed = box.seal(SECRET, "account-1");

    assertThat(sealed).startsWith("aesgcm1:").doesNotContain(SECRET);
    assertThat(box.seal(SECRET, "account-1")).as("a fresh nonce every time").isNotEqualTo(sealed);
    assertThat(box.open(sealed, "account-1")).isEqualTo(SECRET);
    assertThatThrownBy(() -> box.open(sealed, "account-2"))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> new SecretBox(OTHER_KEY, dataDir, false).open(sealed, "account-1"))
        .hasMessageContaining("was amtsweg.account.secret-key changed?");
    assertThat(box.open(SECRET, "account-1")).as("stored before encryption").isEqualTo(SECRET);
  }

  @Test
  void outsideTheDemoTheKeyMustBeSetAndWellFormed() {
    assertThatThrownBy(() -> new SecretBox(null, dataDir, false))
        .hasMessageContaining("amtsweg.account.secret-key is missing")
        .hasMessageContaining("AMTSWEG_ACCOUNT_SECRET_KEY");
    assertThatThrownBy(
            () -> new SecretBox(Base64.getEncoder().encodeToString(new byte[16]), dataDir, false))
        .hasMessageContaining("must be 32 bytes");
    assertThatThrownBy(() -> new SecretBox("kein Base64!", dataDir, false))
        .hasMessageContaining("not Base64");
    assertThat(dataDir.resolve(SecretBox.KEY_FILE)).doesNotExist();
  }

  @Test
  void theDemoGeneratesAKeyForItsOwnerOnlyAndKeepsIt() throws IOException {
    String sealed = new SecretBox(null, dataDir, true).seal(SECRET, "account-1");

    Path file = dataDir.resolve(SecretBox.KEY_FILE);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    assertThat(new SecretBox(null, dataDir, true).open(sealed, "account-1"))
        .as("after a restart")
        .isEqualTo(SECRET);
    assertThat(new SecretBox(KEY, dataDir, true).seal(SECRET, "x"))
        .as("a set key wins")
        .isNotNull();
  }
}
