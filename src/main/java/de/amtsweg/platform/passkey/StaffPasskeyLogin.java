package de.amtsweg.platform.passkey;

import de.amtsweg.platform.PasskeyRelyingParty;
import de.amtsweg.platform.Roles;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.web.authentication.session.SessionAuthenticationStrategy;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.authentication.WebAuthnAuthenticationFilter;
import org.springframework.security.web.webauthn.authentication.WebAuthnAuthenticationRequestToken;
import org.springframework.security.web.webauthn.management.WebAuthnRelyingPartyOperations;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Staff sign-in with a passkey through Spring Security's WebAuthn endpoints: {@code POST
 * /webauthn/authenticate/options} and {@code POST /login/webauthn} for the sign-in, {@code POST
 * /webauthn/register/options} and {@code POST /webauthn/register} for a signed-in staff member's
 * new passkey. {@code passkeys.js} drives them; there is no default page and no inline script.
 *
 * <p>A passkey sign-in is complete (possession and user verification): it gets the same new session
 * and CSRF token as a password login and lands on the staff member's start page.
 */
@Component
public class StaffPasskeyLogin {

  private static final Set<String> STAFF_AUTHORITIES =
      Set.of(
          "ROLE_" + Roles.CASEWORKER,
          "ROLE_" + Roles.TENANT_ADMIN,
          "ROLE_" + Roles.APP_EDITOR,
          "ROLE_" + Roles.PLATFORM_OPERATOR);

  private final PasskeyRelyingParty relyingParty;
  private final WebAuthnRelyingPartyOperations operations;
  private final UserDetailsService staffAccounts;
  private final SessionAuthenticationStrategy sessionStrategy;
  private final SecurityContextRepository contextRepository;

  StaffPasskeyLogin(
      PasskeyRelyingParty relyingParty,
      WebAuthnRelyingPartyOperations operations,
      UserDetailsService staffAccounts,
      SessionAuthenticationStrategy sessionStrategy,
      SecurityContextRepository contextRepository) {
    this.relyingParty = relyingParty;
    this.operations = operations;
    this.staffAccounts = staffAccounts;
    this.sessionStrategy = sessionStrategy;
    this.contextRepository = contextRepository;
  }

  /** Adds the staff's WebAuthn endpoints to the security filter chain. */
  public void configure(HttpSecurity http) {
    ProviderManager manager =
        new ProviderManager(
            new AuthenticationProvider() {
              @Override
              public Authentication authenticate(Authentication request) {
                return StaffPasskeyLogin.this.authenticate(request);
              }

              @Override
              public boolean supports(Class<?> type) {
                return WebAuthnAuthenticationRequestToken.class.isAssignableFrom(type);
              }
            });
    http.addFilterAfter(new StaffOnlyRegistration(), SecurityContextHolderFilter.class);
    http.webAuthn(
        webAuthn ->
            webAuthn
                .rpName("Amtsweg")
                .rpId(relyingParty.rpId())
                .disableDefaultRegistrationPage(true)
                .withObjectPostProcessor(
                    new ObjectPostProcessor<WebAuthnAuthenticationFilter>() {
                      @Override
                      public <O extends WebAuthnAuthenticationFilter> O postProcess(O filter) {
                        filter.setAuthenticationManager(manager);
                        filter.setSessionAuthenticationStrategy(sessionStrategy);
                        filter.setSecurityContextRepository(contextRepository);
                        filter.setAuthenticationSuccessHandler(StaffPasskeyLogin::landed);
                        return filter;
                      }
                    }));
  }

  /**
   * Spring Security's {@code WebAuthnAuthenticationProvider}, but a disabled account is refused,
   * and the result is the same kind of authentication as a password login's (the account's {@code
   * UserDetails} as principal), with the WebAuthn factor instead of the password factor.
   */
  private Authentication authenticate(Authentication request) {
    if (!(request instanceof WebAuthnAuthenticationRequestToken webAuthn)) {
      throw new BadCredentialsException("not a WebAuthn sign-in");
    }
    PublicKeyCredentialUserEntity user;
    try {
      user = operations.authenticate(webAuthn.getWebAuthnRequest());
    } catch (RuntimeException refused) {
      throw new BadCredentialsException("passkey refused", refused);
    }
    UserDetails account = staffAccounts.loadUserByUsername(user.getName());
    if (!account.isEnabled() || !account.isAccountNonLocked()) {
      throw new DisabledException("staff account disabled");
    }
    List<GrantedAuthority> authorities = new ArrayList<>(account.getAuthorities());
    authorities.add(
        FactorGrantedAuthority.fromAuthority(FactorGrantedAuthority.WEBAUTHN_AUTHORITY));
    return UsernamePasswordAuthenticationToken.authenticated(account, null, authorities);
  }

  /** Whether the authentication is a staff member's (not a citizen's, not an API client's). */
  static boolean isStaff(@Nullable Authentication authentication) {
    return authentication != null
        && authentication.isAuthenticated()
        && authentication.getAuthorities().stream()
            .map(GrantedAuthority::getAuthority)
            .anyMatch(STAFF_AUTHORITIES::contains);
  }

  /** The answer {@code passkeys.js} expects: where to go now, the staff member's start page. */
  private static void landed(
      HttpServletRequest request, HttpServletResponse response, Authentication authentication)
      throws IOException {
    response.setContentType(MediaType.APPLICATION_JSON_VALUE);
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    // The start page is one of a few fixed paths: nothing to escape.
    response
        .getWriter()
        .write(
            "{\"authenticated\":true,\"redirectUrl\":\"" + Roles.staffHome(authentication) + "\"}");
  }

  /**
   * Spring Security lets anyone signed in register a passkey; here only staff may: a citizen's
   * passkeys live in the account module's own store.
   */
  private static final class StaffOnlyRegistration extends OncePerRequestFilter {
    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
      return !request.getRequestURI().startsWith("/webauthn/register");
    }

    @Override
    protected void doFilterInternal(
        HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      if (!isStaff(SecurityContextHolder.getContext().getAuthentication())) {
        response.sendError(HttpStatus.FORBIDDEN.value());
        return;
      }
      chain.doFilter(request, response);
    }
  }
}
