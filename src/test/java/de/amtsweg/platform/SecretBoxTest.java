package de.amtsweg.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/** Sealing secrets with a key ring: formats old and new, rotation, and where the keys come from. */
class SecretBoxTest {

  private static final String SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";
  private static final String K1 = key("amtsweg-test-key-number-one-32by");
  private static final String K2 = key("amtsweg-test-key-number-two-32by");
  private static final String K3 = key("amtsweg-test-key-number-three-32");

  /**
   * Values written by the code before key rotation ({@code account.SecretBox} and {@code
   * payment.PaymentSecrets}), with these two keys as {@code amtsweg.account.secret-key} and {@code
   * amtsweg.payment.secret-key}.
   */
  private static final String OLD_ACCOUNT_KEY = key("amtsweg-test-account-key-32bytes");

  private static final String OLD_PAYMENT_KEY = key("amtsweg-test-payment-key-32bytes");
  private static final String OLD_TOTP_OWNER = "7f3c1e0a-5b2d-4c8e-9a61-0d2f4b6c8e10";
  private static final String OLD_TOTP =
      "aesgcm1:LJmSgPS4Xu//fhIxTg125zij6M6SZmJ8qNYz7v3a1LPJNIW2Q0ZTxMmMrPcRSyPbPWzJS42bUS2/sFzD";
  private static final String OLD_EXPORT_KEY =
      "aesgcm1:an45R61iHm9AZg9LKEcof3navZlA9c8urTAYLMqeIJ7dX1axKsK7kg==";
  private static final String OLD_PAYMENT_SECRET =
      "aesgcm1:DrikdShGEzzkinEiehDtWLu71s/IVcc/vprTPXA8/AIpYJ18bZmwp/mQ4NH8snk=";

  @TempDir Path dataDir;

  @Test
  void aSealedSecretNamesItsKeyAndOpensOnlyForItsOwner() {
    SecretBox box = box(Map.of("k1", K1), null);
    String sealed = box.seal(SECRET, "account-1");

    assertThat(sealed).startsWith("aesgcm2:k1:").doesNotContain(SECRET);
    assertThat(box.isCurrent(sealed)).isTrue();
    assertThat(SecretBox.keyIdOf(sealed)).contains("k1");
    assertThat(box.seal(SECRET, "account-1")).as("a fresh nonce every time").isNotEqualTo(sealed);
    assertThat(box.open(sealed, "account-1")).isEqualTo(SECRET);
    assertThatThrownBy(() -> box.open(sealed, "account-2"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("another owner");
  }

  @Test
  void derivedKeysAreTheSameOnEveryNodeDifferPerPurposeAndRevealNoKey() {
    SecretBox node1 = box(Map.of("k1", K1), null);
    SecretBox node2 = box(Map.of("k1", K1), null);

    assertThat(node1.derivedKey("rate-limits"))
        .hasSize(32)
        .isEqualTo(node2.derivedKey("rate-limits"))
        .isNotEqualTo(node1.derivedKey("altcha"))
        .isNotEqualTo(java.util.Base64.getDecoder().decode(K1));
    assertThat(box(Map.of("k1", K1, "k2", K2), "k2").derivedKey("rate-limits"))
        .as("another current key, another derived key")
        .isNotEqualTo(node1.derivedKey("rate-limits"));
  }

  @Test
  void valuesSealedByTheCodeBeforeKeyRotationStillOpen() {
    SecretBox box =
        new SecretBox(settings(Map.of(), null, OLD_ACCOUNT_KEY, OLD_PAYMENT_KEY), dataDir, false);

    assertThat(box.open(OLD_TOTP, OLD_TOTP_OWNER)).isEqualTo(SECRET);
    assertThat(box.open(OLD_EXPORT_KEY, "einvoice-export:erfurt")).isEqualTo("whsec_export");
    assertThat(box.open(OLD_PAYMENT_SECRET, "160510000000")).isEqualTo("notification-secret");
    assertThat(box.currentKeyId()).as("the account key seals, as before").isEqualTo("account");
    assertThat(box.isCurrent(OLD_TOTP)).isFalse();
    assertThat(SecretBox.isSealed(OLD_TOTP)).isTrue();
    assertThatThrownBy(() -> box.open(OLD_TOTP, "another-account"))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void oldValuesOpenWithTheirKeyUnderANewIdAndAreResealedWithTheCurrentKey() {
    SecretBox box = box(Map.of("alt", OLD_ACCOUNT_KEY, "zahlung", OLD_PAYMENT_KEY, "k2", K2), "k2");

    assertThat(box.open(OLD_TOTP, OLD_TOTP_OWNER)).isEqualTo(SECRET);
    assertThat(box.open(OLD_PAYMENT_SECRET, "160510000000")).isEqualTo("notification-secret");
    String resealed = box.reseal(OLD_TOTP, OLD_TOTP_OWNER);
    assertThat(resealed).startsWith("aesgcm2:k2:");
    assertThat(box.open(resealed, OLD_TOTP_OWNER)).isEqualTo(SECRET);
    assertThat(box.reseal(resealed, OLD_TOTP_OWNER)).as("already current").isSameAs(resealed);
  }

  @Test
  void aValueSealedWithAKeyStillOpensAfterThatKeyIsNoLongerCurrent() {
    String underK2 = box(Map.of("k1", K1, "k2", K2), "k2").seal(SECRET, "route-1");

    SecretBox rotated = box(Map.of("k1", K1, "k2", K2, "k3", K3), "k3");
    assertThat(rotated.open(underK2, "route-1")).isEqualTo(SECRET);
    assertThat(rotated.isCurrent(underK2)).isFalse();
    assertThat(rotated.seal(SECRET, "route-1")).startsWith("aesgcm2:k3:");
    assertThat(rotated.reseal(underK2, "route-1")).startsWith("aesgcm2:k3:");

    SecretBox withoutK2 = box(Map.of("k1", K1, "k3", K3), "k3");
    assertThatThrownBy(() -> withoutK2.open(underK2, "route-1"))
        .as("once the key is removed")
        .hasMessageContaining("sealed with the key 'k2', which is not configured")
        .hasMessageContaining("amtsweg.secrets.keys.k2");
  }

  @Test
  void aTamperedValueIsRefused() {
    SecretBox box = box(Map.of("k1", K1, "k2", K2), "k1");
    String sealed = box.seal(SECRET, "account-1");
    byte[] payload = Base64.getDecoder().decode(sealed.substring("aesgcm2:k1:".length()));
    payload[payload.length - 20] ^= 1;
    String flipped = "aesgcm2:k1:" + Base64.getEncoder().encodeToString(payload);

    assertThatThrownBy(() -> box.open(flipped, "account-1"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("does not open with the key 'k1'");
    assertThatThrownBy(() -> box.open(sealed.replace("aesgcm2:k1:", "aesgcm2:k2:"), "account-1"))
        .as("another key id")
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> box.open(sealed.substring(0, sealed.length() - 8), "account-1"))
        .as("cut short")
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> box.open("aesgcm2:k1:kein Base64!", "account-1"))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> box.open("aesgcm2:k1:AAAA", "account-1"))
        .isInstanceOf(IllegalStateException.class);
    String oldFlipped =
        OLD_TOTP.substring(0, 30)
            + (OLD_TOTP.charAt(30) == 'A' ? 'B' : 'A')
            + OLD_TOTP.substring(31);
    SecretBox legacy =
        new SecretBox(settings(Map.of(), null, OLD_ACCOUNT_KEY, null), dataDir, false);
    assertThatThrownBy(() -> legacy.open(oldFlipped, OLD_TOTP_OWNER))
        .hasMessageContaining("does not open with any configured key");
    assertThatThrownBy(() -> box.open(SECRET, "account-1"))
        .as("a value stored in clear is not taken for a sealed one")
        .hasMessageContaining("Not a sealed value");
    assertThat(SecretBox.isSealed(SECRET)).isFalse();
  }

  @Test
  void outsideTheDemoAKeyMustBeSetAndWellFormed() {
    assertThatThrownBy(() -> new SecretBox(settings(Map.of(), null, null, null), dataDir, false))
        .hasMessageContaining("amtsweg.account.secret-key is missing")
        .hasMessageContaining("AMTSWEG_SECRETS_KEYS_<ID>")
        .hasMessageContaining("AMTSWEG_ACCOUNT_SECRET_KEY");
    assertThatThrownBy(
            () -> new SecretBox(settings(Map.of(), null, null, OLD_PAYMENT_KEY), dataDir, false))
        .as("the payment key only opens old payment secrets")
        .hasMessageContaining("is missing");
    assertThatThrownBy(
            () -> box(Map.of("k1", Base64.getEncoder().encodeToString(new byte[16])), null))
        .hasMessageContaining("amtsweg.secrets.keys.k1 must be 32 bytes");
    assertThatThrownBy(
            () -> new SecretBox(settings(Map.of(), null, "kein Base64!", null), dataDir, false))
        .hasMessageContaining("amtsweg.account.secret-key is not Base64");
    assertThatThrownBy(() -> box(Map.of("Key_1", K1), null))
        .hasMessageContaining("lower-case letters and digits");
    assertThat(dataDir.resolve(SecretBox.DEMO_KEY_FILE)).doesNotExist();
  }

  @Test
  void withSeveralKeysTheCurrentOneMustBeNamedAndExist() {
    assertThatThrownBy(() -> box(Map.of("k1", K1, "k2", K2), null))
        .hasMessageContaining("Several keys can seal secrets")
        .hasMessageContaining("amtsweg.secrets.current-key-id");
    assertThatThrownBy(
            () ->
                new SecretBox(
                    settings(Map.of("k2", K2), null, OLD_ACCOUNT_KEY, null), dataDir, false))
        .as("a new key next to the old setting")
        .hasMessageContaining("Several keys");
    assertThatThrownBy(() -> box(Map.of("k1", K1), "k9"))
        .hasMessageContaining("current-key-id is 'k9', but there is no such key");
    assertThat(
            new SecretBox(
                    settings(Map.of("k2", K2), "account", OLD_ACCOUNT_KEY, OLD_PAYMENT_KEY),
                    dataDir,
                    false)
                .currentKeyId())
        .as("rotation step 1: the new key is known, the old one still seals")
        .isEqualTo("account");
    assertThat(box(Map.of("k1", K1), null).currentKeyId()).as("a single key").isEqualTo("k1");
    assertThat(
            new SecretBox(
                    settings(Map.of(), null, OLD_ACCOUNT_KEY, OLD_PAYMENT_KEY), dataDir, false)
                .currentKeyId())
        .as("the settings before key rotation")
        .isEqualTo("account");
  }

  @Test
  void anOldSettingAndAKeyOfTheSameIdMustAgree() {
    assertThat(
            new SecretBox(
                    settings(Map.of("account", OLD_ACCOUNT_KEY), null, OLD_ACCOUNT_KEY, null),
                    dataDir,
                    false)
                .open(OLD_TOTP, OLD_TOTP_OWNER))
        .isEqualTo(SECRET);
    assertThatThrownBy(
            () ->
                new SecretBox(
                    settings(Map.of("account", K1), null, OLD_ACCOUNT_KEY, null), dataDir, false))
        .hasMessageContaining("The key 'account' is set twice with different values");
  }

  @Test
  void theDemoGeneratesAKeyForItsOwnerOnlyAndKeepsIt() throws IOException {
    String sealed =
        new SecretBox(settings(Map.of(), null, null, null), dataDir, true)
            .seal(SECRET, "account-1");

    Path file = dataDir.resolve(SecretBox.DEMO_KEY_FILE);
    assertThat(sealed).startsWith("aesgcm2:account:");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    assertThat(
            new SecretBox(settings(Map.of(), null, null, null), dataDir, true)
                .open(sealed, "account-1"))
        .as("after a restart")
        .isEqualTo(SECRET);
    SecretBox configured =
        new SecretBox(settings(Map.of("k1", K1), null, null, null), dataDir, true);
    assertThat(configured.seal(SECRET, "x")).as("a set key wins").startsWith("aesgcm2:k1:");
    assertThat(configured.open(sealed, "account-1"))
        .as("values sealed with the demo's key still open")
        .isEqualTo(SECRET);
  }

  @Test
  void theDemoStillOpensPaymentSecretsSealedWithItsFormerPaymentKey() throws IOException {
    Files.writeString(dataDir.resolve(SecretBox.DEMO_PAYMENT_KEY_FILE), OLD_PAYMENT_KEY);

    SecretBox box = new SecretBox(settings(Map.of(), null, null, null), dataDir, true);

    assertThat(box.open(OLD_PAYMENT_SECRET, "160510000000")).isEqualTo("notification-secret");
    assertThat(box.currentKeyId()).isEqualTo("account");
  }

  @Test
  void theKeysComeFromEnvironmentVariables() {
    StandardEnvironment environment = new StandardEnvironment();
    environment
        .getPropertySources()
        .replace(
            StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
            new SystemEnvironmentPropertySource(
                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                Map.of(
                    "AMTSWEG_SECRETS_KEYS_K2", K2,
                    "AMTSWEG_SECRETS_CURRENT_KEY_ID", "k2",
                    "AMTSWEG_ACCOUNT_SECRET_KEY", OLD_ACCOUNT_KEY,
                    "AMTSWEG_PAYMENT_SECRETKEY", OLD_PAYMENT_KEY)));
    PlatformProperties.Secrets secrets =
        Binder.get(environment).bind("amtsweg.secrets", PlatformProperties.Secrets.class).get();

    SecretBox box = new SecretBox(SecretBox.KeySettings.of(secrets, environment), dataDir, false);

    assertThat(box.currentKeyId()).isEqualTo("k2");
    assertThat(box.seal(SECRET, "x")).startsWith("aesgcm2:k2:");
    assertThat(box.open(OLD_TOTP, OLD_TOTP_OWNER)).isEqualTo(SECRET);
    assertThat(box.open(OLD_PAYMENT_SECRET, "160510000000")).isEqualTo("notification-secret");
  }

  private SecretBox box(Map<String, String> keys, @Nullable String current) {
    return new SecretBox(settings(keys, current, null, null), dataDir, false);
  }

  private static SecretBox.KeySettings settings(
      Map<String, String> keys,
      @Nullable String current,
      @Nullable String accountKey,
      @Nullable String paymentKey) {
    return new SecretBox.KeySettings(keys, current, accountKey, paymentKey);
  }

  private static String key(String thirtyTwoCharacters) {
    return Base64.getEncoder()
        .encodeToString(thirtyTwoCharacters.getBytes(StandardCharsets.US_ASCII));
  }
}
