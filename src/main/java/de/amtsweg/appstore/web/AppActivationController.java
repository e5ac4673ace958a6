package de.amtsweg.appstore.web;

import de.amtsweg.appstore.Activation;
import de.amtsweg.appstore.AppStore;
import de.amtsweg.appstore.AppStoreException;
import de.amtsweg.appstore.PaymentPolicy;
import de.amtsweg.appstore.PaymentTerms;
import de.amtsweg.appstore.PublishedApp;
import de.amtsweg.forms.AppDefinition;
import de.amtsweg.forms.FormEngine;
import de.amtsweg.tenancy.Tenant;
import de.amtsweg.tenancy.TenantStaff;
import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * "Einer für Alle" for a municipal admin: the published apps, a preview of each, and switching one
 * on for their own tenant with its parameters (fees, contact, notes) or off again after a
 * confirmation page that says what happens to citizens' drafts. Every action is scoped to the
 * admin's tenant. Amounts are shown and accepted the German way ({@code 6,50}).
 */
@Controller
class AppActivationController {

  private final AppStore store;
  private final MessageSource messages;

  AppActivationController(AppStore store, MessageSource messages) {
    this.store = store;
    this.messages = messages;
  }

  /** One app on the admin's list. */
  record Row(PublishedApp app, Optional<Activation> activation) {

    public boolean active() {
      return activation.map(Activation::active).orElse(false);
    }
  }

  @GetMapping("/verwaltung/apps")
  String list(TenantStaff staff, Model model) {
    Tenant tenant = staff.tenant();
    Map<String, Activation> activations = new LinkedHashMap<>();
    store.activations(tenant.authorityArs()).forEach(a -> activations.put(a.appId(), a));
    model.addAttribute("tenant", tenant);
    model.addAttribute(
        "rows",
        store.publishedApps().stream()
            .map(app -> new Row(app, Optional.ofNullable(activations.get(app.id()))))
            .toList());
    return "appstore/activations";
  }

  @GetMapping("/verwaltung/apps/{appId}")
  String app(@PathVariable String appId, TenantStaff staff, Model model, Locale locale) {
    Tenant tenant = staff.tenant();
    PublishedApp app = store.latest(appId).orElseThrow(() -> AppStoreException.notFound(appId));
    Activation activation = store.activation(tenant.authorityArs(), appId).orElse(null);
    Map<String, String> values = new LinkedHashMap<>();
    for (AppDefinition.Parameter parameter : app.definition().parameters()) {
      Object value =
          activation != null && activation.parameters().containsKey(parameter.id())
              ? activation.parameters().get(parameter.id())
              : parameter.defaultValue();
      values.put(parameter.id(), shown(parameter, value));
    }
    return render(tenant, app, activation, values, paymentValues(activation), null, model);
  }

  /**
   * A parameter's value as a German reader types it: amounts as {@code 6,50} (never {@code 6.5}),
   * numbers as {@code 0,8}.
   */
  static String shown(AppDefinition.Parameter parameter, @Nullable Object value) {
    if (value == null) {
      return "";
    }
    BigDecimal number =
        "money".equals(parameter.type()) || "number".equals(parameter.type())
            ? FormEngine.number(value)
            : null;
    if (number == null) {
      return value.toString();
    }
    DecimalFormat format =
        new DecimalFormat(
            "money".equals(parameter.type()) ? "#,##0.00" : "#,##0.##########",
            DecimalFormatSymbols.getInstance(Locale.GERMANY));
    return format.format(number);
  }

  /** The page to confirm switching an app off: what happens to citizens and their drafts. */
  @GetMapping("/verwaltung/apps/{appId}/deaktivieren")
  String confirmDeactivation(@PathVariable String appId, TenantStaff staff, Model model) {
    Tenant tenant = staff.tenant();
    PublishedApp app = store.latest(appId).orElseThrow(() -> AppStoreException.notFound(appId));
    Activation activation = store.activation(tenant.authorityArs(), appId).orElse(null);
    if (activation == null || !activation.active()) {
      return "redirect:/verwaltung/apps/" + appId;
    }
    model.addAttribute("tenant", tenant);
    model.addAttribute("app", app);
    return "appstore/activation-deactivate";
  }

  private static final List<String> PAYMENT_FIELDS = List.of("haushaltsstelle", "objektnummer");

  private static Map<String, String> paymentValues(@Nullable Activation activation) {
    PaymentTerms terms = activation == null ? PaymentTerms.NONE : activation.payment();
    Map<String, String> values = new LinkedHashMap<>();
    values.put("policy", terms.policy().name());
    values.put("haushaltsstelle", terms.haushaltsstelle() == null ? "" : terms.haushaltsstelle());
    values.put("objektnummer", terms.objektnummer() == null ? "" : terms.objektnummer());
    return values;
  }

  @PostMapping("/verwaltung/apps/{appId}/aktivieren")
  String activate(
      @PathVariable String appId,
      @RequestParam Map<String, String> form,
      TenantStaff staff,
      Model model,
      RedirectAttributes redirect,
      Locale locale) {
    Tenant tenant = staff.tenant();
    PublishedApp app = store.latest(appId).orElseThrow(() -> AppStoreException.notFound(appId));
    Map<String, String> values = new LinkedHashMap<>();
    for (AppDefinition.Parameter parameter : app.definition().parameters()) {
      values.put(parameter.id(), form.getOrDefault("p." + parameter.id(), ""));
    }
    Map<String, String> payment = new LinkedHashMap<>();
    payment.put("policy", form.getOrDefault("payment.policy", PaymentPolicy.NONE.name()));
    PAYMENT_FIELDS.forEach(f -> payment.put(f, form.getOrDefault("payment." + f, "").strip()));
    try {
      store.activate(tenant.authorityArs(), appId, values, staff.username());
    } catch (AppStoreException e) {
      String parameterId = String.valueOf(e.detailArguments()[0]);
      String label =
          app.definition()
              .parameter(parameterId)
              .map(p -> p.label().in(locale))
              .orElse(parameterId);
      return render(
          tenant,
          app,
          store.activation(tenant.authorityArs(), appId).orElse(null),
          values,
          payment,
          Map.of(
              "id",
              "p-" + parameterId,
              "message",
              messages.getMessage(
                  app.definition()
                          .parameter(parameterId)
                          .map(p -> "money".equals(p.type()))
                          .orElse(false)
                      ? "appstore.activation.error.money"
                      : "problem.app-parameter-invalid.detail",
                  new Object[] {label},
                  locale)),
          model);
    }
    if (app.definition().fee() != null) {
      try {
        store.setPaymentTerms(tenant.authorityArs(), appId, terms(payment), staff.username());
      } catch (AppStoreException e) {
        String field = String.valueOf(e.detailArguments()[0]);
        return render(
            tenant,
            app,
            store.activation(tenant.authorityArs(), appId).orElse(null),
            values,
            payment,
            Map.of(
                "id",
                "pay-" + field,
                "message",
                messages.getMessage(
                    "problem.app-parameter-invalid.detail",
                    new Object[] {messages.getMessage("appstore.payment." + field, null, locale)},
                    locale)),
            model);
      }
    }
    redirect.addFlashAttribute("saved", "appstore.activation.saved");
    return "redirect:/verwaltung/apps/" + appId;
  }

  @PostMapping("/verwaltung/apps/{appId}/deaktivieren")
  String deactivate(@PathVariable String appId, TenantStaff staff, RedirectAttributes redirect) {
    Tenant tenant = staff.tenant();
    if (store.latest(appId).isEmpty()) {
      throw AppStoreException.notFound(appId);
    }
    store.deactivate(tenant.authorityArs(), appId, staff.username());
    redirect.addFlashAttribute("saved", "appstore.activation.deactivated");
    return "redirect:/verwaltung/apps/" + appId;
  }

  /** The payment settings as entered (the amounts are the app's money parameters). */
  private static PaymentTerms terms(Map<String, String> payment) {
    PaymentPolicy policy;
    try {
      policy = PaymentPolicy.valueOf(payment.getOrDefault("policy", ""));
    } catch (IllegalArgumentException e) {
      throw AppStoreException.invalidParameter("policy");
    }
    return new PaymentTerms(policy, payment.get("haushaltsstelle"), payment.get("objektnummer"));
  }

  private String render(
      Tenant tenant,
      PublishedApp app,
      @Nullable Activation activation,
      Map<String, String> values,
      Map<String, String> payment,
      @Nullable Map<String, String> error,
      Model model) {
    model.addAttribute("payment", payment);
    model.addAttribute("policies", PaymentPolicy.values());
    model.addAttribute("paymentFields", PAYMENT_FIELDS);
    model.addAttribute("tenant", tenant);
    model.addAttribute("app", app);
    model.addAttribute("activation", activation);
    model.addAttribute("values", values);
    model.addAttribute("error", error);
    model.addAttribute("otherTenants", store.tenantsOffering(app.id()).size());
    return "appstore/activation";
  }
}
