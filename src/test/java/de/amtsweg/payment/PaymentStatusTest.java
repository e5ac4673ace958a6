package de.amtsweg.payment;

import static de.amtsweg.payment.PaymentStatus.CANCELLED;
import static de.amtsweg.payment.PaymentStatus.CREATED;
import static de.amtsweg.payment.PaymentStatus.EXPIRED;
import static de.amtsweg.payment.PaymentStatus.FAILED;
import static de.amtsweg.payment.PaymentStatus.PAID;
import static de.amtsweg.payment.PaymentStatus.PARTIALLY_REFUNDED;
import static de.amtsweg.payment.PaymentStatus.PENDING;
import static de.amtsweg.payment.PaymentStatus.REFUNDED;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Every pair of statuses, against the table drawn in docs/modules/payment.md. {@code CANCELLED →
 * PAID} is a late payment after a cancel; {@code Payments} allows it only when Amtsweg cancelled
 * (tested in {@code XBezahldienstIT}).
 */
class PaymentStatusTest {

  private static final Map<PaymentStatus, Set<PaymentStatus>> ALLOWED =
      Map.of(
          CREATED, EnumSet.of(PENDING, PAID, FAILED, CANCELLED, EXPIRED),
          PENDING, EnumSet.of(PAID, FAILED, CANCELLED, EXPIRED),
          PAID, EnumSet.of(REFUNDED, PARTIALLY_REFUNDED),
          PARTIALLY_REFUNDED, EnumSet.of(PARTIALLY_REFUNDED, REFUNDED),
          EXPIRED, EnumSet.of(PAID),
          FAILED, EnumSet.noneOf(PaymentStatus.class),
          CANCELLED, EnumSet.of(PAID),
          REFUNDED, EnumSet.noneOf(PaymentStatus.class));

  @Test
  void everyPairIsAllowedExactlyWhenTheTableSaysSo() {
    int checked = 0;
    for (PaymentStatus from : PaymentStatus.values()) {
      for (PaymentStatus to : PaymentStatus.values()) {
        assertThat(from.canBecome(to))
            .as("%s -> %s", from, to)
            .isEqualTo(ALLOWED.get(from).contains(to));
        checked++;
      }
    }
    assertThat(checked).isEqualTo(64);
  }

  @Test
  void aStatusNeverMovesBackToOpenOncePaidFailedOrCancelled() {
    for (PaymentStatus done :
        EnumSet.of(PAID, FAILED, CANCELLED, REFUNDED, PARTIALLY_REFUNDED, EXPIRED)) {
      assertThat(done.canBecome(PENDING)).as(done.name()).isFalse();
      assertThat(done.canBecome(CREATED)).as(done.name()).isFalse();
    }
  }

  @Test
  void onlyCreatedAndPendingAreOpenAndOnlyPaidOnesHoldMoney() {
    assertThat(EnumSet.allOf(PaymentStatus.class).stream().filter(PaymentStatus::open))
        .containsExactly(CREATED, PENDING);
    assertThat(EnumSet.allOf(PaymentStatus.class).stream().filter(PaymentStatus::paid))
        .containsExactly(PAID, REFUNDED, PARTIALLY_REFUNDED);
  }

  @Test
  void providerStatusesMapToPaymentStatuses() {
    assertThat(PaymentProvider.ProviderStatus.INITIAL.toPaymentStatus()).isEqualTo(PENDING);
    assertThat(PaymentProvider.ProviderStatus.PAYED.toPaymentStatus()).isEqualTo(PAID);
    assertThat(PaymentProvider.ProviderStatus.FAILED.toPaymentStatus()).isEqualTo(FAILED);
    assertThat(PaymentProvider.ProviderStatus.CANCELED.toPaymentStatus()).isEqualTo(CANCELLED);
  }
}
