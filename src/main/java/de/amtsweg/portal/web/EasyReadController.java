package de.amtsweg.portal.web;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/**
 * Explanations in Leichter Sprache and in Deutscher Gebärdensprache (BITV 2.0 § 4) of the portal
 * (content, navigation, use) and of each Antrags-App, linked from every page. Until the videos
 * exist, the sign-language pages say so and show the video's text.
 */
@Controller
class EasyReadController {

  private final EasyReadTexts texts;

  EasyReadController(EasyReadTexts texts) {
    this.texts = texts;
  }

  @GetMapping("/leichte-sprache")
  String easyRead(Model model) {
    return page(EasyReadTexts.PORTAL, false, model);
  }

  @GetMapping("/leichte-sprache/{topic}")
  String easyRead(@PathVariable String topic, Model model) {
    return page(topic, false, model);
  }

  @GetMapping("/gebaerdensprache")
  String signLanguage(Model model) {
    return page(EasyReadTexts.PORTAL, true, model);
  }

  @GetMapping("/gebaerdensprache/{topic}")
  String signLanguage(@PathVariable String topic, Model model) {
    return page(topic, true, model);
  }

  private String page(String topic, boolean signLanguage, Model model) {
    model.addAttribute(
        "text",
        texts.get(topic).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)));
    model.addAttribute("topic", topic);
    model.addAttribute("portalTopic", EasyReadTexts.PORTAL.equals(topic));
    model.addAttribute("apps", texts.appTitles());
    return signLanguage ? "portal/gebaerdensprache" : "portal/leichte-sprache";
  }
}
