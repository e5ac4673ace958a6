package de.amtsweg.payment;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The bookings for the authority's cash system (HKR): one line per item of a payment that became
 * paid, one line per item share of a refund, dated on the day (Europe/Berlin) they happened. The
 * lines are written in the transaction of the status change, so a day's export matches the payments
 * to the cent. Format: see {@code docs/modules/payment.md#bookings-export}.
 */
@Service
public class PaymentBookings {

  /** The export's columns, in order. */
  public static final List<String> COLUMNS =
      List.of(
          "buchungstag",
          "typ",
          "kassenzeichen",
          "haushaltsstelle",
          "objektnummer",
          "betrag_cent",
          "betrag",
          "waehrung",
          "zahlerreferenz",
          "zahlung_id");

  private final JdbcClient jdbc;

  PaymentBookings(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** One booking line. */
  public record Booking(
      LocalDate bookingDate,
      String type,
      String kassenzeichen,
      String haushaltsstelle,
      @Nullable String objektnummer,
      long amountCents,
      String currency,
      String payerReference,
      UUID paymentId) {

    /** The amount as a decimal with a point, e.g. {@code 12.50}. */
    public String amount() {
      return BigDecimal.valueOf(amountCents, 2).toPlainString();
    }
  }

  /** The tenant's bookings of one day, in the order they were made. */
  public List<Booking> ofDay(String tenantArs, LocalDate day) {
    return jdbc.sql(
            "select * from payment_booking where tenant_ars = ? and booking_date = ? order by id")
        .params(tenantArs, day)
        .query(
            (rs, n) ->
                new Booking(
                    rs.getObject("booking_date", LocalDate.class),
                    rs.getString("type"),
                    rs.getString("kassenzeichen"),
                    rs.getString("haushaltsstelle"),
                    rs.getString("objektnummer"),
                    rs.getLong("amount_cents"),
                    rs.getString("currency"),
                    rs.getString("payer_reference"),
                    rs.getObject("payment_id", UUID.class)))
        .list();
  }

  /** The day's bookings as CSV (UTF-8, semicolons, a header line, CRLF line ends). */
  public String csv(String tenantArs, LocalDate day) {
    StringWriter out = new StringWriter();
    CSVFormat format =
        CSVFormat.RFC4180
            .builder()
            .setDelimiter(';')
            .setHeader(COLUMNS.toArray(String[]::new))
            .get();
    try (CSVPrinter printer = new CSVPrinter(out, format)) {
      for (Booking b : ofDay(tenantArs, day)) {
        printer.printRecord(
            b.bookingDate(),
            b.type(),
            b.kassenzeichen(),
            b.haushaltsstelle(),
            b.objektnummer() == null ? "" : b.objektnummer(),
            b.amountCents(),
            b.amount(),
            b.currency(),
            b.payerReference(),
            b.paymentId());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }
}
