package de.amtsweg.tenancy;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The origins of a tenant's websites that may frame its Antrags-Apps ({@code frame-ancestors}).
 * Only {@code http}/{@code https}, a host name (no path, query, userinfo or fragment) and an
 * optional port; the one wildcard is a port wildcard ({@code http://localhost:*}), never a host
 * wildcard, so that a tenant cannot open its apps to every site by accident.
 */
@Component
public class EmbeddingOrigins {

  /** At most this many origins per tenant: a CSP header is not the place for a directory. */
  public static final int MAX_ORIGINS = 20;

  private static final Pattern ORIGIN =
      Pattern.compile("(https?)://([a-z0-9-]+(?:\\.[a-z0-9-]+)*)(?::(\\*|[0-9]{1,5}))?");
  private static final Pattern LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");

  private final JdbcClient jdbc;

  EmbeddingOrigins(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The allowed origins of the tenant of this authority, in the order entered; empty if none. */
  public List<String> of(String authorityArs) {
    return jdbc.sql(
            """
            select o.origin from tenant_embedding_origin o join tenant t on t.id = o.tenant_id
            where t.authority_ars = ? order by o.position""")
        .param(authorityArs)
        .query(String.class)
        .list();
  }

  /**
   * Replaces the tenant's allowed origins.
   *
   * @throws IllegalArgumentException when one is not a valid origin (callers validate first)
   */
  @Transactional
  public void replace(UUID tenantId, List<String> origins) {
    for (String origin : origins) {
      if (!isValid(origin)) {
        throw new IllegalArgumentException("not an allowed origin: " + origin);
      }
    }
    jdbc.sql("delete from tenant_embedding_origin where tenant_id = ?").param(tenantId).update();
    int position = 0;
    for (String origin : new LinkedHashSet<>(origins)) {
      jdbc.sql("insert into tenant_embedding_origin (tenant_id, origin, position) values (?, ?, ?)")
          .params(tenantId, origin, position++)
          .update();
    }
  }

  /** Whether the text is an origin as stored: lower case, no trailing slash. */
  public static boolean isValid(String origin) {
    Matcher m = ORIGIN.matcher(origin);
    if (!m.matches()) {
      return false;
    }
    for (String label : m.group(2).split("\\.", -1)) {
      if (!LABEL.matcher(label).matches()) {
        return false;
      }
    }
    String port = m.group(3);
    if (port != null && !port.equals("*")) {
      int number = Integer.parseInt(port);
      return number >= 1 && number <= 65535;
    }
    return true;
  }

  /**
   * Reads the text of a form, one origin a line; blank lines are skipped, scheme and host are
   * lower-cased.
   *
   * @return the origins, or the lines (1-based) that are not valid origins
   */
  public static Parsed parse(String text) {
    List<String> origins = new ArrayList<>();
    List<Invalid> invalid = new ArrayList<>();
    String[] lines = text.split("\\R", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.isEmpty()) {
        continue;
      }
      String origin = line.toLowerCase(Locale.ROOT);
      if (isValid(origin)) {
        if (!origins.contains(origin)) {
          origins.add(origin);
        }
      } else {
        invalid.add(new Invalid(i + 1, line));
      }
    }
    return new Parsed(List.copyOf(origins), List.copyOf(invalid));
  }

  /**
   * A form's text, read.
   *
   * @param origins the valid origins, without duplicates
   * @param invalid the lines that are not valid origins
   */
  public record Parsed(List<String> origins, List<Invalid> invalid) {}

  /**
   * A line that is not a valid origin.
   *
   * @param line its number, from 1
   * @param text what it said
   */
  public record Invalid(int line, String text) {}
}
