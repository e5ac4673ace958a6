package de.amtsweg.federation;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import de.amtsweg.platform.SecretBox;
import java.text.ParseException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Amtsweg's keys for the routes' {@code destinationSignature}: RSA keys for {@code PS512}, as the
 * FIT-Connect Routing API's JWK schema asks. The first is generated when first needed; the newest
 * unretired key signs, and every unretired key is published ({@link #jwks()}), so that after {@link
 * #rotate()} signatures of the old key still verify until it is {@link #retire retired}. Private
 * keys are stored sealed with {@link SecretBox}.
 */
@Service
public class SigningKeys {

  static final String OWNER = "federation-signing:";

  private final JdbcClient jdbc;
  private final SecretBox secrets;
  private final Map<String, RSAKey> opened = new ConcurrentHashMap<>();

  SigningKeys(JdbcClient jdbc, SecretBox secrets) {
    this.jdbc = jdbc;
    this.secrets = secrets;
  }

  /** The key that signs now; generated on first use. */
  public RSAKey current() {
    String kid = newestKid();
    if (kid == null) {
      // Two nodes may race here: both insert, the newest then signs, and both are published.
      rotate();
      kid = newestKid();
      if (kid == null) {
        throw new IllegalStateException("no signing key after generating one");
      }
    }
    return opened.computeIfAbsent(kid, this::open);
  }

  /** Generates a new key, which signs from now on; the older ones stay published. */
  public String rotate() {
    RSAKey key;
    try {
      key =
          new RSAKeyGenerator(4096)
              .keyUse(KeyUse.SIGNATURE)
              .algorithm(JWSAlgorithm.PS512)
              .keyIDFromThumbprint(true)
              .generate();
    } catch (JOSEException e) {
      throw new IllegalStateException("cannot generate a signing key", e);
    }
    String kid = key.getKeyID();
    jdbc.sql(
            """
            insert into federation_signing_key (kid, private_jwk, public_jwk, created_at)
            values (?, ?, ?, clock_timestamp())
            """)
        .params(
            kid, secrets.seal(key.toJSONString(), OWNER + kid), key.toPublicJWK().toJSONString())
        .update();
    return kid;
  }

  /** Takes a key out of the published set: signatures made with it no longer verify. */
  public void retire(String kid) {
    jdbc.sql("update federation_signing_key set retired_at = now() where kid = ?")
        .param(kid)
        .update();
    opened.remove(kid);
  }

  /** The public keys of every unretired key. */
  public JWKSet jwks() {
    List<String> keys =
        jdbc.sql(
                """
                select public_jwk from federation_signing_key where retired_at is null
                order by created_at desc
                """)
            .query(String.class)
            .list();
    return new JWKSet(keys.stream().<JWK>map(SigningKeys::parse).toList());
  }

  private @Nullable String newestKid() {
    return jdbc.sql(
            """
            select kid from federation_signing_key where retired_at is null
            order by created_at desc limit 1
            """)
        .query(String.class)
        .optional()
        .orElse(null);
  }

  private RSAKey open(String kid) {
    String sealed =
        jdbc.sql("select private_jwk from federation_signing_key where kid = ?")
            .param(kid)
            .query(String.class)
            .single();
    return parse(secrets.open(sealed, OWNER + kid));
  }

  private static RSAKey parse(String json) {
    try {
      return RSAKey.parse(json);
    } catch (ParseException e) {
      throw new IllegalStateException("stored signing key unreadable", e);
    }
  }
}
