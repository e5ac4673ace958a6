package de.amtsweg.federation.forwarding;

import de.amtsweg.catalog.OnlinedienstLinks;
import de.amtsweg.platform.Times;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The operator's view of forwarding: how often people went to which other provider's service in the
 * last 30 days, and the state of every Onlinedienst's address, dead ones first, with a button to
 * check them all now.
 */
@Controller
class ForwardingAdminController {

  static final int DAYS = 30;

  private final Exits exits;
  private final OnlinedienstLinks links;
  private final LinkChecker checker;
  private final Times times;

  ForwardingAdminController(
      Exits exits, OnlinedienstLinks links, LinkChecker checker, Times times) {
    this.exits = exits;
    this.links = links;
    this.checker = checker;
    this.times = times;
  }

  @GetMapping(LinkChecker.PAGE)
  String page(@RequestParam(required = false) @Nullable Integer geprueft, Model model) {
    model.addAttribute("states", links.states());
    model.addAttribute(
        "statistics", exits.statistics(LocalDate.now(times.zone()).minusDays(DAYS - 1)));
    model.addAttribute("days", DAYS);
    model.addAttribute("checked", geprueft);
    return "federation/admin/forwarding";
  }

  @PostMapping(LinkChecker.PAGE + "/pruefen")
  String checkNow() {
    int checked = checker.run().size();
    return "redirect:" + LinkChecker.PAGE + "?geprueft=" + checked;
  }
}
