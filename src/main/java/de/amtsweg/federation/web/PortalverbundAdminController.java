package de.amtsweg.federation.web;

import de.amtsweg.federation.FederationProperties.Source;
import de.amtsweg.federation.ImportReport;
import de.amtsweg.federation.VerbundImport;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The operator's page of the Portalverbund: the configured sources, what their last runs did, and a
 * button that imports a source now.
 */
@Controller
@RequestMapping("/admin/portalverbund")
class PortalverbundAdminController {

  private static final int REPORTS = 5;

  private final VerbundImport imports;

  PortalverbundAdminController(VerbundImport imports) {
    this.imports = imports;
  }

  /** A source with its newest reports, newest first. */
  record SourceView(Source source, List<ImportReport> reports) {}

  @GetMapping
  String page(Model model) {
    model.addAttribute(
        "sources",
        imports.sources().stream()
            .map(source -> new SourceView(source, imports.reports(source.name(), REPORTS)))
            .toList());
    return "federation/admin/portalverbund";
  }

  /** Imports the source now (the same run as the schedule's) and shows what it did. */
  @PostMapping("/{source}/importieren")
  String importNow(@PathVariable String source, RedirectAttributes redirect) {
    try {
      ImportReport report = imports.run(source);
      redirect.addFlashAttribute("importedSource", source);
      redirect.addFlashAttribute("importedOutcome", report.outcome());
    } catch (VerbundImport.ImportRefused e) {
      redirect.addFlashAttribute("refusedSource", source);
      redirect.addFlashAttribute("refusedReason", e.reason());
    }
    return "redirect:/admin/portalverbund";
  }
}
