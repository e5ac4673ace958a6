package de.amtsweg.applications.web;

import de.amtsweg.applications.Draft;
import de.amtsweg.applications.Drafts;
import de.amtsweg.applications.responsibility.Responsibility;
import de.amtsweg.platform.FrameAncestors;
import de.amtsweg.tenancy.ChosenPlace;
import de.amtsweg.tenancy.EmbeddingOrigins;
import de.amtsweg.tenancy.PlaceSelection;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * The pages of an Antrags-App may be framed by the websites of the tenant that runs it there (#18).
 * The tenant comes from the draft for a draft's pages, else from the place: the deep link's {@code
 * ?ars=} or the visitor's chosen place, resolved to the tenant responsible for the app. Every other
 * page, and an app page whose tenant allows no origins, cannot be framed.
 */
@Component
class AppFraming implements FrameAncestors {

  private static final Pattern APP_PAGE =
      Pattern.compile(
          "/antrag/([a-z0-9][a-z0-9-]*)(?:/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})(?:/.*)?)?");

  private final Drafts drafts;
  private final Responsibility responsibility;
  private final PlaceSelection places;
  private final EmbeddingOrigins origins;

  AppFraming(
      Drafts drafts,
      Responsibility responsibility,
      PlaceSelection places,
      EmbeddingOrigins origins) {
    this.drafts = drafts;
    this.responsibility = responsibility;
    this.places = places;
    this.origins = origins;
  }

  @Override
  public List<String> allowedFor(HttpServletRequest request) {
    Matcher page = APP_PAGE.matcher(request.getRequestURI());
    if (!page.matches()) {
      return List.of();
    }
    return tenantArs(page.group(1), page.group(2), request).map(origins::of).orElse(List.of());
  }

  private Optional<String> tenantArs(
      String appId, @org.jspecify.annotations.Nullable String draftId, HttpServletRequest request) {
    if (draftId != null) {
      return drafts
          .find(UUID.fromString(draftId))
          .filter(d -> d.appId().equals(appId))
          .map(Draft::tenantArs);
    }
    String ars = request.getParameter("ars");
    String place =
        ars != null && ars.matches("[0-9]{12}")
            ? ars
            : places.current(request).map(ChosenPlace::ars).orElse(null);
    return place == null
        ? Optional.empty()
        : responsibility.target(appId, place).map(t -> t.tenant().authorityArs());
  }
}
