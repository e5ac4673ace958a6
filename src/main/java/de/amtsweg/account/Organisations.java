package de.amtsweg.account;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Unternehmenskonten: organisations with their admins and members. Every lookup is scoped to the
 * calling account's membership: an organisation it does not belong to does not exist for it.
 */
@Service
public class Organisations {

  private static final Logger log = LoggerFactory.getLogger(Organisations.class);
  private static final String COLUMNS =
      "o.id, o.name, o.legal_form, o.register_number, o.street, o.house_number, o.postcode, o.city, o.created_at, o.version";

  /** What a person may do in an organisation. */
  public enum Role {
    /** Edits the organisation and its members. */
    ADMIN,
    /** Acts for the organisation. */
    MEMBER
  }

  /**
   * The editable details of an organisation.
   *
   * @param legalForm a key of {@link #LEGAL_FORMS}
   * @param registerNumber court and number in the commercial register, e.g. "Amtsgericht Jena HRB
   *     501234"
   */
  public record Details(
      String name,
      String legalForm,
      @Nullable String registerNumber,
      @Nullable String street,
      @Nullable String houseNumber,
      @Nullable String postcode,
      @Nullable String city) {}

  /** An organisation with its details. */
  public record Organisation(UUID id, Details details, OffsetDateTime createdAt, int version) {}

  /** An organisation as seen by one of its people. */
  public record Membership(Organisation organisation, Role role) {

    public boolean admin() {
      return role == Role.ADMIN;
    }
  }

  /** A person of an organisation. */
  public record Member(UUID accountId, String email, Role role, OffsetDateTime since) {}

  /** The legal forms offered (message keys {@code account.organisation.legal-form.<key>}). */
  public static final List<String> LEGAL_FORMS =
      List.of(
          "GMBH",
          "UG",
          "AG",
          "EK",
          "GBR",
          "OHG",
          "KG",
          "EV",
          "EINZELUNTERNEHMEN",
          "OEFFENTLICH",
          "SONSTIGE");

  private final JdbcClient jdbc;

  Organisations(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Every organisation, by name: only for platform operators, who register their API clients.
   * Everyone else sees only the organisations they belong to ({@link #of}).
   */
  public List<Organisation> all() {
    return jdbc.sql("select " + COLUMNS + " from organisation o order by o.name, o.id")
        .query((rs, row) -> map(rs))
        .list();
  }

  /** Creates an organisation with the account as its first admin. */
  @Transactional
  /**
   * The e-mail addresses of an organisation's admins, for notices to the organisation (e.g. a
   * rejected e-invoice). Not scoped to a caller: use only to send mail, never to show.
   */
  public List<String> adminEmails(UUID organisationId) {
    return jdbc.sql(
            """
        select a.email from organisation_member m join account a on a.id = m.account_id
        where m.organisation_id = ? and m.role = 'ADMIN' order by a.email""")
        .param(organisationId)
        .query(String.class)
        .list();
  }

  public UUID create(UUID accountId, Details details) {
    UUID id = UUID.randomUUID();
    jdbc.sql(
            """
            insert into organisation (id, name, legal_form, register_number, street, house_number, postcode, city)
            values (:id, :name, :legalForm, :registerNumber, :street, :houseNumber, :postcode, :city)
            """)
        .paramSource(parameters(details).addValue("id", id))
        .update();
    jdbc.sql(
            "insert into organisation_member (organisation_id, account_id, role) values (?, ?, 'ADMIN')")
        .params(id, accountId)
        .update();
    log.info("Account {} created organisation {}", accountId, id);
    return id;
  }

  /** The organisations the account belongs to, by name. */
  public List<Membership> of(UUID accountId) {
    return jdbc.sql(
            "select "
                + COLUMNS
                + ", m.role from organisation o join organisation_member m on m.organisation_id = o.id"
                + " where m.account_id = ? order by o.name, o.id")
        .param(accountId)
        .query((rs, row) -> new Membership(map(rs), Role.valueOf(rs.getString("role"))))
        .list();
  }

  /**
   * @throws OrganisationException {@link OrganisationException#NOT_FOUND} unless the account
   *     belongs to it
   */
  public Membership membership(UUID accountId, UUID organisationId) {
    return jdbc.sql(
            "select "
                + COLUMNS
                + ", m.role from organisation o join organisation_member m on m.organisation_id = o.id"
                + " where m.account_id = ? and o.id = ?")
        .params(accountId, organisationId)
        .query((rs, row) -> new Membership(map(rs), Role.valueOf(rs.getString("role"))))
        .optional()
        .orElseThrow(
            () -> new OrganisationException(HttpStatus.NOT_FOUND, OrganisationException.NOT_FOUND));
  }

  /** The people of an organisation the account belongs to; admins first. */
  public List<Member> members(UUID accountId, UUID organisationId) {
    membership(accountId, organisationId);
    return jdbc.sql(
            """
            select a.id, a.email, m.role, m.added_at from organisation_member m join account a on a.id = m.account_id
            where m.organisation_id = ? order by m.role, a.email
            """)
        .param(organisationId)
        .query(
            (rs, row) ->
                new Member(
                    rs.getObject("id", UUID.class),
                    rs.getString("email"),
                    Role.valueOf(rs.getString("role")),
                    rs.getObject("added_at", OffsetDateTime.class)))
        .list();
  }

  /**
   * @throws OrganisationException admin required, or {@link
   *     OrganisationException#EDITED_CONCURRENTLY}
   */
  @Transactional
  public void update(UUID accountId, UUID organisationId, Details details, int expectedVersion) {
    requireAdmin(accountId, organisationId);
    int updated =
        jdbc.sql(
                """
            update organisation set name = :name, legal_form = :legalForm, register_number = :registerNumber,
              street = :street, house_number = :houseNumber, postcode = :postcode, city = :city, version = version + 1
            where id = :id and version = :version
            """)
            .paramSource(
                parameters(details)
                    .addValue("id", organisationId)
                    .addValue("version", expectedVersion))
            .update();
    if (updated == 0) {
      throw new OrganisationException(
          HttpStatus.CONFLICT, OrganisationException.EDITED_CONCURRENTLY);
    }
  }

  /**
   * Adds the confirmed account with this address.
   *
   * @throws OrganisationException admin required, {@link OrganisationException#UNKNOWN_PERSON} or
   *     {@link OrganisationException#ALREADY_MEMBER}
   */
  @Transactional
  public void addMember(UUID accountId, UUID organisationId, String email, Role role) {
    requireAdmin(accountId, organisationId);
    UUID person =
        jdbc.sql("select id from account where email = ? and email_confirmed_at is not null")
            .param(AccountManagement.normalize(email))
            .query(UUID.class)
            .optional()
            .orElseThrow(
                () ->
                    new OrganisationException(
                        HttpStatus.BAD_REQUEST, OrganisationException.UNKNOWN_PERSON));
    try {
      jdbc.sql(
              "insert into organisation_member (organisation_id, account_id, role) values (?, ?, ?)")
          .params(organisationId, person, role.name())
          .update();
    } catch (DuplicateKeyException e) {
      throw new OrganisationException(HttpStatus.CONFLICT, OrganisationException.ALREADY_MEMBER);
    }
    log.info("Account {} added account {} to organisation {}", accountId, person, organisationId);
  }

  /**
   * @throws OrganisationException admin required or {@link OrganisationException#LAST_ADMIN}
   */
  @Transactional
  public void changeRole(UUID accountId, UUID organisationId, UUID memberId, Role role) {
    requireAdmin(accountId, organisationId);
    jdbc.sql("update organisation_member set role = ? where organisation_id = ? and account_id = ?")
        .params(role.name(), organisationId, memberId)
        .update();
    requireAnAdmin(organisationId);
  }

  /** Removes a member; admins remove anyone, members only themselves (leave). */
  @Transactional
  public void removeMember(UUID accountId, UUID organisationId, UUID memberId) {
    if (!accountId.equals(memberId)) {
      requireAdmin(accountId, organisationId);
    } else {
      membership(accountId, organisationId);
    }
    jdbc.sql("delete from organisation_member where organisation_id = ? and account_id = ?")
        .params(organisationId, memberId)
        .update();
    requireAnAdmin(organisationId);
  }

  /**
   * A deleted account's organisations: one without people goes; one without an admin gets its
   * longest-standing member as admin. After the deletion is committed, in a transaction of its own:
   * the account is gone whether or not this succeeds, and the event publication registry runs it
   * again after a crash. Idempotent, as a restart may run it twice.
   */
  @ApplicationModuleListener(id = "Organisations.onAccountDeleted")
  void on(AccountDeleted deleted) {
    jdbc.sql(
            "delete from organisation o where not exists (select 1 from organisation_member m where m.organisation_id = o.id)")
        .update();
    jdbc.sql(
            """
            update organisation_member m set role = 'ADMIN'
            where (m.organisation_id, m.added_at) in (
              select organisation_id, min(added_at) from organisation_member
              where organisation_id in (
                select organisation_id from organisation_member group by organisation_id
                having count(*) filter (where role = 'ADMIN') = 0)
              group by organisation_id)
            """)
        .update();
  }

  private void requireAdmin(UUID accountId, UUID organisationId) {
    if (!membership(accountId, organisationId).admin()) {
      throw new OrganisationException(HttpStatus.FORBIDDEN, OrganisationException.ADMIN_REQUIRED);
    }
  }

  private void requireAnAdmin(UUID organisationId) {
    boolean hasAdmin =
        jdbc.sql(
                "select exists(select 1 from organisation_member where organisation_id = ? and role = 'ADMIN')")
            .param(organisationId)
            .query(Boolean.class)
            .single();
    if (!hasAdmin) {
      throw new OrganisationException(HttpStatus.CONFLICT, OrganisationException.LAST_ADMIN);
    }
  }

  private static MapSqlParameterSource parameters(Details details) {
    return new MapSqlParameterSource()
        .addValue("name", details.name())
        .addValue("legalForm", details.legalForm())
        .addValue("registerNumber", details.registerNumber())
        .addValue("street", details.street())
        .addValue("houseNumber", details.houseNumber())
        .addValue("postcode", details.postcode())
        .addValue("city", details.city());
  }

  private static Organisation map(ResultSet rs) throws SQLException {
    return new Organisation(
        rs.getObject("id", UUID.class),
        new Details(
            rs.getString("name"),
            rs.getString("legal_form"),
            rs.getString("register_number"),
            rs.getString("street"),
            rs.getString("house_number"),
            rs.getString("postcode"),
            rs.getString("city")),
        rs.getObject("created_at", OffsetDateTime.class),
        rs.getInt("version"));
  }
}
