package de.amtsweg.casework.web;

import de.amtsweg.appstore.AppStore;
import de.amtsweg.casework.Caseworker;
import de.amtsweg.casework.Vorgaenge;
import de.amtsweg.casework.VorgangStatus;
import de.amtsweg.platform.StaffDirectory;
import de.amtsweg.tenancy.TenantStaff;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The case inbox of a tenant's caseworkers and admins: the list with filters and paging. The tenant
 * comes from the login; the list works without JavaScript.
 */
@Controller
class CaseInboxController {

  static final String BASE = "/verwaltung/vorgaenge";

  private final Vorgaenge vorgaenge;
  private final AppStore store;

  CaseInboxController(Vorgaenge vorgaenge, AppStore store) {
    this.vorgaenge = vorgaenge;
    this.store = store;
  }

  @GetMapping(BASE)
  String inbox(
      TenantStaff member,
      @RequestParam(required = false) @Nullable String app,
      @RequestParam(required = false) @Nullable String status,
      @RequestParam(required = false) @Nullable String von,
      @RequestParam(required = false) @Nullable String bis,
      @RequestParam(name = "zugewiesen", required = false) @Nullable String assignee,
      @RequestParam(name = "seite", required = false) @Nullable String seite,
      Model model,
      Locale locale) {
    Caseworker who = Staff.of(member);
    List<StaffDirectory.StaffMember> colleagues = vorgaenge.colleagues(who);
    Map<String, @Nullable String> filter = new LinkedHashMap<>();
    filter.put("app", Staff.blankToNull(app));
    filter.put("status", Staff.blankToNull(status));
    filter.put("von", Staff.blankToNull(von));
    filter.put("bis", Staff.blankToNull(bis));
    filter.put("zugewiesen", Staff.blankToNull(assignee));
    model.addAttribute("filter", filter);
    model.addAttribute("statuses", VorgangStatus.values());
    model.addAttribute(
        "apps",
        vorgaenge.appIds(who).stream()
            .collect(
                Collectors.toMap(
                    Function.identity(),
                    id -> appName(id, locale),
                    (a, b) -> a,
                    LinkedHashMap::new)));
    model.addAttribute("colleagues", colleagues);
    model.addAttribute("names", Staff.names(colleagues));
    VorgangStatus statusValue = parseStatus(filter.get("status"));
    LocalDate from;
    LocalDate to;
    try {
      from = Staff.date(von);
    } catch (DateTimeParseException e) {
      return filterError(model, "von", "casework.filter.error.date");
    }
    try {
      to = Staff.date(bis);
    } catch (DateTimeParseException e) {
      return filterError(model, "bis", "casework.filter.error.date");
    }
    if (from != null && to != null && to.isBefore(from)) {
      return filterError(model, "bis", "casework.filter.error.range");
    }
    Vorgaenge.Page page =
        vorgaenge.search(
            who,
            new Vorgaenge.Filter(
                filter.get("app"), statusValue, from, to, filter.get("zugewiesen")),
            Staff.page(seite));
    model.addAttribute("page", page);
    model.addAttribute(
        "previous", page.page() > 0 ? Staff.pageLink(BASE, filter, page.page()) : null);
    model.addAttribute(
        "next",
        page.page() + 1 < page.pages() ? Staff.pageLink(BASE, filter, page.page() + 2) : null);
    return "casework/inbox";
  }

  private String filterError(Model model, String field, String key) {
    model.addAttribute("errorField", field);
    model.addAttribute("errorMessage", key);
    model.addAttribute("page", null);
    return "casework/inbox";
  }

  static @Nullable VorgangStatus parseStatus(@Nullable String value) {
    return value == null
        ? null
        : Arrays.stream(VorgangStatus.values())
            .filter(s -> s.name().equals(value))
            .findFirst()
            .orElse(null);
  }

  private String appName(String appId, Locale locale) {
    return store.latest(appId).map(app -> app.definition().name().in(locale)).orElse(appId);
  }
}
