package de.amtsweg.platform.staff;

import de.amtsweg.platform.Mailer;
import de.amtsweg.platform.OutgoingMail;
import de.amtsweg.platform.PlatformProperties;
import de.amtsweg.platform.Roles;
import de.amtsweg.platform.SafeText;
import de.amtsweg.platform.Sha256;
import de.amtsweg.platform.StaffInvitations;
import de.amtsweg.platform.TenantNames;
import de.amtsweg.platform.security.StaffFactor;
import de.amtsweg.platform.staff.StaffAudit.Action;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Staff accounts as operators and tenant admins manage them: invite, list, disable and enable,
 * invite again, reset the second factor. Every lookup is scoped ({@link Scope}): an account outside
 * the caller's scope does not exist for them (404), a role outside it is refused (403). Every
 * change is written to the {@link StaffAudit} in its transaction.
 */
@Service
class StaffManagement implements StaffInvitations {

  /** One staff account as the lists show it. */
  record Member(
      UUID id,
      String username,
      String displayName,
      @Nullable String email,
      String role,
      @Nullable String tenant,
      boolean enabled,
      boolean invitationPending,
      @Nullable Instant lastLogin,
      List<StaffFactor> factors) {}

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final String EMAIL = "[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+";

  private final JdbcClient jdbc;
  private final List<StaffFactor> factors;
  private final StaffAudit audit;
  private final Mailer mailer;
  private final MessageSource messages;
  private final TenantNames tenants;
  private final FindByIndexNameSessionRepository<? extends Session> sessions;
  private final Duration lifetime;
  private final URI publicUrl;

  StaffManagement(
      JdbcClient jdbc,
      List<StaffFactor> factors,
      StaffAudit audit,
      Mailer mailer,
      MessageSource messages,
      TenantNames tenants,
      FindByIndexNameSessionRepository<? extends Session> sessions,
      StaffProperties properties,
      PlatformProperties platform) {
    this.jdbc = jdbc;
    this.factors = List.copyOf(factors);
    this.audit = audit;
    this.mailer = mailer;
    this.messages = messages;
    this.tenants = tenants;
    this.sessions = sessions;
    this.lifetime = properties.invitationLifetime();
    this.publicUrl = platform.publicUrl();
  }

  /** The staff in the scope: all for operators, the tenant's caseworkers and admins else. */
  List<Member> list(Scope scope) {
    return jdbc.sql(
            """
            select id, username, display_name, email, role, tenant_slug, enabled,
              password_hash is null as pending, last_login_at
            from staff_account
            where cast(? as varchar) is null or (tenant_slug = ? and role in (?, ?))
            order by tenant_slug nulls first, display_name, username
            """)
        .params(scope.tenant(), scope.tenant(), Roles.CASEWORKER, Roles.TENANT_ADMIN)
        .query(this::member)
        .list();
  }

  /**
   * @throws StaffException {@code staff-not-found} (404) if the account is not in the scope
   */
  Member get(Scope scope, UUID id) {
    return jdbc.sql(
            """
            select id, username, display_name, email, role, tenant_slug, enabled,
              password_hash is null as pending, last_login_at
            from staff_account
            where id = ? and (cast(? as varchar) is null or (tenant_slug = ? and role in (?, ?)))
            """)
        .params(id, scope.tenant(), scope.tenant(), Roles.CASEWORKER, Roles.TENANT_ADMIN)
        .query(this::member)
        .optional()
        .orElseThrow(StaffException::notFound);
  }

  @Override
  @Transactional
  public String inviteTenantAdmin(String tenantSlug, String email, String invitedBy) {
    return invite(new Scope(invitedBy, null), email, email, Roles.TENANT_ADMIN, tenantSlug);
  }

  /**
   * Creates the account (login name: the e-mail address) and mails the invitation.
   *
   * @param tenant the tenant of tenant-scoped roles; ignored for tenant admins, who invite into
   *     their own tenant
   * @return the login name
   */
  @Transactional
  String invite(
      Scope scope, String email, String displayName, String role, @Nullable String tenant) {
    String address = email.strip().toLowerCase(Locale.ROOT);
    String name = displayName.strip();
    if (!scope.roles().contains(role)) {
      throw StaffException.notAllowed();
    }
    if (address.length() > 100
        || !address.matches(EMAIL)
        || name.isEmpty()
        || name.length() > 200
        || !SafeText.isSafeLine(name)) {
      throw new StaffException(HttpStatus.BAD_REQUEST, StaffException.INVALID);
    }
    String tenantSlug = scope.operator() ? tenant : scope.tenant();
    if (Roles.PLATFORM_OPERATOR.equals(role)) {
      tenantSlug = null;
    } else if (tenantSlug == null || !tenants.all().containsKey(tenantSlug)) {
      throw new StaffException(HttpStatus.BAD_REQUEST, StaffException.INVALID);
    }
    UUID id = UUID.randomUUID();
    try {
      jdbc.sql(
              """
              insert into staff_account (id, username, display_name, email, role, tenant_slug)
              values (?, ?, ?, ?, ?, ?)
              """)
          .params(id, address, name, address, role, tenantSlug)
          .update();
    } catch (DuplicateKeyException e) {
      throw new StaffException(HttpStatus.CONFLICT, StaffException.EMAIL_TAKEN);
    }
    sendInvitation(id, address, name, scope.actor());
    audit.record(scope.actor(), Action.INVITED, address, tenantSlug, role);
    return address;
  }

  /** A new invitation link; the older ones stop working. */
  @Transactional
  void reinvite(Scope scope, UUID id) {
    Member member = get(scope, id);
    if (member.email() == null || !member.enabled()) {
      throw new StaffException(HttpStatus.CONFLICT, StaffException.INVALID);
    }
    sendInvitation(id, member.email(), member.displayName(), scope.actor());
    audit.record(scope.actor(), Action.REINVITED, member.username(), member.tenant(), null);
  }

  /** Disables or enables the account; a disabled account's sessions end. Never one's own. */
  @Transactional
  void setEnabled(Scope scope, UUID id, boolean enabled) {
    Member member = get(scope, id);
    if (member.username().equals(scope.actor())) {
      throw StaffException.notAllowed();
    }
    jdbc.sql("update staff_account set enabled = ? where id = ?").params(enabled, id).update();
    if (!enabled) {
      endSessions(member.username());
    }
    audit.record(
        scope.actor(),
        enabled ? Action.ENABLED : Action.DISABLED,
        member.username(),
        member.tenant(),
        null);
  }

  /**
   * Removes every second factor of the account (lost phone); the person registers a new one at
   * their next login, and their sessions end. Never one's own: that needs the old factor.
   */
  @Transactional
  void resetFactors(Scope scope, UUID id) {
    Member member = get(scope, id);
    if (member.username().equals(scope.actor())) {
      throw StaffException.notAllowed();
    }
    factors.forEach(factor -> factor.reset(id));
    endSessions(member.username());
    audit.record(scope.actor(), Action.FACTOR_RESET, member.username(), member.tenant(), null);
  }

  /** The audit log of the scope, newest first. */
  List<StaffAudit.Entry> auditLog(Scope scope) {
    return audit.newest(scope.tenant(), 200);
  }

  /** The tenants an operator can invite into. */
  java.util.SortedMap<String, String> tenants() {
    return tenants.all();
  }

  private void endSessions(String username) {
    for (String session : sessions.findByPrincipalName(username).keySet()) {
      sessions.deleteById(session);
    }
  }

  private void sendInvitation(UUID id, String email, String displayName, String invitedBy) {
    jdbc.sql("delete from staff_invitation where staff_account_id = ? and used_at is null")
        .param(id)
        .update();
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    jdbc.sql(
            """
            insert into staff_invitation (token_hash, staff_account_id, invited_by, expires_at)
            values (?, ?, ?, now() + make_interval(secs => ?))
            """)
        .params(Sha256.hex(token), id, invitedBy, lifetime.toSeconds())
        .update();
    String link =
        UriComponentsBuilder.fromUri(publicUrl)
            .path(Invitations.PATH)
            .queryParam("token", token)
            .build()
            .toUriString();
    long days = Math.max(1, lifetime.toDays());
    Object[] arguments = {displayName, link, days, email};
    mailer.send(
        new OutgoingMail(
            email,
            messages.getMessage("staff.mail.invitation.subject", null, Locale.GERMAN),
            messages.getMessage("staff.mail.invitation.text", arguments, Locale.GERMAN)
                + "\n\n---\n\n"
                + messages.getMessage("staff.mail.invitation.text", arguments, Locale.ENGLISH)));
  }

  private Member member(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
    UUID id = rs.getObject("id", UUID.class);
    java.sql.Timestamp lastLogin = rs.getTimestamp("last_login_at");
    return new Member(
        id,
        rs.getString("username"),
        rs.getString("display_name"),
        rs.getString("email"),
        rs.getString("role"),
        rs.getString("tenant_slug"),
        rs.getBoolean("enabled"),
        rs.getBoolean("pending"),
        lastLogin == null ? null : lastLogin.toInstant(),
        factors.stream().filter(factor -> factor.registered(id)).toList());
  }

  /** The account's id by its login name, if it exists. */
  Optional<UUID> idOf(String username) {
    return jdbc.sql("select id from staff_account where username = ?")
        .param(username.strip().toLowerCase(Locale.ROOT))
        .query(UUID.class)
        .optional();
  }
}
