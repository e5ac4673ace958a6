package de.amtsweg.account.web;

import de.amtsweg.account.Account;
import de.amtsweg.account.AccountManagement;
import de.amtsweg.account.Postfach;
import de.amtsweg.account.PostfachMessage;
import de.amtsweg.account.Profile;
import de.amtsweg.account.ProfileManagement;
import de.amtsweg.account.ProfileValue;
import java.security.Principal;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The caller's own Servicekonto as JSON: {@code GET /api/v1/me} and {@code GET
 * /api/v1/me/postfach}. Authenticated by the session for now; without it, 401 problem details.
 */
@RestController
class MeApiController {

  static final int MAX_PAGE_SIZE = 100;

  private final AccountManagement accounts;
  private final ProfileManagement profiles;
  private final Postfach postfach;

  MeApiController(AccountManagement accounts, ProfileManagement profiles, Postfach postfach) {
    this.accounts = accounts;
    this.profiles = profiles;
    this.postfach = postfach;
  }

  @GetMapping("/api/v1/me")
  Me me(Principal principal) {
    UUID id = AccountController.accountId(principal);
    Account account = accounts.get(id);
    return new Me(
        account.id(),
        account.email(),
        account.emailConfirmed(),
        account.createdAt(),
        profileJson(profiles.profile(id)));
  }

  @GetMapping("/api/v1/me/postfach")
  Messages postfach(
      Principal principal,
      @RequestParam(defaultValue = "1") int page,
      @RequestParam(defaultValue = "20") int size,
      @RequestParam(required = false) @Nullable String q) {
    if (page < 1) {
      throw new ApiParameterException("page");
    }
    if (size < 1 || size > MAX_PAGE_SIZE) {
      throw new ApiParameterException("size");
    }
    Postfach.Page result = postfach.list(AccountController.accountId(principal), q, page - 1, size);
    return new Messages(
        result.messages().stream().map(MeApiController::message).toList(),
        page,
        size,
        result.total(),
        result.unread());
  }

  /** Profile fields by their JSON key, each with value, source and time. */
  static Map<String, Field> profileJson(Profile profile) {
    Map<String, Field> fields = new LinkedHashMap<>();
    profile.values().forEach((field, value) -> fields.put(field.key(), Field.of(value)));
    return fields;
  }

  static Message message(PostfachMessage m) {
    return new Message(
        m.id(),
        m.direction().name(),
        m.kind().name(),
        m.authorityArs(),
        m.senderName(),
        m.reference(),
        m.subject(),
        m.body(),
        m.inReplyTo(),
        m.createdAt(),
        m.readAt(),
        m.attachments().stream()
            .map(
                a ->
                    new Attachment(
                        a.id(),
                        a.fileName(),
                        a.contentType(),
                        a.size(),
                        "/konto/postfach/" + m.id() + "/anhaenge/" + a.id()))
            .toList());
  }

  record Me(
      UUID id,
      String email,
      boolean emailConfirmed,
      OffsetDateTime createdAt,
      Map<String, Field> profile) {}

  record Field(String value, String source, OffsetDateTime since) {
    static Field of(ProfileValue value) {
      return new Field(value.value(), value.source().name(), value.since());
    }
  }

  record Messages(List<Message> messages, int page, int size, long total, long unread) {}

  record Message(
      UUID id,
      String direction,
      String kind,
      String authorityArs,
      String senderName,
      @Nullable String reference,
      String subject,
      String body,
      @Nullable UUID inReplyTo,
      OffsetDateTime createdAt,
      @Nullable OffsetDateTime readAt,
      List<Attachment> attachments) {}

  record Attachment(UUID id, String fileName, String contentType, int size, String href) {}

  /** A query parameter out of range: 400 {@code invalid-parameter}. */
  static class ApiParameterException extends de.amtsweg.platform.ProblemException {
    ApiParameterException(String parameter) {
      super(org.springframework.http.HttpStatus.BAD_REQUEST, "invalid-parameter", parameter);
    }
  }
}
