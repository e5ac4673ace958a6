package de.amtsweg.einvoice.web;

import de.amtsweg.einvoice.Einvoices;
import de.amtsweg.einvoice.ValidationReport.Finding;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Plain-language explanations of findings for suppliers ({@code einvoice.rule.<RULE>} in the
 * message bundles, with families such as {@code BR-DE} as fallback) and of routing problems.
 */
@Component
class Explanations {

  private final MessageSource messages;

  Explanations(MessageSource messages) {
    this.messages = messages;
  }

  String explain(Finding finding, Locale locale) {
    String rule = finding.rule();
    String text = messages.getMessage("einvoice.rule." + rule, null, null, locale);
    if (text == null) {
      text = messages.getMessage("einvoice.rule.family." + family(rule), null, null, locale);
    }
    return text != null ? text : messages.getMessage("einvoice.rule.other", null, locale);
  }

  String routing(Einvoices.RoutingProblem problem, Locale locale) {
    return messages.getMessage("einvoice.routing." + problem.name(), null, locale);
  }

  /** BR-DE-15 → BR-DE, BR-CL-10 → BR-CL, PEPPOL-EN16931-R040 → PEPPOL, UBL-CR-1 → UBL-CR. */
  static String family(String rule) {
    if (rule.startsWith("PEPPOL")) {
      return "PEPPOL";
    }
    int last = rule.lastIndexOf('-');
    String head = last > 0 ? rule.substring(0, last) : rule;
    return head.replaceAll("-[0-9]+$", "").replaceAll("-[a-z]$", "");
  }
}
