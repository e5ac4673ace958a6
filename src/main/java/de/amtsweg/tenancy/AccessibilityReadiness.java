package de.amtsweg.tenancy;

import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Checklist item: the Barrierefreiheitserklärung's feedback mechanism. The statement itself is the
 * portal's (its pages are the same for every tenant); what each tenant must add is where people
 * report barriers to it, an address shown with its contact.
 */
@Component
class AccessibilityReadiness implements ReadinessCheck {

  @Override
  public int order() {
    return 60;
  }

  @Override
  public Optional<ReadinessItem> item(Tenant tenant, Viewer viewer) {
    String contact = tenant.profile().accessibilityContact();
    String link = viewer == Viewer.OPERATOR ? "/admin/mandanten/" + tenant.slug() : null;
    if (contact == null || contact.isBlank()) {
      return Optional.of(
          ReadinessItem.of(
              "accessibility",
              false,
              viewer == Viewer.OPERATOR
                  ? "onboarding.accessibility.open"
                  : "onboarding.accessibility.open.ask-operator",
              link));
    }
    return Optional.of(
        new ReadinessItem(
            "accessibility",
            true,
            "onboarding.accessibility.done",
            List.of(contact),
            List.of(),
            link));
  }
}
