package de.amtsweg.tenancy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creates, edits and finds tenants (Mandanten). */
@Service
public class TenantManagement {

  /** Largest logo accepted. */
  public static final int MAX_LOGO_BYTES = 512 * 1024;

  private static final int MAX_LOGO_PIXELS = 2000;
  private static final Set<String> LOGO_FORMATS = Set.of("png", "jpeg");

  private static final String COLUMNS =
      "id, slug, authority_ars, display_name, primary_colour, street, postcode, city, phone, email,"
          + " website, opening_hours, impressum, datenschutz, accessibility_contact,"
          + " logo is not null as has_logo, version";

  private final JdbcClient jdbc;
  private final Authorities authorities;

  TenantManagement(JdbcClient jdbc, Authorities authorities) {
    this.jdbc = jdbc;
    this.authorities = authorities;
  }

  public List<Tenant> all() {
    return jdbc.sql("select " + COLUMNS + " from tenant order by display_name")
        .query(TenantManagement::map)
        .list();
  }

  public Optional<Tenant> bySlug(String slug) {
    return jdbc.sql("select " + COLUMNS + " from tenant where slug = ?")
        .param(slug)
        .query(TenantManagement::map)
        .optional();
  }

  /** The tenant that is this authority, if it is one. */
  public Optional<Tenant> byAuthority(String ars) {
    return jdbc.sql("select " + COLUMNS + " from tenant where authority_ars = ?")
        .param(ars)
        .query(TenantManagement::map)
        .optional();
  }

  /**
   * @throws TenantException {@link TenantException#SLUG_TAKEN} or {@link
   *     TenantException#AUTHORITY_TAKEN}
   * @throws AuthorityNotFoundException if the authority does not exist
   */
  @Transactional
  public Tenant create(String slug, String authorityArs, TenantProfile profile) {
    requireReadableColour(profile);
    authorities.get(authorityArs);
    if (byAuthority(authorityArs).isPresent()) {
      throw new TenantException(HttpStatus.CONFLICT, TenantException.AUTHORITY_TAKEN, authorityArs);
    }
    try {
      jdbc.sql(
              """
              insert into tenant (id, slug, authority_ars, display_name, primary_colour, street,
                postcode, city, phone, email, website, opening_hours, impressum, datenschutz,
                accessibility_contact)
              values (:id, :slug, :ars, :displayName, :colour, :street, :postcode, :city, :phone,
                :email, :website, :openingHours, :impressum, :datenschutz, :accessibilityContact)
              """)
          .paramSource(
              profileParameters(profile)
                  .addValue("id", UUID.randomUUID())
                  .addValue("slug", slug)
                  .addValue("ars", authorityArs))
          .update();
    } catch (DuplicateKeyException e) {
      throw new TenantException(HttpStatus.CONFLICT, TenantException.SLUG_TAKEN, slug);
    }
    return bySlug(slug).orElseThrow();
  }

  /**
   * Saves the profile if nobody else saved the tenant since {@code expectedVersion} was read.
   *
   * @throws TenantException {@link TenantException#EDITED_CONCURRENTLY} or {@link
   *     TenantException#NOT_FOUND}
   */
  @Transactional
  public Tenant update(String slug, TenantProfile profile, int expectedVersion) {
    requireReadableColour(profile);
    int updated =
        jdbc.sql(
                """
                update tenant set display_name = :displayName, primary_colour = :colour,
                  street = :street, postcode = :postcode, city = :city, phone = :phone,
                  email = :email, website = :website, opening_hours = :openingHours,
                  impressum = :impressum, datenschutz = :datenschutz,
                  accessibility_contact = :accessibilityContact, updated_at = now(),
                  version = version + 1
                where slug = :slug and version = :version
                """)
            .paramSource(
                profileParameters(profile)
                    .addValue("slug", slug)
                    .addValue("version", expectedVersion))
            .update();
    if (updated == 0) {
      if (bySlug(slug).isEmpty()) {
        throw notFound(slug);
      }
      throw new TenantException(HttpStatus.CONFLICT, TenantException.EDITED_CONCURRENTLY, slug);
    }
    return bySlug(slug).orElseThrow();
  }

  /**
   * Replaces the logo. Only real PNG or JPEG images are accepted: the content is decoded, whatever
   * the file name or declared type says.
   *
   * @throws TenantException {@link TenantException#INVALID_LOGO}
   */
  @Transactional
  public void setLogo(String slug, byte[] image) {
    String contentType = sniffLogo(image);
    int updated =
        jdbc.sql(
                "update tenant set logo = ?, logo_content_type = ?, updated_at = now() where slug = ?")
            .params(image, contentType, slug)
            .update();
    if (updated == 0) {
      throw notFound(slug);
    }
  }

  /** The tenant's logo, if one was uploaded. */
  public Optional<Logo> logo(String slug) {
    return jdbc.sql(
            "select logo, logo_content_type from tenant where slug = ? and logo is not null")
        .param(slug)
        .query((rs, row) -> new Logo(rs.getBytes("logo"), rs.getString("logo_content_type")))
        .optional();
  }

  /** Image bytes with their sniffed content type. */
  public record Logo(byte[] bytes, String contentType) {}

  static String sniffLogo(byte[] image) {
    if (image.length == 0 || image.length > MAX_LOGO_BYTES) {
      throw invalidLogo();
    }
    try (ImageInputStream input = ImageIO.createImageInputStream(new ByteArrayInputStream(image))) {
      Iterator<ImageReader> readers = ImageIO.getImageReaders(input);
      if (!readers.hasNext()) {
        throw invalidLogo();
      }
      ImageReader reader = readers.next();
      try {
        String format = reader.getFormatName().toLowerCase(Locale.ROOT);
        if (!LOGO_FORMATS.contains(format)) {
          throw invalidLogo();
        }
        reader.setInput(input);
        if (reader.getWidth(0) > MAX_LOGO_PIXELS || reader.getHeight(0) > MAX_LOGO_PIXELS) {
          throw invalidLogo();
        }
        reader.read(0);
        return "png".equals(format) ? "image/png" : "image/jpeg";
      } finally {
        reader.dispose();
      }
    } catch (IOException | RuntimeException e) {
      if (e instanceof TenantException tenantException) {
        throw tenantException;
      }
      throw invalidLogo();
    }
  }

  /** White text on the tenant colour must be readable (WCAG 2.2 AA). */
  private static void requireReadableColour(TenantProfile profile) {
    String colour = profile.primaryColour();
    if (!Colours.isHex(colour) || Colours.contrastWithWhite(colour) < Colours.MINIMUM_CONTRAST) {
      throw new TenantException(HttpStatus.BAD_REQUEST, TenantException.UNREADABLE_COLOUR, colour);
    }
  }

  private static TenantException invalidLogo() {
    return new TenantException(
        HttpStatus.BAD_REQUEST,
        TenantException.INVALID_LOGO,
        MAX_LOGO_BYTES / 1024,
        MAX_LOGO_PIXELS);
  }

  private static TenantException notFound(String slug) {
    return new TenantException(HttpStatus.NOT_FOUND, TenantException.NOT_FOUND, slug);
  }

  private static MapSqlParameterSource profileParameters(TenantProfile profile) {
    return new MapSqlParameterSource()
        .addValue("displayName", profile.displayName())
        .addValue("colour", profile.primaryColour().toLowerCase(Locale.ROOT))
        .addValue("street", profile.street())
        .addValue("postcode", profile.postcode())
        .addValue("city", profile.city())
        .addValue("phone", profile.phone())
        .addValue("email", profile.email())
        .addValue("website", profile.website())
        .addValue("openingHours", profile.openingHours())
        .addValue("impressum", profile.impressum())
        .addValue("datenschutz", profile.datenschutz())
        .addValue("accessibilityContact", profile.accessibilityContact());
  }

  private static Tenant map(ResultSet rs, int row) throws SQLException {
    TenantProfile profile =
        new TenantProfile(
            rs.getString("display_name"),
            rs.getString("primary_colour"),
            rs.getString("street"),
            rs.getString("postcode"),
            rs.getString("city"),
            rs.getString("phone"),
            rs.getString("email"),
            rs.getString("website"),
            rs.getString("opening_hours"),
            rs.getString("impressum"),
            rs.getString("datenschutz"),
            rs.getString("accessibility_contact"));
    return new Tenant(
        rs.getObject("id", UUID.class),
        rs.getString("slug"),
        rs.getString("authority_ars"),
        profile,
        rs.getBoolean("has_logo"),
        rs.getInt("version"));
  }
}
