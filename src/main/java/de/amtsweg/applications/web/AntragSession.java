package de.amtsweg.applications.web;

import jakarta.servlet.http.HttpSession;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What the applicant's browser session holds: the anonymous drafts it may open, the receipt tokens
 * of Anträge submitted in it, and a one-time notice for the next page.
 */
final class AntragSession {

  // The attribute names are those of the controller these came from: sessions live in PostgreSQL
  // and survive a deployment, so they must not change.
  private static final String PREFIX = "de.amtsweg.applications.web.AntragController";

  /** Drafts this browser session may open (anonymous drafts are bound to the session). */
  private static final String DRAFTS = PREFIX + ".drafts";

  /** Receipt tokens of Anträge submitted in this session, by reference. */
  private static final String RECEIPTS = PREFIX + ".receipts";

  private static final String NOTICE = PREFIX + ".notice";

  /** Anträge whose status this session looked up with their reference and status code. */
  private static final String LOOKED_UP = PREFIX + ".lookedUp";

  private AntragSession() {}

  /** Lets this session open the draft (it started or resumed it). */
  @SuppressWarnings("unchecked")
  static void allow(HttpSession session, UUID draftId) {
    Set<UUID> allowed = (Set<UUID>) session.getAttribute(DRAFTS);
    Set<UUID> updated = allowed == null ? new HashSet<>() : new HashSet<>(allowed);
    updated.add(draftId);
    session.setAttribute(DRAFTS, updated);
  }

  static boolean allowed(@Nullable HttpSession session, UUID draftId) {
    Object allowed = session == null ? null : session.getAttribute(DRAFTS);
    return allowed instanceof Set<?> set && set.contains(draftId);
  }

  /** Lets this session open the receipt of an Antrag submitted in it (also from the Warenkorb). */
  static void rememberReceipt(HttpSession session, String reference, String token) {
    Map<String, String> receipts = new HashMap<>(receipts(session));
    receipts.put(reference, token);
    // Spring Session stores an attribute when it is set, not when the object in it changes.
    session.setAttribute(RECEIPTS, receipts);
  }

  /** The receipt token this session holds for the Antrag; null when it submitted none. */
  static @Nullable String receiptToken(HttpSession session, String reference) {
    return receipts(session).get(reference);
  }

  /** Lets this session see the status of the Antrag it looked up with its status code. */
  @SuppressWarnings("unchecked")
  static void allowStatus(HttpSession session, String reference) {
    Set<String> allowed = (Set<String>) session.getAttribute(LOOKED_UP);
    Set<String> updated = allowed == null ? new HashSet<>() : new HashSet<>(allowed);
    updated.add(reference);
    session.setAttribute(LOOKED_UP, updated);
  }

  static boolean statusAllowed(@Nullable HttpSession session, String reference) {
    Object allowed = session == null ? null : session.getAttribute(LOOKED_UP);
    return allowed instanceof Set<?> set && set.contains(reference);
  }

  /** Shows a message (by its key) on the next page of the Antrag. */
  static void notice(HttpSession session, String messageKey) {
    session.setAttribute(NOTICE, messageKey);
  }

  /** The message key set for this page, if any; it is shown once. */
  static @Nullable String takeNotice(HttpSession session) {
    Object notice = session.getAttribute(NOTICE);
    session.removeAttribute(NOTICE);
    return notice == null ? null : notice.toString();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, String> receipts(HttpSession session) {
    Object receipts = session.getAttribute(RECEIPTS);
    return receipts instanceof Map<?, ?> map ? (Map<String, String>) map : Map.of();
  }
}
