package de.amtsweg.account;

import java.io.IOException;
import java.io.OutputStream;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * "Meine Daten herunterladen" (GDPR Art. 15 and 20): everything the account holds as one ZIP with a
 * machine-readable {@code servicekonto.json} and the Postfach's attachments as files.
 */
@Service
public class AccountExport {

  static final String JSON = "servicekonto.json";

  private final AccountManagement accounts;
  private final ProfileManagement profiles;
  private final Postfach postfach;
  private final DataSharing sharing;
  private final Organisations organisations;
  private final SecondFactor secondFactor;
  private final ExternalIdentities identities;
  private final PersonalAccessTokens tokens;
  private final JsonMapper json;

  AccountExport(
      AccountManagement accounts,
      ProfileManagement profiles,
      Postfach postfach,
      DataSharing sharing,
      Organisations organisations,
      SecondFactor secondFactor,
      ExternalIdentities identities,
      PersonalAccessTokens tokens,
      JsonMapper json) {
    this.accounts = accounts;
    this.profiles = profiles;
    this.postfach = postfach;
    this.sharing = sharing;
    this.organisations = organisations;
    this.secondFactor = secondFactor;
    this.identities = identities;
    this.tokens = tokens;
    this.json = json;
  }

  /** Writes the ZIP; the stream stays open. */
  public void write(UUID accountId, OutputStream out) throws IOException {
    Account account = accounts.get(accountId);
    Profile profile = profiles.profile(accountId);
    List<Map<String, Object>> messages = new ArrayList<>();
    List<Attachment> files = new ArrayList<>();
    for (PostfachMessage m : postfach.all(accountId)) {
      List<Map<String, Object>> attachments = new ArrayList<>();
      for (PostfachMessage.Attachment a : m.attachments()) {
        String path = "anhaenge/" + m.id() + "/" + a.id() + "-" + a.fileName();
        attachments.add(
            ordered(
                "fileName",
                a.fileName(),
                "contentType",
                a.contentType(),
                "size",
                a.size(),
                "file",
                path));
        files.add(new Attachment(m.id(), a.id(), path));
      }
      messages.add(
          ordered(
              "id",
              m.id(),
              "direction",
              m.direction().name(),
              "kind",
              m.kind().name(),
              "authorityArs",
              m.authorityArs(),
              "senderName",
              m.senderName(),
              "reference",
              m.reference(),
              "subject",
              m.subject(),
              "body",
              m.body(),
              "inReplyTo",
              m.inReplyTo(),
              "createdAt",
              m.createdAt(),
              "readAt",
              m.readAt(),
              "attachments",
              attachments));
    }
    Map<String, Object> profileJson = new LinkedHashMap<>();
    profile
        .values()
        .forEach(
            (field, value) ->
                profileJson.put(
                    field.key(),
                    ordered(
                        "value",
                        value.value(),
                        "source",
                        value.source().name(),
                        "since",
                        value.since())));
    List<Map<String, Object>> shared =
        sharing.list(accountId).stream()
            .map(
                r ->
                    ordered(
                        "id",
                        r.id(),
                        "sharedAt",
                        r.sharedAt(),
                        "authorityArs",
                        r.disclosure().authorityArs(),
                        "authorityName",
                        r.disclosure().authorityName(),
                        "serviceId",
                        r.disclosure().serviceId(),
                        "serviceName",
                        r.disclosure().serviceName(),
                        "reference",
                        r.disclosure().reference(),
                        "fields",
                        r.fields().stream().map(ProfileField::key).toList()))
            .toList();
    List<Map<String, Object>> memberships =
        organisations.of(accountId).stream()
            .map(
                m ->
                    ordered(
                        "id",
                        m.organisation().id(),
                        "role",
                        m.role().name(),
                        "name",
                        m.organisation().details().name(),
                        "legalForm",
                        m.organisation().details().legalForm(),
                        "registerNumber",
                        m.organisation().details().registerNumber(),
                        "street",
                        m.organisation().details().street(),
                        "houseNumber",
                        m.organisation().details().houseNumber(),
                        "postcode",
                        m.organisation().details().postcode(),
                        "city",
                        m.organisation().details().city()))
            .toList();
    Map<String, Object> document =
        ordered(
            "format", "amtsweg-servicekonto-export/1",
            "exportedAt", OffsetDateTime.now(),
            "account",
                ordered(
                    "id",
                    account.id(),
                    "email",
                    account.email(),
                    "emailConfirmedAt",
                    account.emailConfirmedAt(),
                    "passwordChangedAt",
                    account.passwordChangedAt(),
                    "createdAt",
                    account.createdAt(),
                    "secondFactor",
                    secondFactor.enabled(accountId),
                    "recoveryCodesLeft",
                    secondFactor.recoveryCodesLeft(accountId),
                    "linkedIdentityProviders",
                    identities.issuers(accountId),
                    "accessTokens",
                    tokens.list(accountId).stream()
                        .map(
                            t ->
                                ordered(
                                    "name",
                                    t.name(),
                                    "createdAt",
                                    t.createdAt(),
                                    "expiresAt",
                                    t.expiresAt(),
                                    "lastUsedAt",
                                    t.lastUsedAt()))
                        .toList()),
            "profile", profileJson,
            "postfach", messages,
            "dataSharing", shared,
            "organisations", memberships);

    ZipOutputStream zip = new ZipOutputStream(out);
    zip.putNextEntry(new ZipEntry(JSON));
    zip.write(json.writerWithDefaultPrettyPrinter().writeValueAsBytes(document));
    zip.closeEntry();
    for (Attachment file : files) {
      zip.putNextEntry(new ZipEntry(file.path()));
      zip.write(postfach.attachment(accountId, file.messageId(), file.attachmentId()).content());
      zip.closeEntry();
    }
    zip.finish();
  }

  /** A map that keeps the order of its keys and allows null values (for an honest export). */
  private static Map<String, Object> ordered(@Nullable Object... keysAndValues) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put(String.valueOf(keysAndValues[i]), keysAndValues[i + 1]);
    }
    return map;
  }

  private record Attachment(UUID messageId, UUID attachmentId, String path) {}
}
