package de.amtsweg.platform.security;

import de.amtsweg.platform.Roles;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Back-office staff accounts, stored with Argon2id password hashes. */
@Service
class StaffAccounts implements UserDetailsService, de.amtsweg.platform.StaffDirectory {

  private final JdbcClient jdbc;
  private final PasswordEncoder passwordEncoder;

  StaffAccounts(JdbcClient jdbc, PasswordEncoder passwordEncoder) {
    this.jdbc = jdbc;
    this.passwordEncoder = passwordEncoder;
  }

  @Override
  public UserDetails loadUserByUsername(String username) {
    return jdbc.sql(
            "select username, password_hash, role, tenant_slug, enabled from staff_account where username = ?")
        .param(normalize(username))
        .query(
            (rs, row) -> {
              List<SimpleGrantedAuthority> authorities = new java.util.ArrayList<>();
              authorities.add(new SimpleGrantedAuthority("ROLE_" + rs.getString("role")));
              String tenant = rs.getString("tenant_slug");
              if (tenant != null) {
                authorities.add(new SimpleGrantedAuthority(Roles.TENANT_AUTHORITY_PREFIX + tenant));
              }
              return User.withUsername(rs.getString("username"))
                  .password(rs.getString("password_hash"))
                  .authorities(authorities)
                  .disabled(!rs.getBoolean("enabled"))
                  .build();
            })
        .optional()
        .orElseThrow(() -> new UsernameNotFoundException("unknown staff account"));
  }

  @Override
  public List<StaffMember> ofTenant(String tenantSlug) {
    return jdbc.sql(
            """
            select username, display_name from staff_account
            where tenant_slug = ? and enabled and role in (?, ?) order by display_name, username
            """)
        .params(tenantSlug, StaffRole.CASEWORKER.name(), StaffRole.TENANT_ADMIN.name())
        .query((rs, row) -> new StaffMember(rs.getString("username"), rs.getString("display_name")))
        .list();
  }

  @Override
  public java.util.Optional<StaffMember> byUsername(String username) {
    return jdbc.sql("select username, display_name from staff_account where username = ?")
        .param(normalize(username))
        .query((rs, row) -> new StaffMember(rs.getString("username"), rs.getString("display_name")))
        .optional();
  }

  @Override
  public java.util.Optional<String> tenantOf(String username) {
    return jdbc.sql(
            "select tenant_slug from staff_account where username = ? and tenant_slug is not null")
        .param(normalize(username))
        .query(String.class)
        .optional();
  }

  /** User names are case-insensitive. */
  private static String normalize(String username) {
    return username.strip().toLowerCase(Locale.ROOT);
  }

  /** Creates the account unless one of that name exists; true if it was created. */
  @Transactional
  boolean createIfAbsent(String username, String displayName, String rawPassword, StaffRole role) {
    return jdbc.sql(
                """
                insert into staff_account (id, username, display_name, password_hash, role)
                values (?, ?, ?, ?, ?) on conflict (username) do nothing
                """)
            .params(
                UUID.randomUUID(),
                normalize(username),
                displayName,
                passwordEncoder.encode(rawPassword),
                role.name())
            .update()
        == 1;
  }

  /** The stored password hash of an account, if it exists. */
  @Nullable String passwordHash(String username) {
    return jdbc.sql("select password_hash from staff_account where username = ?")
        .param(normalize(username))
        .query(String.class)
        .optional()
        .orElse(null);
  }

  /**
   * Creates the account, or sets its password and role if it exists.
   *
   * @param passwordHash an Argon2id hash from the {@code PasswordEncoder}: callers that set the
   *     same password on many accounts (the demo) hash it once
   * @param tenantSlug the tenant of tenant-scoped staff; null for operators
   */
  @Transactional
  void createOrUpdate(
      String username,
      String displayName,
      String passwordHash,
      StaffRole role,
      @Nullable String tenantSlug) {
    if (role.tenantScoped() != (tenantSlug != null)) {
      throw new IllegalArgumentException("tenant staff need a tenant, operators have none");
    }
    jdbc.sql(
            """
            insert into staff_account (id, username, display_name, password_hash, role, tenant_slug)
            values (?, ?, ?, ?, ?, ?)
            on conflict (username) do update set display_name = excluded.display_name,
              password_hash = excluded.password_hash, role = excluded.role,
              tenant_slug = excluded.tenant_slug, enabled = true
            """)
        .params(
            UUID.randomUUID(),
            normalize(username),
            displayName,
            passwordHash,
            role.name(),
            tenantSlug)
        .update();
  }
}
