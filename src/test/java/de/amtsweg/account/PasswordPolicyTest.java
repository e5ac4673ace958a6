package de.amtsweg.account;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordPolicyTest {

  private final PasswordPolicy policy = new PasswordPolicy();

  @Test
  void refusesShortLeakedAndPatternPasswords() {
    assertThat(policy.problem("kurz", "a@example.org")).hasValue("account.password.too-short");
    assertThat(policy.problem("x".repeat(129), "a@example.org"))
        .hasValue("account.password.too-long");
    assertThat(policy.problem("password123", "a@example.org")).hasValue("account.password.weak");
    assertThat(policy.problem("qwertzuiop1", "a@example.org")).hasValue("account.password.weak");
    assertThat(policy.problem("1234567890", "a@example.org")).hasValue("account.password.weak");
    assertThat(policy.problem("Sommer2024!", "a@example.org")).hasValue("account.password.weak");
  }

  @Test
  void refusesThePartsOfTheOwnAddressAndOfThePortal() {
    assertThat(policy.problem("mustermann2026", "erika.mustermann@example.org"))
        .hasValue("account.password.weak");
    assertThat(policy.problem("Amtsweg-Servicekonto", "a@example.org"))
        .hasValue("account.password.weak");
  }

  @Test
  void acceptsLongUnrelatedWords() {
    assertThat(policy.problem(Citizens.PASSWORD, "a@example.org")).isEmpty();
    assertThat(policy.problem(Citizens.OTHER_PASSWORD, "a@example.org")).isEmpty();
    assertThat(policy.problem("v9#Lq2!xPz&7", "a@example.org")).isEmpty();
  }
}
