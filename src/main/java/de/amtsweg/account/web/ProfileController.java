package de.amtsweg.account.web;

import de.amtsweg.account.Profile;
import de.amtsweg.account.ProfileField;
import de.amtsweg.account.ProfileField.Section;
import de.amtsweg.account.ProfileManagement;
import de.amtsweg.account.ProfileValue;
import de.amtsweg.platform.Times;
import de.amtsweg.tenancy.Authority;
import java.security.Principal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.FormatStyle;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.springframework.beans.propertyeditors.StringTrimmerEditor;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.SmartValidator;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;

/** "Meine Daten": the profile with where each value came from, edited and deleted by section. */
@Controller
class ProfileController {

  private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
  private static final DateTimeFormatter GERMAN_DATE =
      DateTimeFormatter.ofPattern("d.M.uuuu")
          .withResolverStyle(java.time.format.ResolverStyle.STRICT);
  private static final LocalDate EARLIEST_BIRTH = LocalDate.of(1900, 1, 1);

  private final Times times;
  private final ProfileManagement profiles;
  private final SmartValidator validator;

  ProfileController(ProfileManagement profiles, SmartValidator validator, Times times) {
    this.profiles = profiles;
    this.validator = validator;
    this.times = times;
  }

  @InitBinder("form")
  void trimStrings(WebDataBinder binder) {
    binder.registerCustomEditor(String.class, new StringTrimmerEditor(true));
  }

  @GetMapping("/konto/profil")
  String profile(Principal principal, Model model, Locale locale) {
    Profile profile = profiles.profile(AccountController.accountId(principal));
    model.addAttribute("profile", profile);
    model.addAttribute("email", profile.email());
    model.addAttribute(
        "sections", Arrays.stream(Section.values()).map(s -> display(s, profile, locale)).toList());
    model.addAttribute("noticeFlags", List.of("gespeichert", "geloescht"));
    return "account/profile";
  }

  @GetMapping("/konto/profil/{section}")
  String edit(@PathVariable String section, Principal principal, Model model, Locale locale) {
    Section chosen = section(section);
    Profile profile = profiles.profile(AccountController.accountId(principal));
    ProfileForm form = ProfileForm.of(profile);
    String birthDate = form.getBirthDate();
    if (birthDate != null) {
      form.setBirthDate(LocalDate.parse(birthDate).format(GERMAN_DATE));
    }
    String iban = form.getIban();
    if (iban != null) {
      form.setIban(ProfileManagement.formatIban(iban));
    }
    return showForm(model, chosen, form, List.of(), locale);
  }

  @PostMapping("/konto/profil/{section}")
  String save(
      @PathVariable String section,
      Principal principal,
      @ModelAttribute("form") ProfileForm form,
      BindingResult errors,
      Model model,
      Locale locale) {
    Section chosen = section(section);
    validator.validate(form, errors, ProfileForm.group(chosen));
    List<Authority> municipalities = List.of();
    switch (chosen) {
      case PERSON -> checkPerson(form, errors);
      case ADDRESS -> municipalities = checkAddress(form, errors);
      case BANK -> checkBank(form, errors);
      case CONTACT -> {}
    }
    if (errors.hasErrors()) {
      return showForm(model, chosen, form, municipalities, locale);
    }
    profiles.save(AccountController.accountId(principal), chosen, form.values(chosen));
    return "redirect:/konto/profil?gespeichert#" + chosen.slug();
  }

  @PostMapping("/konto/profil/{section}/loeschen")
  String delete(@PathVariable String section, Principal principal) {
    profiles.delete(AccountController.accountId(principal), section(section));
    return "redirect:/konto/profil?geloescht";
  }

  private void checkPerson(ProfileForm form, BindingResult errors) {
    String entered = form.getBirthDate();
    if (entered != null) {
      Optional<LocalDate> date = parseDate(entered);
      if (date.isEmpty()) {
        errors.rejectValue("birthDate", "account.profile.error.birth-date");
      } else if (date.get().isAfter(times.today()) || date.get().isBefore(EARLIEST_BIRTH)) {
        errors.rejectValue("birthDate", "account.profile.error.birth-date.range");
      } else {
        form.setBirthDate(date.get().toString());
      }
    }
    if (form.getNationality() != null && !COUNTRIES.contains(form.getNationality())) {
      errors.rejectValue("nationality", "account.profile.error.nationality");
    }
  }

  /** Requires postcode and place for an address and resolves its Gemeinde; returns the choices. */
  private List<Authority> checkAddress(ProfileForm form, BindingResult errors) {
    boolean any =
        form.getStreet() != null
            || form.getHouseNumber() != null
            || form.getPostcode() != null
            || form.getCity() != null;
    if (!any) {
      form.setMunicipalityArs(null);
      return List.of();
    }
    if (form.getPostcode() == null) {
      errors.rejectValue("postcode", "account.profile.error.postcode.required");
    }
    if (form.getCity() == null) {
      errors.rejectValue("city", "account.profile.error.city.required");
    }
    if (errors.hasFieldErrors("postcode") || errors.hasFieldErrors("city")) {
      return List.of();
    }
    List<Authority> candidates =
        profiles.municipalities(
            Objects.requireNonNull(form.getPostcode(), "checked above"), form.getCity());
    String chosen = form.getMunicipalityArs();
    if (chosen != null && candidates.stream().anyMatch(a -> a.ars().equals(chosen))) {
      return candidates;
    }
    if (candidates.size() == 1) {
      form.setMunicipalityArs(candidates.getFirst().ars());
    } else if (candidates.isEmpty()) {
      form.setMunicipalityArs(null);
    } else {
      form.setMunicipalityArs(null);
      errors.rejectValue("municipalityArs", "account.profile.error.municipality");
    }
    return candidates;
  }

  private static void checkBank(ProfileForm form, BindingResult errors) {
    String iban = form.getIban();
    if (iban != null) {
      Optional<String> valid = ProfileManagement.normalizeIban(iban);
      if (valid.isEmpty()) {
        errors.rejectValue("iban", "account.profile.error.iban");
      } else {
        form.setIban(valid.get());
        if (form.getAccountHolder() == null) {
          errors.rejectValue("accountHolder", "account.profile.error.account-holder");
        }
      }
    }
  }

  static Optional<LocalDate> parseDate(String entered) {
    for (DateTimeFormatter format : List.of(DateTimeFormatter.ISO_LOCAL_DATE, GERMAN_DATE)) {
      try {
        return Optional.of(LocalDate.parse(entered.strip(), format));
      } catch (DateTimeParseException tryNext) {
        // next format
      }
    }
    return Optional.empty();
  }

  private String showForm(
      Model model,
      Section section,
      ProfileForm form,
      List<Authority> municipalities,
      Locale locale) {
    model.addAttribute("form", form);
    model.addAttribute("section", section.slug());
    model.addAttribute(
        "fieldOrder", section.fields().stream().map(ProfileForm.PROPERTIES::get).toList());
    model.addAttribute("countries", countries(locale));
    model.addAttribute("municipalities", municipalities);
    return "account/profile-edit";
  }

  private static Section section(String slug) {
    return Section.bySlug(slug)
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
  }

  /** Countries by their name in the page's language, Germany first. */
  static List<Option> countries(Locale locale) {
    Comparator<Option> byName =
        Comparator.comparing(Option::label, java.text.Collator.getInstance(locale));
    List<Option> all =
        COUNTRIES.stream()
            .map(code -> new Option(code, Locale.of("", code).getDisplayCountry(locale)))
            .sorted(byName)
            .toList();
    return java.util.stream.Stream.concat(
            all.stream().filter(o -> o.value().equals("DE")),
            all.stream().filter(o -> !o.value().equals("DE")))
        .toList();
  }

  /** An entry of a select list. */
  record Option(String value, String label) {}

  /** A section of the profile page: its rows, and whether it has any value. */
  record SectionView(String slug, String titleKey, List<Row> rows, boolean empty) {}

  /** A value as shown: label, text and where it came from. */
  record Row(String labelKey, String text, String sourceKey, String since) {}

  private SectionView display(Section section, Profile profile, Locale locale) {
    List<Row> rows =
        section.fields().stream()
            .filter(field -> profile.get(field).isPresent())
            .map(field -> row(field, profile.get(field).orElseThrow(), locale))
            .toList();
    return new SectionView(
        section.slug(), "account.profile.section." + section.slug(), rows, rows.isEmpty());
  }

  private Row row(ProfileField field, ProfileValue value, Locale locale) {
    String text =
        switch (field) {
          case BIRTH_DATE ->
              LocalDate.parse(value.value())
                  .format(DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale));
          case NATIONALITY -> Locale.of("", value.value()).getDisplayCountry(locale);
          case IBAN -> ProfileManagement.formatIban(value.value());
          case MUNICIPALITY_ARS ->
              profiles
                  .municipality(value.value())
                  .map(a -> a.displayName() + " (" + a.ars() + ")")
                  .orElse(value.value());
          default -> value.value();
        };
    return new Row(
        "account.profile.field." + field.name(),
        text,
        "account.profile.source." + value.source().name(),
        DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
            .withLocale(locale)
            .format(times.local(value.since())));
  }
}
