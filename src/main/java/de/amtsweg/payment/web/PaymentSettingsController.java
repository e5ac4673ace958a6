package de.amtsweg.payment.web;

import de.amtsweg.payment.KassenzeichenScheme;
import de.amtsweg.payment.PaymentConfigs;
import de.amtsweg.tenancy.Tenant;
import de.amtsweg.tenancy.TenantStaff;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.propertyeditors.StringTrimmerEditor;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The tenant administrator's payment settings ({@code /verwaltung/zahlungen/einstellungen}): which
 * payment service, its endpoint and credentials, the Kassenzeichen scheme and the default booking
 * data. Secrets are written, never shown again: an empty secret field keeps the stored one. The
 * service's address follows the platform's rules for outbound addresses ({@link
 * PaymentConfigs#endpointProblem}).
 */
@Controller
class PaymentSettingsController {

  static final String PATH = "/verwaltung/zahlungen/einstellungen";
  private static final Pattern BOOKING_KEY = Pattern.compile("[0-9A-Za-z.\\-/]{1,40}");
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9._\\-]{1,100}");
  static final int MIN_SECRET = 16;

  private final PaymentConfigs configs;

  PaymentSettingsController(PaymentConfigs configs) {
    this.configs = configs;
  }

  /** The settings form; secrets are never filled in. */
  public static class SettingsForm {
    private @Nullable String provider;
    private @Nullable String kassenzeichenPrefix;
    private @Nullable String kassenzeichenScheme;
    private @Nullable String haushaltsstelle;
    private @Nullable String objektnummer;
    private @Nullable String endpointUrl;
    private @Nullable String originatorId;
    private @Nullable String endpointId;
    private @Nullable String clientId;
    private @Nullable String clientSecret;
    private @Nullable String notificationSecret;

    public @Nullable String getProvider() {
      return provider;
    }

    public void setProvider(@Nullable String v) {
      provider = v;
    }

    public @Nullable String getKassenzeichenPrefix() {
      return kassenzeichenPrefix;
    }

    public void setKassenzeichenPrefix(@Nullable String v) {
      kassenzeichenPrefix = v;
    }

    public @Nullable String getKassenzeichenScheme() {
      return kassenzeichenScheme;
    }

    public void setKassenzeichenScheme(@Nullable String v) {
      kassenzeichenScheme = v;
    }

    public @Nullable String getHaushaltsstelle() {
      return haushaltsstelle;
    }

    public void setHaushaltsstelle(@Nullable String v) {
      haushaltsstelle = v;
    }

    public @Nullable String getObjektnummer() {
      return objektnummer;
    }

    public void setObjektnummer(@Nullable String v) {
      objektnummer = v;
    }

    public @Nullable String getEndpointUrl() {
      return endpointUrl;
    }

    public void setEndpointUrl(@Nullable String v) {
      endpointUrl = v;
    }

    public @Nullable String getOriginatorId() {
      return originatorId;
    }

    public void setOriginatorId(@Nullable String v) {
      originatorId = v;
    }

    public @Nullable String getEndpointId() {
      return endpointId;
    }

    public void setEndpointId(@Nullable String v) {
      endpointId = v;
    }

    public @Nullable String getClientId() {
      return clientId;
    }

    public void setClientId(@Nullable String v) {
      clientId = v;
    }

    public @Nullable String getClientSecret() {
      return clientSecret;
    }

    public void setClientSecret(@Nullable String v) {
      clientSecret = v;
    }

    public @Nullable String getNotificationSecret() {
      return notificationSecret;
    }

    public void setNotificationSecret(@Nullable String v) {
      notificationSecret = v;
    }
  }

  static final List<String> FIELDS =
      List.of(
          "provider",
          "kassenzeichenPrefix",
          "kassenzeichenScheme",
          "haushaltsstelle",
          "objektnummer",
          "endpointUrl",
          "originatorId",
          "endpointId",
          "clientId",
          "clientSecret",
          "notificationSecret");

  @InitBinder("form")
  void trim(WebDataBinder binder) {
    binder.registerCustomEditor(String.class, new StringTrimmerEditor(true));
  }

  @GetMapping(PATH)
  String page(TenantStaff staff, Model model) {
    Tenant tenant = staff.tenant();
    Optional<PaymentConfigs.Settings> settings = configs.settings(tenant.authorityArs());
    SettingsForm form = new SettingsForm();
    settings.ifPresent(
        s -> {
          form.setProvider(s.provider());
          form.setKassenzeichenPrefix(s.kassenzeichenPrefix());
          form.setKassenzeichenScheme(s.kassenzeichenScheme().name());
          form.setHaushaltsstelle(s.haushaltsstelle());
          form.setObjektnummer(s.objektnummer());
          form.setEndpointUrl(s.endpointUrl());
          form.setOriginatorId(s.originatorId());
          form.setEndpointId(s.endpointId());
          form.setClientId(s.clientId());
        });
    return show(tenant, settings, form, model);
  }

  @PostMapping(PATH)
  String save(
      TenantStaff staff,
      @ModelAttribute("form") SettingsForm form,
      BindingResult errors,
      Model model,
      RedirectAttributes redirect) {
    Tenant tenant = staff.tenant();
    Optional<PaymentConfigs.Settings> stored = configs.settings(tenant.authorityArs());
    Optional<PaymentConfigs.ProviderInfo> provider =
        configs.providers().stream().filter(p -> p.id().equals(form.getProvider())).findFirst();
    if (provider.isEmpty()) {
      errors.rejectValue("provider", "payment.settings.error.provider");
    }
    Optional<KassenzeichenScheme> scheme =
        java.util.Arrays.stream(KassenzeichenScheme.values())
            .filter(s -> s.name().equals(form.getKassenzeichenScheme()))
            .findFirst();
    if (scheme.isEmpty()) {
      errors.rejectValue("kassenzeichenScheme", "payment.settings.error.scheme");
    } else if (form.getKassenzeichenPrefix() == null
        || !scheme.get().accepts(form.getKassenzeichenPrefix())) {
      errors.rejectValue(
          "kassenzeichenPrefix", "payment.settings.error.prefix." + scheme.get().name());
    }
    if (form.getHaushaltsstelle() == null
        || !BOOKING_KEY.matcher(form.getHaushaltsstelle()).matches()) {
      errors.rejectValue("haushaltsstelle", "payment.settings.error.haushaltsstelle");
    }
    if (form.getObjektnummer() != null && !BOOKING_KEY.matcher(form.getObjektnummer()).matches()) {
      errors.rejectValue("objektnummer", "payment.settings.error.objektnummer");
    }
    boolean sameProvider = stored.map(s -> s.provider().equals(form.getProvider())).orElse(false);
    if (provider.isPresent() && provider.get().needsEndpoint()) {
      configs
          .endpointProblem(form.getEndpointUrl())
          .ifPresent(problem -> errors.rejectValue("endpointUrl", problem));
      for (String field : List.of("originatorId", "endpointId", "clientId")) {
        String value =
            switch (field) {
              case "originatorId" -> form.getOriginatorId();
              case "endpointId" -> form.getEndpointId();
              default -> form.getClientId();
            };
        if (value == null || !ID.matcher(value).matches()) {
          errors.rejectValue(field, "payment.settings.error.id");
        }
      }
      boolean clientSecretStored =
          sameProvider && stored.map(PaymentConfigs.Settings::clientSecretSet).orElse(false);
      if (form.getClientSecret() == null && !clientSecretStored) {
        errors.rejectValue("clientSecret", "payment.settings.error.secret-required");
      }
      if (form.getNotificationSecret() == null && !sameProvider) {
        errors.rejectValue("notificationSecret", "payment.settings.error.secret-required");
      }
    }
    for (String field : List.of("clientSecret", "notificationSecret")) {
      String value =
          "clientSecret".equals(field) ? form.getClientSecret() : form.getNotificationSecret();
      if (value != null && (value.length() < MIN_SECRET || value.length() > 500)) {
        errors.rejectValue(
            field, "payment.settings.error.secret-length", new Object[] {MIN_SECRET}, null);
      }
    }
    if (errors.hasErrors()) {
      form.setClientSecret(null);
      form.setNotificationSecret(null);
      return show(tenant, stored, form, model);
    }
    boolean external = provider.orElseThrow().needsEndpoint();
    configs.save(
        tenant.authorityArs(),
        new PaymentConfigs.Change(
            provider.get().id(),
            String.valueOf(form.getKassenzeichenPrefix()),
            scheme.orElseThrow(),
            String.valueOf(form.getHaushaltsstelle()),
            form.getObjektnummer(),
            external ? form.getEndpointUrl() : null,
            external ? form.getOriginatorId() : null,
            external ? form.getEndpointId() : null,
            external ? form.getClientId() : null,
            external ? form.getClientSecret() : null,
            external ? form.getNotificationSecret() : null),
        staff.username());
    redirect.addFlashAttribute("saved", true);
    return "redirect:" + PATH;
  }

  private String show(
      Tenant tenant, Optional<PaymentConfigs.Settings> settings, SettingsForm form, Model model) {
    model.addAttribute("tenant", tenant);
    model.addAttribute("settings", settings.orElse(null));
    model.addAttribute("form", form);
    model.addAttribute("fieldOrder", FIELDS);
    model.addAttribute(
        "providers",
        configs.providers().stream().map(p -> Map.of("value", p.id(), "label", p.id())).toList());
    model.addAttribute(
        "schemes",
        java.util.Arrays.stream(KassenzeichenScheme.values())
            .map(s -> Map.of("value", s.name(), "label", s.name()))
            .toList());
    return "payment/admin/settings";
  }
}
