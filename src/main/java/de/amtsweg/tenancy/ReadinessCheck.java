package de.amtsweg.tenancy;

import java.util.Optional;

/**
 * One item of a tenant's go-live checklist, implemented by the module that owns the data it checks
 * (apps in {@code appstore}, routes in {@code delivery}, …), so that {@code tenancy} shows the list
 * without knowing any of them. Beans of this type are collected by {@link Readiness}.
 */
public interface ReadinessCheck {

  /** Where the item stands in the list: lower first. */
  int order();

  /**
   * The item for this tenant, as the viewer sees it (the link goes to a page the viewer may open);
   * empty when the item does not concern the tenant (payment when no app takes fees online).
   */
  Optional<ReadinessItem> item(Tenant tenant, Viewer viewer);

  /**
   * Who looks at the checklist: the links differ, as only tenant admins see {@code /verwaltung}.
   */
  enum Viewer {
    TENANT_ADMIN,
    OPERATOR
  }
}
