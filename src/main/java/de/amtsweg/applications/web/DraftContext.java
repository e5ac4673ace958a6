package de.amtsweg.applications.web;

import de.amtsweg.applications.Draft;
import de.amtsweg.appstore.PublishedApp;
import de.amtsweg.forms.AppDefinition;
import de.amtsweg.forms.FormEngine;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A draft opened by its applicant, with the app version it is on and the tenant's parameters for
 * the app (none once the tenant switched the app off after the draft was submitted).
 */
record DraftContext(Draft draft, PublishedApp published, Map<String, Object> parameters) {

  AppDefinition app() {
    return published.definition();
  }

  /** The form engine on these answers, with the tenant's parameters. */
  FormEngine engine(Map<String, ?> answers) {
    return FormEngine.evaluate(app(), parameters, answers);
  }

  /** Whether the draft belongs to a Servicekonto, so its applicant is signed in. */
  boolean signedIn() {
    return draft.accountId() != null;
  }

  /** The URL of the draft; its pages are below it. */
  String base() {
    return base(draft);
  }

  static String base(Draft draft) {
    return "/antrag/" + draft.appId() + "/" + draft.id();
  }

  /** The URL of a step page of the draft. */
  String step(String stepId) {
    return base() + "/schritt/" + stepId;
  }

  /** Where the confirmation goes: the answers' e-mail address, else the one for the resume link. */
  @Nullable String contactEmail() {
    Object email = draft.answers().get("email");
    if (email instanceof String s && !s.isBlank()) {
      return s.strip();
    }
    return draft.resumeEmail();
  }
}
