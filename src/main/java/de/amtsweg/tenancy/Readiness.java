package de.amtsweg.tenancy;

import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * A tenant's go-live checklist: the items of every {@link ReadinessCheck} bean, in their order.
 * Shown to the tenant's admins on their start page until every item is done, and to operators.
 */
@Service
public class Readiness {

  private final List<ReadinessCheck> checks;

  Readiness(List<ReadinessCheck> checks) {
    this.checks = checks.stream().sorted(Comparator.comparingInt(ReadinessCheck::order)).toList();
  }

  /** The checklist of this tenant as the viewer sees it. */
  public Checklist of(Tenant tenant, ReadinessCheck.Viewer viewer) {
    return new Checklist(
        checks.stream().flatMap(check -> check.item(tenant, viewer).stream()).toList());
  }

  /**
   * A tenant's checklist.
   *
   * @param items in the order of their checks
   */
  public record Checklist(List<ReadinessItem> items) {

    public Checklist {
      items = List.copyOf(items);
    }

    public long doneCount() {
      return items.stream().filter(ReadinessItem::done).count();
    }

    /** Whether every item is done: the tenant may go live. */
    public boolean complete() {
      return doneCount() == items.size();
    }
  }
}
