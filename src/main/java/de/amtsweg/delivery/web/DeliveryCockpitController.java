package de.amtsweg.delivery.web;

import de.amtsweg.appstore.Activation;
import de.amtsweg.appstore.AppStore;
import de.amtsweg.delivery.Deliveries;
import de.amtsweg.delivery.Delivery;
import de.amtsweg.delivery.DeliveryChannel;
import de.amtsweg.delivery.DeliveryException;
import de.amtsweg.delivery.DeliveryProperties;
import de.amtsweg.delivery.DeliveryRoutes;
import de.amtsweg.delivery.DeliveryState;
import de.amtsweg.delivery.DocumentType;
import de.amtsweg.tenancy.Tenant;
import de.amtsweg.tenancy.TenantStaff;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.propertyeditors.StringTrimmerEditor;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The tenant admin's delivery cockpit ({@code /verwaltung/zustellung}: every Antrag and e-invoice
 * of the tenant with route, state, attempts, last error and times, a filter by state, a retry
 * button, an alert for deliveries not acknowledged in time) and routes ({@code
 * /verwaltung/zustellung/wege}: per activated app case inbox, pull API, webhook or e-mail notice).
 * The tenant comes from the login, never from the URL.
 */
@Controller
class DeliveryCockpitController {

  static final String BASE = "/verwaltung/zustellung";
  static final String ROUTES = BASE + "/wege";
  private static final int LIMIT = 200;
  private static final Set<DeliveryChannel> PUSH_CHANNELS =
      EnumSet.of(DeliveryChannel.WEBHOOK, DeliveryChannel.FILE_DROP);
  private static final List<String> ROUTE_FIELDS =
      List.of("channel", "webhookUrl", "webhookJwk", "noticeEmail");

  private final Deliveries deliveries;
  private final DeliveryRoutes routes;
  private final AppStore apps;
  private final DeliveryProperties properties;

  DeliveryCockpitController(
      Deliveries deliveries, DeliveryRoutes routes, AppStore apps, DeliveryProperties properties) {
    this.deliveries = deliveries;
    this.routes = routes;
    this.apps = apps;
    this.properties = properties;
  }

  @InitBinder("form")
  void trimStrings(WebDataBinder binder) {
    binder.registerCustomEditor(String.class, new StringTrimmerEditor(true));
  }

  @GetMapping(BASE)
  String cockpit(
      @RequestParam(name = "status", required = false) @Nullable String status,
      @RequestParam(name = "typ", required = false) @Nullable String type,
      TenantStaff member,
      Model model) {
    Tenant tenant = member.tenant();
    DeliveryState filter =
        Arrays.stream(DeliveryState.values())
            .filter(s -> s.name().equals(status))
            .findFirst()
            .orElse(null);
    DocumentType typeFilter =
        Arrays.stream(DocumentType.values())
            .filter(t -> t.name().equals(type))
            .findFirst()
            .orElse(null);
    List<Delivery> list =
        deliveries.list(tenant.authorityArs(), new Deliveries.Query(filter, typeFilter, LIMIT));
    model.addAttribute("deliveries", list);
    model.addAttribute("states", DeliveryState.values());
    model.addAttribute("filter", filter == null ? "" : filter.name());
    model.addAttribute("types", DocumentType.values());
    model.addAttribute("typeFilter", typeFilter == null ? "" : typeFilter.name());
    model.addAttribute("pushChannels", PUSH_CHANNELS);
    model.addAttribute(
        "overdue", deliveries.overdue(tenant.authorityArs(), properties.acknowledgeWithin(), 50));
    model.addAttribute("overdueHours", properties.acknowledgeWithin().toHours());
    model.addAttribute("appNames", appNames(tenant));
    model.addAttribute("tenantName", tenant.displayName());
    return "delivery/cockpit";
  }

  @PostMapping(BASE + "/{id}/erneut")
  String retry(@PathVariable UUID id, TenantStaff member, RedirectAttributes redirect) {
    Tenant tenant = member.tenant();
    try {
      Delivery d = deliveries.retry(tenant.authorityArs(), id);
      redirect.addFlashAttribute("notice", "delivery.cockpit.retried");
      redirect.addFlashAttribute("noticeReference", d.reference());
    } catch (DeliveryException.NotRetryable e) {
      redirect.addFlashAttribute("problem", "delivery.cockpit.not-retryable");
    }
    return "redirect:" + BASE;
  }

  /** One app of the tenant with its route. */
  record AppRoute(String appId, String name, DeliveryRoutes.Route route) {}

  @GetMapping(ROUTES)
  String routes(TenantStaff member, Model model) {
    Tenant tenant = member.tenant();
    Map<String, String> names = appNames(tenant);
    model.addAttribute(
        "apps",
        names.entrySet().stream()
            .map(
                e ->
                    new AppRoute(
                        e.getKey(), e.getValue(), routes.route(tenant.authorityArs(), e.getKey())))
            .toList());
    String alert = routes.alertEmail(tenant.authorityArs());
    model.addAttribute("alertEmail", alert == null ? "" : alert);
    model.addAttribute("contactEmail", tenant.profile().email());
    model.addAttribute(
        "invoiceRoute",
        routes.route(tenant.authorityArs(), DocumentType.E_RECHNUNG, "").orElse(null));
    return "delivery/routes";
  }

  @PostMapping(ROUTES + "/benachrichtigung")
  String alertEmail(
      @RequestParam(name = "alertEmail", required = false) @Nullable String email,
      TenantStaff member,
      Model model,
      RedirectAttributes redirect) {
    Tenant tenant = member.tenant();
    String value = email == null ? "" : email.strip();
    if (!value.isEmpty() && !DeliveryRoutes.isEmail(value)) {
      model.addAttribute("alertError", "delivery.routes.error.email.invalid");
      routes(member, model);
      model.addAttribute("alertEmail", value);
      return "delivery/routes";
    }
    routes.setAlertEmail(tenant.authorityArs(), value.isEmpty() ? null : value);
    redirect.addFlashAttribute("notice", "delivery.routes.alert.saved");
    return "redirect:" + ROUTES;
  }

  @GetMapping(ROUTES + "/{appId}")
  String editRoute(@PathVariable String appId, TenantStaff member, Model model) {
    Tenant tenant = member.tenant();
    String name = appName(tenant, appId);
    DeliveryRoutes.Route route = routes.route(tenant.authorityArs(), appId);
    RouteForm form = new RouteForm();
    form.setChannel(route.channel().name());
    form.setWebhookUrl(route.webhookUrl());
    form.setWebhookJwk(route.webhookJwk());
    form.setNoticeEmail(route.noticeEmail());
    return showRoute(model, appId, name, route, form);
  }

  @PostMapping(ROUTES + "/{appId}")
  String saveRoute(
      @PathVariable String appId,
      @ModelAttribute("form") RouteForm form,
      BindingResult errors,
      TenantStaff member,
      Model model,
      RedirectAttributes redirect) {
    Tenant tenant = member.tenant();
    String name = appName(tenant, appId);
    Optional<DeliveryChannel> channel =
        Arrays.stream(DeliveryChannel.values())
            .filter(c -> c.name().equals(form.getChannel()))
            .findFirst();
    if (channel.isEmpty()) {
      errors.rejectValue("channel", "delivery.routes.error.channel");
    } else {
      DeliveryRoutes.Change change =
          new DeliveryRoutes.Change(
              channel.get(),
              form.getWebhookUrl(),
              form.getWebhookJwk(),
              form.getNoticeEmail(),
              form.isNewSecret());
      routes.validate(tenant.authorityArs(), appId, change).forEach(errors::rejectValue);
      if (!errors.hasErrors()) {
        String secret = routes.configure(tenant.authorityArs(), appId, change);
        redirect.addFlashAttribute("notice", "delivery.routes.saved");
        if (secret != null) {
          redirect.addFlashAttribute("newSecret", secret);
        }
        return "redirect:" + ROUTES + "/" + appId;
      }
    }
    return showRoute(model, appId, name, routes.route(tenant.authorityArs(), appId), form);
  }

  private String showRoute(
      Model model, String appId, String name, DeliveryRoutes.Route route, RouteForm form) {
    model.addAttribute("appId", appId);
    model.addAttribute("appName", name);
    model.addAttribute("route", route);
    model.addAttribute("form", form);
    model.addAttribute("channels", deliveries.channelsFor(DocumentType.ANTRAG));
    model.addAttribute("fieldOrder", ROUTE_FIELDS);
    return "delivery/route-form";
  }

  /** The tenant's activated apps by id with their names, in the page's language. */
  private Map<String, String> appNames(Tenant tenant) {
    Locale locale = LocaleContextHolder.getLocale();
    Map<String, String> names = new java.util.LinkedHashMap<>();
    for (Activation activation : apps.activations(tenant.authorityArs())) {
      names.put(
          activation.appId(),
          apps.latest(activation.appId())
              .map(a -> a.definition().name().in(locale))
              .orElse(activation.appId()));
    }
    return names;
  }

  /** The name of an app the tenant has activated; any other app is not found. */
  private String appName(Tenant tenant, String appId) {
    if (apps.activation(tenant.authorityArs(), appId).isEmpty()) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND);
    }
    return apps.latest(appId)
        .map(a -> a.definition().name().in(LocaleContextHolder.getLocale()))
        .orElse(appId);
  }
}
