package de.amtsweg.applications.web;

import de.amtsweg.applications.Draft;
import de.amtsweg.applications.Drafts;
import de.amtsweg.applications.Prefill;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The decision of the consent page ({@code /daten}): take the applicant's Servicekonto data into
 * the draft, or fill it in themselves. Made by {@link AntragStartController}, and by {@link
 * ExpiredSessionRecovery} for a decision sent after the session ran out.
 */
@Component
class PrefillDecision {

  /** The button that takes the data over; any other decision leaves the draft's answers. */
  static final String TAKE_OVER = "uebernehmen";

  private final Prefill prefill;
  private final Drafts drafts;

  PrefillDecision(Prefill prefill, Drafts drafts) {
    this.prefill = prefill;
    this.drafts = drafts;
  }

  /**
   * Records the decision in the draft.
   *
   * @param citizen the account whose data is taken over (the draft's owner); none: nothing is taken
   *     over
   * @param organisation the organisation whose data is taken over, for apps for organisations
   * @return the first step, where the applicant goes on
   */
  String decide(
      DraftContext context,
      @Nullable UUID citizen,
      String decision,
      @Nullable UUID organisation,
      Locale locale) {
    Draft draft = context.draft();
    Map<String, Object> answers = new LinkedHashMap<>(draft.answers());
    if (citizen != null && TAKE_OVER.equals(decision)) {
      List<Prefill.Offer> offers = prefill.offers(context.app(), citizen, organisation);
      answers =
          prefill.apply(
              citizen,
              offers,
              answers,
              draft.tenantArs(),
              draft.authorityName(),
              draft.leikaKey(),
              context.app().name().in(locale));
    }
    drafts.prefillDecided(draft.id(), answers);
    return context.step(context.app().steps().getFirst().id());
  }
}
