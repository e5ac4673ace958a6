package de.amtsweg.applications;

import static org.assertj.core.api.Assertions.assertThat;

import de.amtsweg.appstore.AppStore;
import de.amtsweg.appstore.AppStore.OfferedApp;
import de.amtsweg.forms.AnswerSchema;
import de.amtsweg.forms.AppDefinition;
import de.amtsweg.support.Browser;
import de.amtsweg.tenancy.TenantManagement;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.jsoup.nodes.Document;

/**
 * Complete drafts of an account, as if its owner had filled in every step: the app's example
 * answers.
 */
final class CartDrafts {

  private final Drafts drafts;
  private final AppStore store;
  private final TenantManagement tenants;

  CartDrafts(Drafts drafts, AppStore store, TenantManagement tenants) {
    this.drafts = drafts;
    this.store = store;
    this.tenants = tenants;
  }

  /**
   * A complete draft with the example answers (changed as given) and every declaration confirmed.
   */
  Draft complete(
      @org.jspecify.annotations.Nullable UUID account,
      String ars,
      String appId,
      Consumer<Map<String, Object>> change) {
    OfferedApp offered = store.offered(ars, appId).orElseThrow();
    AppDefinition app = offered.definition();
    Draft draft =
        drafts.create(
            new Drafts.Target(
                appId,
                offered.app().version(),
                ars,
                tenants.byAuthority(ars).orElseThrow().displayName(),
                app.leikaKeys().isEmpty() ? null : app.leikaKeys().getFirst()),
            account);
    Map<String, Object> answers = new LinkedHashMap<>(AnswerSchema.example(app));
    change.accept(answers);
    drafts.saveAnswers(draft.id(), answers);
    drafts.saveDeclarations(
        draft.id(), app.declarations().stream().map(AppDefinition.Declaration::id).toList());
    return drafts.get(draft.id());
  }

  /** Confirms the declarations on the check page and puts the draft into the browser's cart. */
  void toCart(Browser browser, Draft draft) {
    Document check = Browser.page(browser.get(checkPath(draft)));
    AppDefinition app = store.version(draft.appId(), draft.appVersion()).definition();
    List<Map.Entry<String, String>> fields = new ArrayList<>();
    fields.add(Map.entry("_csrf", Browser.csrf(check)));
    app.declarations().forEach(d -> fields.add(Map.entry("erklaerung", d.id())));
    fields.add(Map.entry("_ziel", "warenkorb"));
    HttpResponse<String> added =
        browser.post("/antrag/" + draft.appId() + "/" + draft.id() + "/absenden", fields);
    assertThat(added.statusCode()).as(added.body()).isEqualTo(302);
    assertThat(added.headers().firstValue("Location").orElseThrow()).endsWith("/warenkorb");
  }

  static String checkPath(Draft draft) {
    return "/antrag/" + draft.appId() + "/" + draft.id() + "/pruefen";
  }

  /**
   * One simple Meldebescheinigung for the applicant, by post: 5,00 € in Erfurt, 8,00 € in Gotha.
   */
  static void simpleCertificate(Map<String, Object> answers) {
    answers.put("art", "einfach");
    answers.put("fuerWen", "selbst");
    answers.put("anzahl", 1);
    answers.put("zweck", "arbeitgeber");
    answers.put("zustellung", "post");
    answers.remove("personen");
    answers.remove("zusatzangaben");
    answers.remove("zweckStelle");
  }
}
