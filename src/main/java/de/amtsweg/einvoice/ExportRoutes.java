package de.amtsweg.einvoice;

import de.amtsweg.platform.SecretBox;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Where a tenant's invoices go when staff export them to the finance system: a folder (file drop)
 * below the operator's {@code amtsweg.einvoice.export-directory}, in the tenant's own sub-folder,
 * or an HTTPS endpoint (webhook) that receives the XML signed with HMAC-SHA256. Tenant admins keep
 * their tenant's route; the webhook's key is generated here, shown once, and stored sealed ({@link
 * SecretBox}). Without a route, the file drop into {@code <export-directory>/<tenant>/} is used
 * when that folder is set.
 */
@Service
public class ExportRoutes {

  /** How invoices leave Amtsweg. */
  public enum Kind {
    FILE_DROP,
    WEBHOOK
  }

  /**
   * A tenant's route as its admins see it (never the key).
   *
   * @param directory FILE_DROP: the sub-folder below the tenant's folder ("" for the folder itself)
   */
  public record Route(
      String tenantSlug,
      Kind kind,
      @Nullable String directory,
      @Nullable String url,
      @Nullable OffsetDateTime changedAt,
      int version) {}

  /** A route with what the export needs: the folder to write to, or the address and the key. */
  record Target(Kind kind, @Nullable Path folder, @Nullable URI url, @Nullable String key) {}

  /**
   * A route was not saved; {@code field} is the form field, {@code code} the message's last part.
   */
  public static final class RouteException extends RuntimeException {
    private final String field;
    private final String code;

    public RouteException(String field, String code) {
      super(field + ": " + code);
      this.field = field;
      this.code = code;
    }

    public String field() {
      return field;
    }

    /** {@code einvoice.export.error.<code>} in the message bundles. */
    public String code() {
      return code;
    }
  }

  /** One to five folder names of letters, digits, dot, dash and underscore; never "." or "..". */
  private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9._-]{0,63}");

  private static final int MAX_SEGMENTS = 5;
  private static final int MAX_URL = 500;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final JdbcClient jdbc;
  private final SecretBox box;
  private final EinvoiceProperties properties;

  ExportRoutes(JdbcClient jdbc, SecretBox box, EinvoiceProperties properties) {
    this.jdbc = jdbc;
    this.box = box;
    this.properties = properties;
  }

  /** The tenant's route; without one, the default file drop if the operator set a folder. */
  public Optional<Route> of(String tenantSlug) {
    Optional<Route> stored =
        jdbc.sql("select * from einvoice_export_route where tenant_slug = ?")
            .param(tenantSlug)
            .query(
                (rs, n) ->
                    new Route(
                        tenantSlug,
                        Kind.valueOf(rs.getString("kind")),
                        rs.getString("directory"),
                        rs.getString("url"),
                        rs.getObject("changed_at", OffsetDateTime.class),
                        rs.getInt("version")))
            .optional();
    if (stored.isPresent() || properties.exportDirectory() == null) {
      return stored;
    }
    return Optional.of(new Route(tenantSlug, Kind.FILE_DROP, "", null, null, 0));
  }

  /** Whether the operator allows file drops at all (the base folder is set). */
  public boolean fileDropAvailable() {
    return properties.exportDirectory() != null;
  }

  /** The base folder of the tenant's file drops ({@code <export-directory>/<tenant>}), if any. */
  public Optional<Path> tenantFolder(String tenantSlug) {
    return Optional.ofNullable(properties.exportDirectory()).map(base -> base.resolve(tenantSlug));
  }

  /**
   * Saves a file drop into {@code directory} below the tenant's folder.
   *
   * @throws RouteException {@code directory}: {@code unavailable} or {@code invalid}
   */
  @Transactional
  public void saveFileDrop(String tenantSlug, String directory, String by) {
    Path base =
        tenantFolder(tenantSlug).orElseThrow(() -> new RouteException("directory", "unavailable"));
    String folder = directory.strip().replace('\\', '/');
    folder = folder.endsWith("/") ? folder.substring(0, folder.length() - 1) : folder;
    if (!folder.isEmpty()) {
      String[] segments = folder.split("/", -1);
      if (segments.length > MAX_SEGMENTS) {
        throw new RouteException("directory", "invalid");
      }
      for (String segment : segments) {
        if (!SEGMENT.matcher(segment).matches()
            || segment.equals("..")
            || segment.startsWith("..")) {
          throw new RouteException("directory", "invalid");
        }
      }
      Path resolved = base.resolve(folder).normalize();
      if (!resolved.startsWith(base.normalize())) {
        throw new RouteException("directory", "invalid");
      }
    }
    upsert(tenantSlug, Kind.FILE_DROP, folder, null, null, by);
  }

  /**
   * Saves a webhook. A key is generated when the tenant had none, or when asked for a new one.
   *
   * @return the new key, which exists in clear only now; null when the stored key was kept
   * @throws RouteException {@code url}: {@code invalid}, {@code scheme}
   */
  @Transactional
  public @Nullable String saveWebhook(String tenantSlug, String url, boolean newKey, String by) {
    URI uri = webhookUrl(url);
    String sealed =
        newKey
            ? null
            : jdbc
                .sql("select secret from einvoice_export_route where tenant_slug = ?")
                .param(tenantSlug)
                .query((rs, n) -> rs.getString(1))
                .list()
                .stream()
                .filter(java.util.Objects::nonNull)
                .findFirst()
                .orElse(null);
    String key = null;
    if (sealed == null) {
      byte[] bytes = new byte[32];
      RANDOM.nextBytes(bytes);
      key = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
      sealed = box.seal(key, owner(tenantSlug));
    }
    upsert(tenantSlug, Kind.WEBHOOK, null, uri.toString(), sealed, by);
    return key;
  }

  /** Where the tenant's exports go now; empty if nowhere. */
  Optional<Target> target(String tenantSlug) {
    Optional<Target> stored =
        jdbc.sql(
                "select kind, directory, url, secret from einvoice_export_route where tenant_slug = ?")
            .param(tenantSlug)
            .query(
                (rs, n) -> {
                  Kind kind = Kind.valueOf(rs.getString("kind"));
                  if (kind == Kind.WEBHOOK) {
                    return new Target(
                        kind,
                        null,
                        URI.create(rs.getString("url")),
                        box.open(rs.getString("secret"), owner(tenantSlug)));
                  }
                  String directory = rs.getString("directory");
                  Path folder =
                      tenantFolder(tenantSlug)
                          .map(
                              f ->
                                  directory == null || directory.isEmpty()
                                      ? f
                                      : f.resolve(directory))
                          .orElse(null);
                  return new Target(kind, folder, null, null);
                })
            .optional();
    if (stored.isPresent()) {
      return stored.filter(t -> t.kind() == Kind.WEBHOOK || t.folder() != null);
    }
    return tenantFolder(tenantSlug).map(folder -> new Target(Kind.FILE_DROP, folder, null, null));
  }

  private URI webhookUrl(String url) {
    String value = url.strip();
    URI uri;
    try {
      uri = new URI(value);
    } catch (URISyntaxException e) {
      throw new RouteException("url", "invalid");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (value.isEmpty()
        || value.length() > MAX_URL
        || !uri.isAbsolute()
        || uri.getHost() == null
        || uri.getRawUserInfo() != null
        || uri.getRawFragment() != null) {
      throw new RouteException("url", "invalid");
    }
    if (!scheme.equals("https") && !(scheme.equals("http") && properties.webhookAllowHttp())) {
      throw new RouteException("url", "scheme");
    }
    return uri;
  }

  private void upsert(
      String tenantSlug,
      Kind kind,
      @Nullable String directory,
      @Nullable String url,
      @Nullable String secret,
      String by) {
    jdbc.sql(
            """
        insert into einvoice_export_route (tenant_slug, kind, directory, url, secret, changed_by)
        values (?, ?, ?, ?, ?, ?)
        on conflict (tenant_slug) do update set kind = excluded.kind, directory = excluded.directory,
          url = excluded.url, secret = excluded.secret, changed_by = excluded.changed_by, changed_at = now(),
          version = einvoice_export_route.version + 1""")
        .params(tenantSlug, kind.name(), directory, url, secret, by)
        .update();
  }

  private static String owner(String tenantSlug) {
    return "einvoice-export:" + tenantSlug;
  }
}
