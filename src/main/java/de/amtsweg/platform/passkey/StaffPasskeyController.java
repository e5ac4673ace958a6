package de.amtsweg.platform.passkey;

import de.amtsweg.platform.PasskeyRelyingParty;
import java.security.Principal;
import java.util.List;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.CredentialRecord;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialUserEntityRepository;
import org.springframework.security.web.webauthn.management.UserCredentialRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A signed-in staff member's passkeys at {@code /mitarbeitende/passkeys}: the list (name, created,
 * last used) and removal work without JavaScript; adding one needs it ({@code passkeys.js}).
 */
@Controller
class StaffPasskeyController {

  private final PublicKeyCredentialUserEntityRepository users;
  private final UserCredentialRepository credentials;

  private final PasskeyRelyingParty relyingParty;

  StaffPasskeyController(
      PublicKeyCredentialUserEntityRepository users,
      UserCredentialRepository credentials,
      PasskeyRelyingParty relyingParty) {
    this.users = users;
    this.relyingParty = relyingParty;
    this.credentials = credentials;
  }

  @GetMapping("/mitarbeitende/passkeys")
  String page(Principal principal, Model model) {
    model.addAttribute("passkeys", relyingParty.listed(passkeysOf(principal.getName())));
    return "platform/passkeys";
  }

  @PostMapping("/mitarbeitende/passkeys/entfernen")
  String remove(Principal principal, @RequestParam(defaultValue = "") String id) {
    PublicKeyCredentialUserEntity user = users.findByUsername(principal.getName());
    if (user != null && !id.isBlank()) {
      CredentialRecord record = credentials.findByCredentialId(Bytes.fromBase64(id));
      // Only the signed-in staff member's own passkey; any other id is ignored.
      if (record != null && record.getUserEntityUserId().equals(user.getId())) {
        credentials.delete(record.getCredentialId());
        return "redirect:/mitarbeitende/passkeys?entfernt";
      }
    }
    return "redirect:/mitarbeitende/passkeys";
  }

  private List<CredentialRecord> passkeysOf(String username) {
    PublicKeyCredentialUserEntity user = users.findByUsername(username);
    return user == null ? List.of() : credentials.findByUserId(user.getId());
  }
}
