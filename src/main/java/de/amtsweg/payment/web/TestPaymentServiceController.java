package de.amtsweg.payment.web;

import de.amtsweg.payment.testservice.TestPaymentService;
import java.net.URI;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The pages of the built-in test payment service: the payer sees amount, Kassenzeichen, authority
 * and items and picks what the service does. Post-redirect-get; works without JavaScript.
 */
@Profile("demo")
@Controller
class TestPaymentServiceController {

  private final TestPaymentService service;

  TestPaymentServiceController(TestPaymentService service) {
    this.service = service;
  }

  @GetMapping("/bezahlung/test/{id}")
  String page(@PathVariable UUID id, Model model) {
    model.addAttribute("view", service.view(id));
    return "payment/test-service";
  }

  @PostMapping("/bezahlung/test/{id}")
  String choose(
      @PathVariable UUID id, @RequestParam(name = "wahl", defaultValue = "") String choice) {
    TestPaymentService.Choice chosen =
        switch (choice) {
          case "bezahlen" -> TestPaymentService.Choice.PAY;
          case "fehlschlag" -> TestPaymentService.Choice.FAIL;
          case "abbrechen" -> TestPaymentService.Choice.CANCEL;
          case "nie" -> TestPaymentService.Choice.ABANDON;
          default -> null;
        };
    if (chosen == null) {
      return "redirect:/bezahlung/test/" + id;
    }
    Optional<URI> next = service.choose(id, chosen);
    return next.map(uri -> "redirect:" + uri)
        .orElse("redirect:/bezahlung/test/" + id + "/verlassen");
  }

  @GetMapping("/bezahlung/test/{id}/verlassen")
  String abandoned(@PathVariable UUID id, Model model) {
    model.addAttribute("view", service.view(id));
    return "payment/test-service-abandoned";
  }
}
