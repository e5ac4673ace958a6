package de.amtsweg.casework;

/**
 * The signed-in staff member a case operation is done for. Built by the controllers from the login,
 * never from the request: the tenant scopes every query.
 *
 * @param username the staff account, as the audit log names it
 * @param tenantSlug the staff member's tenant
 * @param tenantArs the authority of that tenant; cases and Anträge carry it
 * @param admin whether they administer the tenant (templates, retention, audit log)
 */
public record Caseworker(String username, String tenantSlug, String tenantArs, boolean admin) {}
