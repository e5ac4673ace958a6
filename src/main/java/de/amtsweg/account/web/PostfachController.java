package de.amtsweg.account.web;

import de.amtsweg.account.Postfach;
import de.amtsweg.account.PostfachException;
import de.amtsweg.account.PostfachMessage;
import java.io.IOException;
import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The Postfach pages: list with search, one message with its thread, reply with documents,
 * download. A refused reply comes back with the typed text kept and the error at its field.
 */
@Controller
class PostfachController {

  static final int PAGE_SIZE = 20;

  private final Postfach postfach;
  private final MessageSource messages;

  PostfachController(Postfach postfach, MessageSource messages) {
    this.postfach = postfach;
    this.messages = messages;
  }

  @GetMapping("/konto/postfach")
  String list(
      Principal principal,
      @RequestParam(required = false) @Nullable String q,
      @RequestParam(name = "seite", defaultValue = "1") int page,
      Model model) {
    String query = q == null || q.isBlank() ? null : q.strip();
    if (query != null && query.length() > 200) {
      query = query.substring(0, 200);
    }
    Postfach.Page result =
        postfach.list(
            AccountController.accountId(principal), query, Math.max(1, page) - 1, PAGE_SIZE);
    model.addAttribute("result", result);
    model.addAttribute("query", query);
    return "account/postfach";
  }

  @GetMapping("/konto/postfach/{id}")
  String message(Principal principal, @PathVariable UUID id, Model model) {
    UUID account = AccountController.accountId(principal);
    return showMessage(model, account, postfach.open(account, id), null);
  }

  @PostMapping("/konto/postfach/{id}/ungelesen")
  String markUnread(Principal principal, @PathVariable UUID id) {
    postfach.markUnread(AccountController.accountId(principal), id);
    return "redirect:/konto/postfach";
  }

  @PostMapping("/konto/postfach/{id}/antwort")
  String reply(
      Principal principal,
      @PathVariable UUID id,
      @RequestParam(defaultValue = "") String text,
      @RequestParam(name = "anhang", required = false) @Nullable List<MultipartFile> uploads,
      Model model,
      Locale locale)
      throws IOException {
    UUID account = AccountController.accountId(principal);
    PostfachMessage message = postfach.get(account, id);
    String reply = text.strip();
    String error = null;
    if (reply.isEmpty()) {
      error = "account.postfach.reply.error.empty";
    } else if (reply.length() > Postfach.MAX_TEXT) {
      error = "account.postfach.reply.error.too-long";
    }
    List<PostfachMessage.File> files = new ArrayList<>();
    for (MultipartFile upload : uploads == null ? List.<MultipartFile>of() : uploads) {
      // A file input left empty still sends a part without a name.
      if (!upload.isEmpty() || !String.valueOf(upload.getOriginalFilename()).isBlank()) {
        files.add(
            new PostfachMessage.File(
                String.valueOf(upload.getOriginalFilename()),
                String.valueOf(upload.getContentType()),
                upload.getBytes()));
      }
    }
    if (error == null) {
      try {
        postfach.reply(account, id, reply, files);
        return "redirect:/konto/postfach/" + id + "?gesendet";
      } catch (PostfachException e) {
        if (!e.isAboutAttachments()) {
          throw e;
        }
        model.addAttribute(
            "attachmentError",
            messages.getMessage("problem." + e.type() + ".detail", e.detailArguments(), locale));
      }
    }
    model.addAttribute("replyText", text);
    return showMessage(model, account, message, error);
  }

  @GetMapping("/konto/postfach/{id}/anhaenge/{attachment}")
  ResponseEntity<byte[]> download(
      Principal principal, @PathVariable UUID id, @PathVariable UUID attachment) {
    PostfachMessage.File file =
        postfach.attachment(AccountController.accountId(principal), id, attachment);
    return Pages.download(file);
  }

  private String showMessage(
      Model model, UUID account, PostfachMessage message, @Nullable String replyError) {
    model.addAttribute("message", message);
    model.addAttribute("replies", postfach.replies(account, message.id()));
    model.addAttribute("canReply", message.direction() == PostfachMessage.Direction.INBOUND);
    model.addAttribute("replyError", replyError);
    model.addAttribute("noticeFlags", List.of("gesendet"));
    model.addAttribute("maxMb", Postfach.MAX_ATTACHMENT_BYTES / 1_000_000);
    model.addAttribute("maxFiles", Postfach.MAX_REPLY_ATTACHMENTS);
    return "account/postfach-message";
  }
}
