package de.amtsweg.casework.web;

import de.amtsweg.casework.Caseworker;
import de.amtsweg.tenancy.Tenant;
import de.amtsweg.tenancy.TenantStaff;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** The signed-in staff member as the case inbox sees them, and what its pages share. */
final class Staff {

  /** Staff see German time, whatever zone a record was written in. */
  private Staff() {}

  /** From the login only (the {@link TenantStaff} parameter); operators have no case inbox. */
  static Caseworker of(TenantStaff member) {
    Tenant tenant = member.tenant();
    return new Caseworker(
        member.username(), tenant.slug(), tenant.authorityArs(), member.isTenantAdmin());
  }

  /** A date from a filter field (yyyy-MM-dd, as date inputs send it); null when empty. */
  static @Nullable LocalDate date(@Nullable String value) throws DateTimeParseException {
    return value == null || value.isBlank() ? null : LocalDate.parse(value.strip());
  }

  static int page(@Nullable String value) {
    try {
      return value == null
          ? 0
          : Math.max(0, Math.min(100_000, Integer.parseInt(value.strip()) - 1));
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  /** A link to a page of a list, keeping its filter (only the parameters that are set). */
  static String pageLink(String path, java.util.Map<String, @Nullable String> filter, int page) {
    org.springframework.web.util.UriComponentsBuilder link =
        org.springframework.web.util.UriComponentsBuilder.fromPath(path);
    filter.forEach(
        (name, value) -> {
          if (value != null) {
            link.queryParam(name, value);
          }
        });
    return link.queryParam("seite", page).encode().build().toUriString();
  }

  static @Nullable String blankToNull(@Nullable String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  /** A file to download, never shown inline, never cached. */
  static ResponseEntity<byte[]> download(String name, String contentType, byte[] bytes) {
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(contentType))
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment()
                .filename(name, java.nio.charset.StandardCharsets.UTF_8)
                .build()
                .toString())
        .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
        .header("X-Content-Type-Options", "nosniff")
        .body(bytes);
  }

  /** Colleagues' display names by user name, in the directory's order. */
  static java.util.Map<String, String> names(
      java.util.List<de.amtsweg.platform.StaffDirectory.StaffMember> colleagues) {
    java.util.Map<String, String> names = new java.util.LinkedHashMap<>();
    colleagues.forEach(c -> names.putIfAbsent(c.username(), c.displayName()));
    return names;
  }
}
