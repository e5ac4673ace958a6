package de.amtsweg.tenancy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Checklist item: the tenant's contact and legal texts (Impressum, Datenschutz), which citizens see
 * on its authority page. Operators edit them; tenant admins are told to ask.
 */
@Component
class ContactsReadiness implements ReadinessCheck {

  @Override
  public int order() {
    return 10;
  }

  @Override
  public Optional<ReadinessItem> item(Tenant tenant, Viewer viewer) {
    TenantProfile profile = tenant.profile();
    List<String> missing = new ArrayList<>();
    if (blank(profile.street()) || blank(profile.postcode()) || blank(profile.city())) {
      missing.add("onboarding.contacts.address");
    }
    if (blank(profile.email()) && blank(profile.phone())) {
      missing.add("onboarding.contacts.reachable");
    }
    if (blank(profile.impressum())) {
      missing.add("onboarding.contacts.impressum");
    }
    if (blank(profile.datenschutz())) {
      missing.add("onboarding.contacts.datenschutz");
    }
    boolean done = missing.isEmpty();
    String link = viewer == Viewer.OPERATOR ? "/admin/mandanten/" + tenant.slug() : null;
    String message =
        done
            ? "onboarding.contacts.done"
            : viewer == Viewer.OPERATOR
                ? "onboarding.contacts.open"
                : "onboarding.contacts.open.ask-operator";
    return Optional.of(new ReadinessItem("contacts", done, message, List.of(), missing, link));
  }

  private static boolean blank(@Nullable String value) {
    return value == null || value.isBlank();
  }
}
