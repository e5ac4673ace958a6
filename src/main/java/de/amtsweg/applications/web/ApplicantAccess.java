package de.amtsweg.applications.web;

import de.amtsweg.applications.Antrag;
import de.amtsweg.applications.AntragManagement;
import de.amtsweg.applications.Draft;
import de.amtsweg.applications.Drafts;
import de.amtsweg.appstore.AppStore;
import de.amtsweg.appstore.AppStore.OfferedApp;
import de.amtsweg.appstore.AppStoreException;
import de.amtsweg.appstore.PublishedApp;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * What an applicant may open: a draft (an account's for its owner, an anonymous one for the session
 * that started or resumed it) and a submitted Antrag (with its receipt token, one this session
 * holds, or as the account that submitted it). Anything else is "not found".
 */
@Component
class ApplicantAccess {

  private final Drafts drafts;
  private final AppStore store;
  private final AntragManagement antraege;

  ApplicantAccess(Drafts drafts, AppStore store, AntragManagement antraege) {
    this.drafts = drafts;
    this.store = store;
    this.antraege = antraege;
  }

  /**
   * Opens a draft for the caller. A draft on an old app version moves to the newest version (its
   * answers are kept and checked again), and the applicant is told.
   *
   * @throws Drafts.DraftNotFoundException when it is not the caller's, or not of this app
   * @throws AppStoreException when the tenant no longer offers the app for an open draft
   */
  DraftContext draft(
      String appId,
      UUID draftId,
      HttpServletRequest request,
      @Nullable Authentication authentication) {
    Draft draft =
        drafts
            .find(draftId)
            .filter(d -> d.appId().equals(appId))
            .orElseThrow(Drafts.DraftNotFoundException::new);
    if (!owns(draft, request, authentication)) {
      throw new Drafts.DraftNotFoundException();
    }
    return open(draft, request);
  }

  /**
   * Whether the caller may open the draft: an account's draft its owner, an anonymous one the
   * session that started or resumed it.
   */
  static boolean owns(
      Draft draft, HttpServletRequest request, @Nullable Authentication authentication) {
    UUID citizen = Citizens.id(authentication);
    return draft.accountId() != null
        ? draft.accountId().equals(citizen)
        : AntragSession.allowed(request.getSession(false), draft.id());
  }

  /**
   * Opens a draft without asking whose it is: only for a caller who proved otherwise that it may
   * (the draft capability of a page sent after the session ran out, ADR 0026).
   *
   * @throws AppStoreException when the tenant no longer offers the app for an open draft
   */
  DraftContext open(Draft draft, HttpServletRequest request) {
    String appId = draft.appId();
    UUID draftId = draft.id();
    OfferedApp offered = store.offered(draft.tenantArs(), appId).orElse(null);
    if (offered == null) {
      if (draft.submitted()) {
        PublishedApp version = store.version(appId, draft.appVersion());
        return new DraftContext(draft, version, Map.of());
      }
      throw AppStoreException.notActive(appId);
    }
    if (!draft.submitted() && offered.app().version() > draft.appVersion()) {
      drafts.migrate(draftId, offered.app().version());
      AntragSession.notice(request.getSession(), "applications.migrated");
      draft = drafts.get(draftId);
    }
    PublishedApp published =
        draft.appVersion() == offered.app().version()
            ? offered.app()
            : store.version(appId, draft.appVersion());
    return new DraftContext(draft, published, offered.activation().parameters());
  }

  /**
   * A submitted Antrag for its applicant: by the token of its receipt link, by the token this
   * session holds, after this session looked it up with its status code, or as the account that
   * submitted it.
   *
   * @throws AntragManagement.AntragNotFoundException otherwise
   */
  Antrag antrag(
      String reference,
      @Nullable String token,
      HttpServletRequest request,
      @Nullable Authentication authentication) {
    UUID citizen = Citizens.id(authentication);
    String sessionToken = AntragSession.receiptToken(request.getSession(), reference);
    if (token != null) {
      return antraege.withToken(reference, token);
    }
    if (sessionToken != null) {
      return antraege.withToken(reference, sessionToken);
    }
    if (AntragSession.statusAllowed(request.getSession(false), reference)) {
      return antraege.find(reference).orElseThrow(AntragManagement.AntragNotFoundException::new);
    }
    if (citizen != null) {
      return antraege.ofAccount(reference, citizen);
    }
    throw new AntragManagement.AntragNotFoundException();
  }
}
