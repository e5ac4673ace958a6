package de.amtsweg.platform.passkey;

import de.amtsweg.platform.PasskeyRelyingParty;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialCreationOptions;
import org.springframework.security.web.webauthn.management.JdbcPublicKeyCredentialUserEntityRepository;
import org.springframework.security.web.webauthn.management.JdbcUserCredentialRepository;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialUserEntityRepository;
import org.springframework.security.web.webauthn.management.UserCredentialRepository;
import org.springframework.security.web.webauthn.management.WebAuthnRelyingPartyOperations;
import org.springframework.security.web.webauthn.registration.PublicKeyCredentialCreationOptionsRepository;

/**
 * The staff's WebAuthn stores and ceremonies, picked up by {@code http.webAuthn(...)} by type. They
 * are the only beans of these types: the citizens' passkeys (account module) keep theirs private.
 */
@Configuration(proxyBeanMethods = false)
class StaffPasskeyConfiguration {

  @Bean
  PublicKeyCredentialUserEntityRepository staffPasskeyUsers(JdbcOperations jdbc) {
    return new JdbcPublicKeyCredentialUserEntityRepository(jdbc);
  }

  @Bean
  UserCredentialRepository staffPasskeyCredentials(JdbcOperations jdbc) {
    return new JdbcUserCredentialRepository(jdbc);
  }

  @Bean
  WebAuthnRelyingPartyOperations staffPasskeyOperations(
      PasskeyRelyingParty relyingParty,
      PublicKeyCredentialUserEntityRepository staffPasskeyUsers,
      UserCredentialRepository staffPasskeyCredentials) {
    return relyingParty.operations(staffPasskeyUsers, staffPasskeyCredentials);
  }

  /** Registration options in the session in a form that survives the JDBC session store. */
  @Bean
  PublicKeyCredentialCreationOptionsRepository staffPasskeyCreationOptions(
      PasskeyRelyingParty relyingParty) {
    String attribute = StaffPasskeyConfiguration.class.getName() + ".creationOptions";
    return new PublicKeyCredentialCreationOptionsRepository() {
      @Override
      public void save(
          HttpServletRequest request,
          HttpServletResponse response,
          @Nullable PublicKeyCredentialCreationOptions options) {
        relyingParty.saveCreationOptions(request, attribute, options);
      }

      @Override
      public @Nullable PublicKeyCredentialCreationOptions load(HttpServletRequest request) {
        return relyingParty.loadCreationOptions(request, attribute);
      }
    };
  }
}
