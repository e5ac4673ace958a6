package de.amtsweg.platform.staff;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The page of the invitation link: the invited person sees their login name, chooses a password and
 * goes on to register their second factor.
 */
@Controller
class InvitationController {

  private final Invitations invitations;
  private final StaffSecondStep step;

  InvitationController(Invitations invitations, StaffSecondStep step) {
    this.invitations = invitations;
    this.step = step;
  }

  @GetMapping(Invitations.PATH)
  String form(
      @RequestParam(required = false) @Nullable String token,
      Model model,
      HttpServletResponse response) {
    return show(invitations.peek(token), token, model, response, null);
  }

  @PostMapping(Invitations.PATH)
  String accept(
      @RequestParam(required = false) @Nullable String token,
      @RequestParam(defaultValue = "") String password,
      @RequestParam(defaultValue = "") String passwordRepeated,
      Model model,
      HttpServletRequest request,
      HttpServletResponse response) {
    Optional<Invitations.Accepted> accepted = invitations.accept(token, password, passwordRepeated);
    if (accepted.isEmpty()) {
      return show(Optional.empty(), token, model, response, null);
    }
    if (accepted.get().username() == null) {
      response.setStatus(HttpStatus.BAD_REQUEST.value());
      return show(invitations.peek(token), token, model, response, accepted.get().problem());
    }
    // The password was just set: what is left of the login is the second factor.
    step.begin(request, accepted.get().username());
    return "redirect:"
        + (step.hasFactor(accepted.get().username())
            ? StaffSecondStep.CODE
            : StaffSecondStep.REGISTER);
  }

  private String show(
      Optional<Invitations.Invitee> invitee,
      @Nullable String token,
      Model model,
      HttpServletResponse response,
      @Nullable String error) {
    if (invitee.isEmpty()) {
      response.setStatus(HttpStatus.GONE.value());
      return "platform/staff/invitation-invalid";
    }
    model.addAttribute("invitee", invitee.get());
    model.addAttribute("token", token);
    model.addAttribute("error", error);
    return "platform/staff/invitation";
  }
}
