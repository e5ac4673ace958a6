package de.amtsweg.applications;

import de.amtsweg.appstore.AppStore;
import de.amtsweg.appstore.AppStore.OfferedApp;
import de.amtsweg.appstore.PaymentPolicy;
import de.amtsweg.appstore.PaymentTerms;
import de.amtsweg.catalog.OnlineServiceDescriptions;
import de.amtsweg.catalog.ServiceDescription;
import de.amtsweg.catalog.TextModuleKind;
import de.amtsweg.catalog.TextModules;
import de.amtsweg.forms.AppDefinition;
import de.amtsweg.forms.AppDefinition.Field;
import de.amtsweg.forms.AppDefinition.Parameter;
import de.amtsweg.forms.AppDefinition.Step;
import de.amtsweg.forms.FieldType;
import de.amtsweg.forms.FormEngine;
import de.amtsweg.tenancy.Tenant;
import de.amtsweg.tenancy.TenantManagement;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * What an Antrags-App tells a person before they start, as the tenant offers it: what it is, who
 * can apply, which documents to have ready, what it costs there (the tenant's amounts) and how the
 * fee is paid (the tenant's payment terms, so that no page promises a Gebührenbescheid when the fee
 * is paid online), and the legal basis; processing time and deadlines from the catalog's texts of
 * the app's Leistung. The app's start page and the catalog's service page (through {@link
 * OnlineServiceDescriptions}) show the same.
 */
@Component
public class AppDescriptions implements OnlineServiceDescriptions {

  private final AppStore store;
  private final TenantManagement tenants;
  private final TextModules textModules;
  private final MessageSource messages;

  AppDescriptions(
      AppStore store, TenantManagement tenants, TextModules textModules, MessageSource messages) {
    this.store = store;
    this.tenants = tenants;
    this.textModules = textModules;
    this.messages = messages;
  }

  @Override
  public Optional<ServiceDescription> describe(String tenantArs, String leikaKey, Locale locale) {
    List<OfferedApp> offered = store.offeredFor(tenantArs, leikaKey);
    if (offered.isEmpty()) {
      return Optional.empty();
    }
    String authority = tenants.byAuthority(tenantArs).map(Tenant::displayName).orElse(tenantArs);
    return Optional.of(fromApp(offered.getFirst(), authority, locale));
  }

  /**
   * The start page's description of an app as a tenant offers it, with the catalog's texts of its
   * first Leistung for what the app does not say (processing time, deadlines).
   */
  public ServiceDescription describe(OfferedApp offered, String authorityName, Locale locale) {
    ServiceDescription app = fromApp(offered, authorityName, locale);
    List<String> keys = offered.definition().leikaKeys();
    return keys.isEmpty() ? app : app.orElse(textModules.describe(keys.getFirst(), locale));
  }

  /**
   * How long the authority usually takes for an Antrag of this Leistung, as the catalog's text says
   * (its first line), if it has one.
   */
  public Optional<String> processingTime(@Nullable String leikaKey, Locale locale) {
    if (leikaKey == null) {
      return Optional.empty();
    }
    return textModules.describe(leikaKey, locale).get(TextModuleKind.BEARBEITUNGSDAUER).stream()
        .findFirst();
  }

  private ServiceDescription fromApp(OfferedApp offered, String authority, Locale locale) {
    AppDefinition app = offered.definition();
    Map<TextModuleKind, List<String>> entries = new EnumMap<>(TextModuleKind.class);
    if (app.description() != null) {
      entries.put(TextModuleKind.KURZTEXT, List.of(app.description().in(locale)));
    }
    entries.put(TextModuleKind.VORAUSSETZUNGEN, List.of(who(app, authority, locale)));
    entries.put(TextModuleKind.UNTERLAGEN, documents(app, locale));
    entries.put(TextModuleKind.KOSTEN, costs(offered, authority, locale));
    if (app.legalBasis() != null) {
      entries.put(TextModuleKind.RECHTSGRUNDLAGE, List.of(app.legalBasis().in(locale)));
    }
    return new ServiceDescription(entries);
  }

  private String who(AppDefinition app, String authority, Locale locale) {
    String key =
        app.forOrganisations()
            ? "applications.facts.who.organisation"
            : app.anonymous()
                ? "applications.facts.who.anonymous"
                : "applications.facts.who.account";
    return message(key, locale, authority);
  }

  /** The files the app asks for; those asked only in some cases say so. */
  private List<String> documents(AppDefinition app, Locale locale) {
    List<String> documents = new ArrayList<>();
    for (Step step : app.steps()) {
      collectFiles(step.fields(), step.show() != null, documents, locale);
    }
    return documents.isEmpty()
        ? List.of(message("applications.facts.documents.none", locale))
        : documents;
  }

  private void collectFiles(
      List<Field> fields, boolean conditional, List<String> documents, Locale locale) {
    for (Field field : fields) {
      boolean sometimes =
          conditional || field.show() != null || field.requiredIf() != null || !field.required();
      if (field.type() == FieldType.FILE) {
        String label = field.label().in(locale);
        documents.add(
            sometimes ? message("applications.facts.documents.sometimes", locale, label) : label);
      } else if (!field.fields().isEmpty()) {
        collectFiles(field.fields(), sometimes, documents, locale);
      }
    }
  }

  /**
   * The tenant's amounts and how the fee is paid. A tenant's own fee replaces the app's amounts;
   * amounts of zero (no postage, say) are left out.
   */
  private List<String> costs(OfferedApp offered, String authority, Locale locale) {
    AppDefinition app = offered.definition();
    PaymentTerms terms = offered.activation().payment();
    List<String> costs = new ArrayList<>();
    if (app.fee() == null) {
      costs.add(message("applications.facts.costs.free", locale));
    }
    // The tenant's amounts are the app's money parameters: the one fee field of the activation.
    for (Parameter parameter : app.parameters()) {
      if (!"money".equals(parameter.type())) {
        continue;
      }
      Object value = offered.parameter(parameter.id());
      Object raw = value != null ? value : parameter.defaultValue();
      BigDecimal amount = raw == null ? null : FormEngine.number(raw);
      if (amount != null && amount.signum() > 0) {
        costs.add(
            message(
                "applications.facts.costs.amount",
                locale,
                withoutUnit(parameter.label().in(locale)),
                euros(amount)));
      }
    }
    if (app.fee() != null) {
      app.fee().exemptions().forEach(e -> costs.add(e.reason().in(locale)));
    }
    if (app.fee() != null || terms.policy() == PaymentPolicy.AFTER_BESCHEID) {
      costs.add(
          message(
              "applications.facts.payment."
                  + terms.policy().name()
                  + (app.fee() == null ? ".no-fee" : ""),
              locale,
              authority));
    }
    return costs;
  }

  /** "Gebühr für … (Euro)" reads "Gebühr für …" beside an amount in euros. */
  private static String withoutUnit(String label) {
    return label.replaceFirst("\\s*\\((Euro|euros|EUR|€)\\)\\s*$", "");
  }

  private static String euros(BigDecimal amount) {
    // Fees are in euros whatever the reader's language; German grouping either way.
    return NumberFormat.getCurrencyInstance(Locale.GERMANY).format(amount);
  }

  private String message(String key, Locale locale, Object... arguments) {
    return messages.getMessage(key, arguments, locale);
  }
}
