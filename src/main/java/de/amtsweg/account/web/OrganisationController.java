package de.amtsweg.account.web;

import de.amtsweg.account.OrganisationException;
import de.amtsweg.account.Organisations;
import java.security.Principal;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.propertyeditors.StringTrimmerEditor;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Unternehmenskonten: list, create, edit, and their people with roles. */
@Controller
class OrganisationController {

  private static final List<String> FIELDS =
      List.of("name", "legalForm", "registerNumber", "street", "houseNumber", "postcode", "city");

  private final Organisations organisations;
  private final MessageSource messages;

  OrganisationController(Organisations organisations, MessageSource messages) {
    this.organisations = organisations;
    this.messages = messages;
  }

  @InitBinder("form")
  void trimStrings(WebDataBinder binder) {
    binder.registerCustomEditor(String.class, new StringTrimmerEditor(true));
  }

  @GetMapping("/konto/organisationen")
  String list(Principal principal, Model model) {
    model.addAttribute("memberships", organisations.of(AccountController.accountId(principal)));
    return "account/organisations";
  }

  @GetMapping("/konto/organisationen/neu")
  String newForm(Model model, Locale locale) {
    return showForm(model, new OrganisationForm(), null, locale);
  }

  @PostMapping("/konto/organisationen")
  String create(
      Principal principal,
      @Validated @ModelAttribute("form") OrganisationForm form,
      BindingResult errors,
      Model model,
      Locale locale) {
    checkLegalForm(form, errors);
    if (errors.hasErrors()) {
      return showForm(model, form, null, locale);
    }
    UUID id = organisations.create(AccountController.accountId(principal), form.details());
    return "redirect:/konto/organisationen/" + id + "?gespeichert";
  }

  @GetMapping("/konto/organisationen/{id}")
  String show(Principal principal, @PathVariable UUID id, Model model) {
    UUID account = AccountController.accountId(principal);
    model.addAttribute("membership", organisations.membership(account, id));
    model.addAttribute("members", organisations.members(account, id));
    model.addAttribute("self", account);
    model.addAttribute(
        "noticeFlags", List.of("gespeichert", "hinzugefuegt", "rolle-geaendert", "entfernt"));
    return "account/organisation";
  }

  @GetMapping("/konto/organisationen/{id}/bearbeiten")
  String editForm(Principal principal, @PathVariable UUID id, Model model, Locale locale) {
    Organisations.Membership membership =
        organisations.membership(AccountController.accountId(principal), id);
    return showForm(model, OrganisationForm.of(membership.organisation()), id, locale);
  }

  @PostMapping("/konto/organisationen/{id}")
  String update(
      Principal principal,
      @PathVariable UUID id,
      @Validated @ModelAttribute("form") OrganisationForm form,
      BindingResult errors,
      Model model,
      Locale locale) {
    checkLegalForm(form, errors);
    if (!errors.hasErrors()) {
      try {
        organisations.update(
            AccountController.accountId(principal), id, form.details(), form.getVersion());
        return "redirect:/konto/organisationen/" + id + "?gespeichert";
      } catch (OrganisationException e) {
        if (!OrganisationException.EDITED_CONCURRENTLY.equals(e.type())) {
          throw e;
        }
        errors.reject("account.organisation.error.concurrent");
      }
    }
    return showForm(model, form, id, locale);
  }

  @PostMapping("/konto/organisationen/{id}/mitglieder")
  String addMember(
      Principal principal,
      @PathVariable UUID id,
      @RequestParam(defaultValue = "") String email,
      @RequestParam(defaultValue = "MEMBER") Organisations.Role role,
      RedirectAttributes redirect,
      Locale locale) {
    try {
      organisations.addMember(AccountController.accountId(principal), id, email, role);
      return "redirect:/konto/organisationen/" + id + "?hinzugefuegt";
    } catch (OrganisationException e) {
      return problem(e, id, redirect, locale);
    }
  }

  @PostMapping("/konto/organisationen/{id}/mitglieder/{member}/rolle")
  String changeRole(
      Principal principal,
      @PathVariable UUID id,
      @PathVariable UUID member,
      @RequestParam Organisations.Role role,
      RedirectAttributes redirect,
      Locale locale) {
    try {
      organisations.changeRole(AccountController.accountId(principal), id, member, role);
      return "redirect:/konto/organisationen/" + id + "?rolle-geaendert";
    } catch (OrganisationException e) {
      return problem(e, id, redirect, locale);
    }
  }

  @PostMapping("/konto/organisationen/{id}/mitglieder/{member}/entfernen")
  String remove(
      Principal principal,
      @PathVariable UUID id,
      @PathVariable UUID member,
      RedirectAttributes redirect,
      Locale locale) {
    UUID account = AccountController.accountId(principal);
    try {
      organisations.removeMember(account, id, member);
      return account.equals(member)
          ? "redirect:/konto/organisationen"
          : "redirect:/konto/organisationen/" + id + "?entfernt";
    } catch (OrganisationException e) {
      return problem(e, id, redirect, locale);
    }
  }

  /** Refusals a person can fix are shown on the organisation page; the rest are errors. */
  private String problem(
      OrganisationException e, UUID id, RedirectAttributes redirect, Locale locale) {
    if (OrganisationException.NOT_FOUND.equals(e.type())
        || OrganisationException.ADMIN_REQUIRED.equals(e.type())) {
      throw e;
    }
    redirect.addFlashAttribute(
        "memberError",
        messages.getMessage("problem." + e.type() + ".detail", e.detailArguments(), locale));
    return "redirect:/konto/organisationen/" + id;
  }

  private static void checkLegalForm(OrganisationForm form, BindingResult errors) {
    if (form.getLegalForm() != null && !Organisations.LEGAL_FORMS.contains(form.getLegalForm())) {
      errors.rejectValue("legalForm", "account.organisation.error.legal-form");
    }
  }

  private String showForm(Model model, OrganisationForm form, @Nullable UUID id, Locale locale) {
    model.addAttribute("form", form);
    model.addAttribute("organisationId", id);
    model.addAttribute("fieldOrder", FIELDS);
    model.addAttribute(
        "legalForms",
        Organisations.LEGAL_FORMS.stream()
            .map(
                key ->
                    new ProfileController.Option(
                        key,
                        messages.getMessage(
                            "account.organisation.legal-form." + key, null, locale)))
            .toList());
    return "account/organisation-form";
  }
}
