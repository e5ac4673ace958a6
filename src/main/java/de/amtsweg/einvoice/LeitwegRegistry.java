package de.amtsweg.einvoice;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The Leitweg-IDs each tenant receives invoices for. Tenant admins maintain their own tenant's, the
 * operator everybody's; every method that changes or lists takes the tenant, so a caller scoped to
 * one tenant cannot touch another's.
 */
@Service
public class LeitwegRegistry {

  /** A registered Leitweg-ID. */
  public record Entry(
      String leitwegId,
      String tenantSlug,
      @Nullable String description,
      OffsetDateTime createdAt) {}

  /** Why a Leitweg-ID cannot be registered: a message key {@code einvoice.leitweg.error.<type>}. */
  public static final class RegistryException extends RuntimeException {
    private final String type;

    RegistryException(String type) {
      super(type);
      this.type = type;
    }

    public String type() {
      return type;
    }
  }

  private final JdbcClient jdbc;

  LeitwegRegistry(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public List<Entry> of(String tenantSlug) {
    return jdbc.sql("select * from einvoice_leitweg_id where tenant_slug = ? order by leitweg_id")
        .param(tenantSlug)
        .query(Entry.class)
        .list();
  }

  public List<Entry> all() {
    return jdbc.sql("select * from einvoice_leitweg_id order by tenant_slug, leitweg_id")
        .query(Entry.class)
        .list();
  }

  /** The tenant a (verified) Leitweg-ID routes to. */
  public Optional<String> tenantOf(LeitwegId id) {
    return jdbc.sql("select tenant_slug from einvoice_leitweg_id where leitweg_id = ?")
        .param(id.toString())
        .query(String.class)
        .optional();
  }

  /**
   * Registers a Leitweg-ID for a tenant.
   *
   * @throws RegistryException {@code missing}, {@code malformed}, {@code check-digits} or {@code
   *     taken}
   */
  public LeitwegId register(String tenantSlug, String text, @Nullable String description) {
    LeitwegId.Parsed parsed = LeitwegId.parse(text);
    if (parsed.id() == null) {
      throw new RegistryException(
          switch (java.util.Objects.requireNonNull(parsed.problem())) {
            case MISSING -> "missing";
            case MALFORMED -> "malformed";
            case WRONG_CHECK_DIGITS -> "check-digits";
          });
    }
    try {
      jdbc.sql(
              "insert into einvoice_leitweg_id (leitweg_id, tenant_slug, description) values (?, ?, ?)")
          .params(
              parsed.id().toString(),
              tenantSlug,
              description == null || description.isBlank() ? null : description.strip())
          .update();
    } catch (DuplicateKeyException e) {
      throw new RegistryException("taken");
    } catch (DataIntegrityViolationException e) {
      throw new RegistryException("tenant");
    }
    return parsed.id();
  }

  /** Removes a Leitweg-ID of this tenant; false if the tenant has no such ID. */
  public boolean remove(String tenantSlug, String leitwegId) {
    return jdbc.sql("delete from einvoice_leitweg_id where tenant_slug = ? and leitweg_id = ?")
            .params(tenantSlug, leitwegId)
            .update()
        > 0;
  }

  /** Demo data: registers unless the ID exists. */
  void registerIfAbsent(String tenantSlug, String leitwegId, String description) {
    jdbc.sql(
            """
        insert into einvoice_leitweg_id (leitweg_id, tenant_slug, description) values (?, ?, ?)
        on conflict (leitweg_id) do nothing""")
        .params(leitwegId, tenantSlug, description)
        .update();
  }
}
