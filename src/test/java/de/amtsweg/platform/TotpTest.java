package de.amtsweg.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TotpTest {

  /** RFC 6238, appendix B (SHA-1), truncated to 6 digits. */
  private static final byte[] RFC_SECRET =
      "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

  @Test
  void computesTheCodesOfRfc6238() {
    assertThat(Totp.code(RFC_SECRET, Totp.step(59), 8)).isEqualTo("94287082");
    assertThat(Totp.code(RFC_SECRET, Totp.step(1111111109), 8)).isEqualTo("07081804");
    assertThat(Totp.code(RFC_SECRET, Totp.step(2000000000), 8)).isEqualTo("69279037");
    assertThat(Totp.code(RFC_SECRET, Totp.step(1111111109), 6)).isEqualTo("081804");
  }

  @Test
  void base32RoundTripsLikeRfc4648() {
    assertThat(Totp.base32("foobar".getBytes(StandardCharsets.US_ASCII))).isEqualTo("MZXW6YTBOI");
    assertThat(new String(Totp.base32Decode("MZXW 6YTB OI"), StandardCharsets.US_ASCII))
        .isEqualTo("foobar");
    String secret = Totp.newSecret();
    assertThat(secret).hasSize(32).matches("[A-Z2-7]+");
    assertThat(Totp.base32Decode(secret)).hasSize(20);
  }

  @Test
  void acceptsOneStepOfClockDriftAndNothingElse() {
    String secret = Totp.base32(RFC_SECRET);
    long now = Totp.step(1111111109);

    assertThat(Totp.match(secret, Totp.code(RFC_SECRET, now, 6), now)).isEqualTo(now);
    assertThat(Totp.match(secret, Totp.code(RFC_SECRET, now - 1, 6), now)).isEqualTo(now - 1);
    assertThat(Totp.match(secret, Totp.code(RFC_SECRET, now + 1, 6), now)).isEqualTo(now + 1);
    assertThat(Totp.match(secret, Totp.code(RFC_SECRET, now - 2, 6), now)).isEqualTo(-1);
    assertThat(Totp.match(secret, "12345", now)).isEqualTo(-1);
    assertThat(Totp.match(secret, "abcdef", now)).isEqualTo(-1);
  }

  @Test
  void recoveryCodesAreReadableAndMatchAsTypedFromPaper() {
    java.util.List<String> codes = Totp.newRecoveryCodes();

    assertThat(codes).hasSize(Totp.RECOVERY_CODES).doesNotHaveDuplicates();
    assertThat(codes).allMatch(code -> code.matches("[A-HJ-NP-Z2-9]{5}-[A-HJ-NP-Z2-9]{5}"));
    String code = codes.getFirst();
    String typed = code.toLowerCase(java.util.Locale.ROOT).replace("-", " ");
    assertThat(Totp.recoveryHash(typed)).isEqualTo(Totp.recoveryHash(code)).hasSize(64);
    assertThat(Totp.recoveryHash(codes.get(1))).isNotEqualTo(Totp.recoveryHash(code));
  }

  @Test
  void setupUriIsWhatAuthenticatorAppsRead() {
    Totp.Setup setup = Totp.Setup.of("Amtsweg Thüringen", "erika@example.org", "JBSWY3DPEHPK3PXP");

    assertThat(setup.uri())
        .isEqualTo(
            "otpauth://totp/Amtsweg%20Th%C3%BCringen%3Aerika%40example.org?secret=JBSWY3DPEHPK3PXP"
                + "&issuer=Amtsweg%20Th%C3%BCringen&algorithm=SHA1&digits=6&period=30");
    assertThat(setup.grouped()).isEqualTo("JBSW Y3DP EHPK 3PXP");
  }
}
