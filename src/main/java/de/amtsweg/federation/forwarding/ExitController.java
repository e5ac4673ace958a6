package de.amtsweg.federation.forwarding;

import de.amtsweg.platform.Times;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The exit page between Amtsweg and another provider's online service: says where the person is
 * going and that their session and data stay here, and links to the service with Leistung and place
 * filled in. It leads only to Onlinedienste Amtsweg knows, by id; a target in the request ({@code
 * ?url=…}) is never followed.
 */
@Controller
class ExitController {

  private final Exits exits;
  private final Times times;

  ExitController(Exits exits, Times times) {
    this.exits = exits;
    this.times = times;
  }

  @GetMapping({"/weiter", "/weiter/"})
  String withoutService(HttpServletResponse response, Model model) {
    return refused(new ExitRefusedException(ExitRefusedException.Reason.UNKNOWN), response, model);
  }

  @GetMapping("/weiter/{onlinedienstId}")
  String exit(
      @PathVariable String onlinedienstId,
      @RequestParam(required = false) @Nullable String leistung,
      @RequestParam(required = false) @Nullable String ars,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    Exits.Exit exit;
    try {
      exit = exits.resolve(onlinedienstId, leistung, ars);
    } catch (ExitRefusedException refused) {
      return refused(refused, response, model);
    }
    noStore(response);
    if ("GET".equals(request.getMethod())) {
      exits.count(exit, LocalDate.now(times.zone()));
    }
    model.addAttribute("exit", exit);
    model.addAttribute("back", "/leistungen/" + exit.leistung().leikaKey());
    return "federation/exit";
  }

  /** Rendered here, not by an exception handler, so that the page has its layout model. */
  private static String refused(
      ExitRefusedException refused, HttpServletResponse response, Model model) {
    response.setStatus(refused.reason().status().value());
    noStore(response);
    model.addAttribute("reason", refused.reason().key());
    model.addAttribute("leistung", refused.leistung());
    return "federation/exit-refused";
  }

  /** Each view counts, and no search engine should list a way out. */
  private static void noStore(HttpServletResponse response) {
    response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
    response.setHeader("X-Robots-Tag", "noindex, nofollow");
  }
}
