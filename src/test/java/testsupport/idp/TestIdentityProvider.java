package testsupport.idp;

import java.util.Map;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

/**
 * A real OpenID Connect provider for tests (outside {@code de.amtsweg}, so that the app's component
 * scan never picks it up): Spring Authorization Server with Spring Boot's defaults, one client
 * {@code amtsweg} and five people, started in its own context on a free port. Loopback redirect
 * URIs match on any port (RFC 8252), so the app may run anywhere on 127.0.0.1. The client may also
 * return to the staff provider {@code staff-}{@link #STAFF_KEY}; staff carry a {@code groups} claim
 * ({@link #GROUPS}), as an administration's directory sends it.
 */
@SpringBootConfiguration
@ImportAutoConfiguration({
  org.springframework.boot.tomcat.autoconfigure.servlet.TomcatServletWebServerAutoConfiguration
      .class,
  org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration.class,
  org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration.class,
  org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration.class,
  org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration.class,
  org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration
      .class,
  org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterAutoConfiguration.class,
  org.springframework.boot.security.oauth2.server.authorization.autoconfigure.servlet
      .OAuth2AuthorizationServerAutoConfiguration.class,
  org.springframework.boot.security.oauth2.server.authorization.autoconfigure.servlet
      .OAuth2AuthorizationServerJwtAutoConfiguration.class
})
public class TestIdentityProvider {

  public static final String CLIENT_ID = "amtsweg";
  public static final String CLIENT_SECRET = "idp-test-secret";
  public static final String PASSWORD = "idp-passwort";

  /** The key under which the staff tests configure this provider in Amtsweg. */
  public static final String STAFF_KEY = "erfurt-ad";

  /** The people the provider knows, by user name: e-mail, given name, family name, birth date. */
  static final Map<String, String[]> PEOPLE =
      Map.of(
          "gabi", new String[] {"gabi.beispiel@example.org", "Gabriele", "Beispiel", "1980-05-17"},
          "max", new String[] {"max.muster@example.org", "Max", "Muster", "1975-01-02"},
          "toni", new String[] {"toni.zweifach@example.org", "Toni", "Zweifach", "1990-03-04"},
          "erika", new String[] {"erika.amt@erfurt.example", "Erika", "Amtmann", "1970-06-01"},
          "otto", new String[] {"otto.fremd@erfurt.example", "Otto", "Fremd", "1985-09-09"});

  /** The groups claim of staff in the administration's directory, by user name. */
  public static final Map<String, java.util.List<String>> GROUPS =
      Map.of(
          "erika", java.util.List.of("alle-beschaeftigten", "amtsweg-erfurt-sachbearbeitung"),
          "otto", java.util.List.of("alle-beschaeftigten", "bauamt"));

  /** Starts the provider on a free port of 127.0.0.1; its issuer is http://127.0.0.1:<port>. */
  public static ConfigurableApplicationContext start() {
    int port = freePort();
    String issuer = "http://127.0.0.1:" + port;
    String client = "spring.security.oauth2.authorizationserver.client.amtsweg.";
    // Command-line arguments: they win over the app's application.properties on the classpath.
    return new SpringApplicationBuilder(TestIdentityProvider.class)
        .run(
            "--server.port=" + port,
            "--server.address=127.0.0.1",
            // Not the app's cookie name (application.properties is on the classpath): same host.
            "--server.servlet.session.cookie.name=IDP_SESSION",
            "--spring.main.banner-mode=off",
            "--spring.security.oauth2.authorizationserver.issuer=" + issuer,
            "--" + client + "registration.client-id=" + CLIENT_ID,
            "--" + client + "registration.client-secret={noop}" + CLIENT_SECRET,
            "--" + client + "registration.client-authentication-methods=client_secret_basic",
            "--"
                + client
                + "registration.authorization-grant-types=authorization_code,refresh_token",
            "--"
                + client
                + "registration.redirect-uris=http://127.0.0.1/login/oauth2/code/testidp,"
                + "http://127.0.0.1/login/oauth2/code/staff-"
                + STAFF_KEY,
            "--" + client + "registration.scopes=openid,profile,email",
            "--" + client + "require-authorization-consent=false",
            "--" + client + "require-proof-key=false");
  }

  @Bean
  UserDetailsService people() {
    InMemoryUserDetailsManager users = new InMemoryUserDetailsManager();
    PEOPLE
        .keySet()
        .forEach(
            name ->
                users.createUser(
                    User.withUsername(name).password("{noop}" + PASSWORD).roles("USER").build()));
    return users;
  }

  /** Standard claims in the ID token, as a real provider sends them. */
  @Bean
  OAuth2TokenCustomizer<JwtEncodingContext> claims() {
    return context -> {
      if (OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue())) {
        String[] person = PEOPLE.get(context.getPrincipal().getName());
        context
            .getClaims()
            .claim("email", person[0])
            .claim("email_verified", true)
            .claim("given_name", person[1])
            .claim("family_name", person[2])
            .claim("birthdate", person[3]);
        if (GROUPS.containsKey(context.getPrincipal().getName())) {
          context.getClaims().claim("groups", GROUPS.get(context.getPrincipal().getName()));
        }
      }
    };
  }

  private static int freePort() {
    try (java.net.ServerSocket socket =
        new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
