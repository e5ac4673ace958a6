package de.amtsweg.platform.staff;

import de.amtsweg.platform.LoginAttempts;
import de.amtsweg.platform.LoginAttempts.Door;
import de.amtsweg.platform.QrCodes;
import de.amtsweg.platform.Totp;
import de.amtsweg.platform.staff.StaffAudit.Action;
import de.amtsweg.platform.staff.StaffSecondStep.Pending;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The pages of the staff login's second step: the code of a registered factor, or registering the
 * authenticator app (with the recovery codes, shown once) when the account has no factor yet.
 */
@Controller
class LoginStepController {

  private final StaffSecondStep step;
  private final StaffTotp totp;
  private final LoginAttempts attempts;
  private final StaffAudit audit;
  private final JdbcClient jdbc;

  LoginStepController(
      StaffSecondStep step,
      StaffTotp totp,
      LoginAttempts attempts,
      StaffAudit audit,
      JdbcClient jdbc) {
    this.step = step;
    this.totp = totp;
    this.attempts = attempts;
    this.audit = audit;
    this.jdbc = jdbc;
  }

  @GetMapping(StaffSecondStep.CODE)
  String codeForm(
      HttpServletRequest request,
      @RequestParam(name = "fehler", required = false) @Nullable String failed,
      @RequestParam(name = "gesperrt", required = false) @Nullable String locked,
      Model model) {
    Optional<Pending> pending = step.pending(request);
    if (pending.isEmpty()) {
      return "redirect:/anmelden";
    }
    if (!step.hasFactor(pending.get().username())) {
      return "redirect:" + StaffSecondStep.REGISTER;
    }
    Integer minutes = minutes(locked);
    model.addAttribute("lockedMinutes", minutes);
    model.addAttribute(
        "error",
        minutes != null
            ? "staff.login.code.locked"
            : failed != null ? "staff.login.code.wrong" : null);
    return "platform/staff/login-code";
  }

  @PostMapping(StaffSecondStep.CODE)
  void code(
      HttpServletRequest request,
      HttpServletResponse response,
      @RequestParam(defaultValue = "") String code)
      throws IOException, ServletException {
    Optional<Pending> pending = step.pending(request);
    if (pending.isEmpty()) {
      response.sendRedirect("/anmelden");
      return;
    }
    String username = pending.get().username();
    String address = request.getRemoteAddr();
    Optional<Duration> wait = attempts.refusedFor(Door.STAFF, username, address);
    if (wait.isPresent()) {
      response.sendRedirect(locked(wait.get()));
      return;
    }
    Optional<UUID> id = step.idOf(username);
    if (id.isPresent() && code.length() <= 20 && totp.verify(id.get(), code)) {
      step.complete(request, response, username);
      return;
    }
    response.sendRedirect(
        attempts
            .failed(Door.STAFF, username, address)
            .map(LoginStepController::locked)
            .orElse(StaffSecondStep.CODE + "?fehler"));
  }

  @GetMapping(StaffSecondStep.REGISTER)
  String registerForm(HttpServletRequest request, Model model) {
    Optional<Pending> pending = step.pending(request);
    if (pending.isEmpty()) {
      return "redirect:/anmelden";
    }
    return show(pending.get(), model, null);
  }

  /** The QR code of the setup in progress, as SVG. */
  @GetMapping(value = StaffSecondStep.REGISTER + "/qr.svg", produces = "image/svg+xml")
  ResponseEntity<String> qr(HttpServletRequest request) {
    return step.pending(request)
        .flatMap(this::setup)
        .map(
            setup ->
                ResponseEntity.ok()
                    .cacheControl(CacheControl.noStore())
                    .body(QrCodes.svg(setup.uri())))
        .orElseGet(() -> ResponseEntity.notFound().build());
  }

  @PostMapping(StaffSecondStep.REGISTER)
  String register(
      HttpServletRequest request,
      HttpServletResponse response,
      @RequestParam(defaultValue = "") String code,
      Model model) {
    Optional<Pending> pending = step.pending(request);
    if (pending.isEmpty()) {
      return "redirect:/anmelden";
    }
    String username = pending.get().username();
    Optional<UUID> id = step.idOf(username);
    if (id.isEmpty() || step.hasFactor(username)) {
      return "redirect:" + StaffSecondStep.CODE;
    }
    Optional<List<String>> codes =
        code.length() <= 20 ? totp.confirm(id.get(), code) : Optional.empty();
    if (codes.isEmpty()) {
      response.setStatus(HttpStatus.BAD_REQUEST.value());
      return show(pending.get(), model, "staff.register.wrong");
    }
    step.factorRegistered(request, pending.get());
    audit.record(username, Action.FACTOR_REGISTERED, username, tenantOf(username), totp.id());
    model.addAttribute("recoveryCodes", codes.get());
    return "platform/staff/recovery-codes";
  }

  /** After the recovery codes: the login completes. */
  @PostMapping(StaffSecondStep.REGISTER + "/fertig")
  void finish(HttpServletRequest request, HttpServletResponse response)
      throws IOException, ServletException {
    Optional<Pending> pending = step.pending(request);
    if (pending.isEmpty() || !pending.get().factorChecked()) {
      response.sendRedirect("/anmelden");
      return;
    }
    step.complete(request, response, pending.get().username());
  }

  private String show(Pending pending, Model model, @Nullable String error) {
    Optional<Totp.Setup> setup = setup(pending);
    if (setup.isEmpty()) {
      return "redirect:" + StaffSecondStep.CODE;
    }
    model.addAttribute("setup", setup.get());
    model.addAttribute("error", error);
    return "platform/staff/register-factor";
  }

  private Optional<Totp.Setup> setup(Pending pending) {
    return step.idOf(pending.username()).flatMap(id -> totp.setup(id, pending.username()));
  }

  private @Nullable String tenantOf(String username) {
    return jdbc.sql("select tenant_slug from staff_account where username = ?")
        .param(username)
        .query(String.class)
        .optional()
        .orElse(null);
  }

  private static String locked(Duration wait) {
    return StaffSecondStep.CODE + "?gesperrt=" + Math.max(1, (wait.toSeconds() + 59) / 60);
  }

  private static @Nullable Integer minutes(@Nullable String value) {
    if (value == null || !value.matches("\\d{1,4}")) {
      return null;
    }
    int minutes = Integer.parseInt(value);
    return minutes >= 1 && minutes <= 24 * 60 ? minutes : null;
  }
}
