package de.amtsweg.platform;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the platform ({@code amtsweg.*}).
 *
 * @param dataDir where Amtsweg keeps its files, including the embedded PostgreSQL's data
 * @param embeddedDatabase settings of the embedded PostgreSQL
 * @param demo settings of the demo profile
 * @param bootstrapOperator the first platform operator of an installation without demo data
 * @param publicUrl the address people reach Amtsweg at, for links in e-mails (never taken from the
 *     request's Host header)
 * @param mail settings of outgoing mail
 * @param timeZone the zone of every time shown to a person (pages, PDFs, mails); API timestamps
 *     keep their offset
 * @param session settings of logged-in sessions
 * @param secrets the keys that seal secrets in the database ({@link SecretBox})
 * @param web settings of the web server
 */
@ConfigurationProperties("amtsweg")
public record PlatformProperties(
    @DefaultValue("./data") Path dataDir,
    @DefaultValue EmbeddedDatabase embeddedDatabase,
    @DefaultValue Demo demo,
    @DefaultValue BootstrapOperator bootstrapOperator,
    @DefaultValue("http://localhost:8080") URI publicUrl,
    @DefaultValue Mail mail,
    @DefaultValue Session session,
    @DefaultValue Secrets secrets,
    @DefaultValue Web web,
    @DefaultValue("Europe/Berlin") java.time.ZoneId timeZone) {

  /**
   * @param ephemeral delete the database files when the app stops (tests)
   * @param port fixed port for the embedded PostgreSQL on 127.0.0.1; 0 picks a free one
   */
  public record EmbeddedDatabase(
      @DefaultValue("false") boolean ephemeral, @DefaultValue("0") int port) {}

  /**
   * Created at start-up when both are set and no account of that name exists; never overwritten.
   *
   * @param username user name of the first operator
   * @param password initial password (at least 12 characters); pass it through the environment
   */
  public record BootstrapOperator(@Nullable String username, @Nullable String password) {}

  /**
   * @param password password of every demo account
   */
  public record Demo(@DefaultValue("Amtsweg-Demo-2026") String password) {}

  /**
   * @param from sender address of outgoing mail
   */
  public record Mail(@DefaultValue("Amtsweg <noreply@amtsweg.example>") String from) {}

  /**
   * @param absoluteTimeout a logged-in session ends this long after it was created, however active
   *     it is (the idle timeout is {@code server.servlet.session.timeout})
   * @param warningBefore how long before the idle timeout a page with a form warns and offers to
   *     extend the session (WCAG 2.2.1; at most half the timeout)
   */
  public record Session(
      @DefaultValue("8h") Duration absoluteTimeout, @DefaultValue("2m") Duration warningBefore) {}

  /**
   * The key ring of {@link SecretBox}; give it through the environment, the same on every node.
   *
   * @param keys key id (lower-case letters and digits) → AES-256 key (Base64 of 32 bytes), e.g.
   *     {@code AMTSWEG_SECRETS_KEYS_K2026}
   * @param currentKeyId the key that seals new values; may be left out when there is one key
   */
  public record Secrets(@Nullable Map<String, String> keys, @Nullable String currentKeyId) {}

  /**
   * @param trustedProxies addresses or CIDR ranges of the reverse proxies whose {@code
   *     X-Forwarded-For} and {@code X-Forwarded-Proto} are believed (mapped onto Tomcat's {@code
   *     RemoteIpValve}); a request from anywhere else keeps its own address, whatever it claims.
   *     Empty: believe nobody.
   */
  public record Web(@DefaultValue({"127.0.0.1", "::1"}) List<String> trustedProxies) {}
}
