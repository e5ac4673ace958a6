package de.amtsweg.payment.web;

import de.amtsweg.payment.PaymentBookings;
import de.amtsweg.payment.PaymentException;
import de.amtsweg.platform.ApiScope;
import de.amtsweg.platform.Roles;
import de.amtsweg.tenancy.Tenant;
import de.amtsweg.tenancy.TenantManagement;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The bookings export for the tenant's cash system (HKR) as an API: API clients of the tenant with
 * the scope {@code zahlungen.lesen} fetch a day's bookings as CSV (format in {@code
 * docs/modules/payment.md}).
 */
@RestController
@Tag(
    name = "Zahlungen",
    description = "Bookings export for the cash system (scope zahlungen.lesen)")
class BookingApiController {

  private static final String SCOPE = "SCOPE_" + ApiScope.ZAHLUNGEN_LESEN.value();
  private static final String API_CLIENT = "ROLE_" + Roles.API_CLIENT;

  private final PaymentBookings bookings;
  private final TenantManagement tenants;

  BookingApiController(PaymentBookings bookings, TenantManagement tenants) {
    this.bookings = bookings;
    this.tenants = tenants;
  }

  @GetMapping(path = "/api/v1/payments/bookings")
  @Operation(
      summary = "The tenant's bookings of one day as CSV (payments and refunds, one line per item)")
  @ApiResponse(responseCode = "200", description = "CSV, UTF-8, semicolons, header line")
  @ApiResponse(
      responseCode = "400",
      description = "tag missing or not YYYY-MM-DD",
      content = @Content(mediaType = "application/problem+json"))
  @ApiResponse(
      responseCode = "403",
      description = "Not an API client of a tenant with the scope zahlungen.lesen",
      content = @Content(mediaType = "application/problem+json"))
  ResponseEntity<byte[]> bookings(
      @RequestParam(name = "tag", required = false)
          @Parameter(description = "Booking day, YYYY-MM-DD")
          @Nullable String day,
      Authentication auth) {
    boolean allowed =
        auth.getAuthorities().stream().anyMatch(a -> API_CLIENT.equals(a.getAuthority()))
            && auth.getAuthorities().stream().anyMatch(a -> SCOPE.equals(a.getAuthority()));
    Tenant tenant =
        Roles.tenantOf(auth)
            .filter(t -> allowed)
            .flatMap(tenants::bySlug)
            .orElseThrow(PaymentException.ScopeMissing::new);
    LocalDate date = PaymentAdminController.day(day);
    return PaymentAdminController.csv(
        bookings.csv(tenant.authorityArs(), date),
        "buchungen-" + tenant.slug() + "-" + date + ".csv");
  }
}
