package de.amtsweg.platform.mail;

import jakarta.servlet.http.HttpServletRequest;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Profile;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The demo profile's local mailbox: every mail Amtsweg kept instead of sending, newest first, so
 * that registration and password reset can be tried without a mail server. Only in the demo
 * profile, where all data is made up, and only for requests from this machine: the mails hold
 * password-reset links, and a demo reachable from elsewhere must not hand them to anybody. Others
 * get 404, as if the page did not exist.
 */
@Controller
@Profile("demo")
class LocalMailboxController {

  private static final int LIMIT = 50;
  private final JdbcClient jdbc;

  LocalMailboxController(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @GetMapping("/demo/postfach-mails")
  String mailbox(
      @RequestParam(name = "an", required = false) @Nullable String recipient,
      HttpServletRequest request,
      Model model) {
    if (!isLoopback(request.getRemoteAddr())) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND);
    }
    String filter =
        recipient == null || recipient.isBlank()
            ? null
            : recipient.strip().toLowerCase(Locale.ROOT);
    List<LocalMail> mails =
        jdbc.sql(
                """
                select recipient, subject, body, created_at from outbound_mail
                where status = 'LOCAL' and (cast(:recipient as text) is null or lower(recipient) = :recipient)
                order by created_at desc limit :limit
                """)
            .param("recipient", filter)
            .param("limit", LIMIT)
            .query(
                (rs, row) ->
                    new LocalMail(
                        rs.getString("recipient"),
                        rs.getString("subject"),
                        Arrays.stream(rs.getString("body").split("\\R", -1)).map(Line::of).toList(),
                        rs.getObject("created_at", OffsetDateTime.class)))
            .list();
    model.addAttribute("mails", mails);
    model.addAttribute("recipient", filter);
    return "platform/local-mailbox";
  }

  /**
   * Whether the client address (after the trusted reverse proxy) is this machine. Only IP literals
   * count, never a name such as {@code localhost} that a forwarded header might carry.
   */
  static boolean isLoopback(@Nullable String address) {
    if (address == null
        || !(address.matches("\\d{1,3}(\\.\\d{1,3}){3}")
            || address.matches("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*"))) {
      return false;
    }
    try {
      // A literal: no name lookup.
      return InetAddress.getByName(address).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }

  /** One kept mail; its body as lines, so that the page can make the links clickable. */
  record LocalMail(String to, String subject, List<Line> lines, OffsetDateTime createdAt) {}

  /** A line of a mail's body; a line that is an address becomes a link. */
  record Line(String text, boolean link) {
    static Line of(String text) {
      return new Line(text, text.startsWith("https://") || text.startsWith("http://"));
    }
  }
}
