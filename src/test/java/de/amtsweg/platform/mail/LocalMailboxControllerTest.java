package de.amtsweg.platform.mail;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Who counts as this machine for the demo's local mailbox. */
class LocalMailboxControllerTest {

  @Test
  void onlyLoopbackLiteralsAreThisMachine() {
    assertThat(LocalMailboxController.isLoopback("127.0.0.1")).isTrue();
    assertThat(LocalMailboxController.isLoopback("127.8.9.10")).isTrue();
    assertThat(LocalMailboxController.isLoopback("0:0:0:0:0:0:0:1")).isTrue();
    assertThat(LocalMailboxController.isLoopback("::1")).isTrue();
    assertThat(LocalMailboxController.isLoopback("::ffff:127.0.0.1")).isTrue();

    assertThat(LocalMailboxController.isLoopback("10.1.2.3")).isFalse();
    assertThat(LocalMailboxController.isLoopback("192.168.0.1")).isFalse();
    assertThat(LocalMailboxController.isLoopback("fe80::1")).isFalse();
    assertThat(LocalMailboxController.isLoopback("localhost")).as("never a name").isFalse();
    assertThat(LocalMailboxController.isLoopback("")).isFalse();
    assertThat(LocalMailboxController.isLoopback(null)).isFalse();
  }
}
