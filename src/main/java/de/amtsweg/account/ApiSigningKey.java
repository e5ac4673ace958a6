package de.amtsweg.account;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.stereotype.Component;

/**
 * The RSA key that signs the API clients' access tokens: one key for all nodes, stored in
 * PostgreSQL ({@code api_signing_key}), so that every node issues and accepts the same tokens. The
 * first node to start creates it, the others read it.
 */
@Component
class ApiSigningKey {

  private static final String ID = "amtsweg-1";

  private final RSAKey key;
  private final JwtDecoder decoder;

  ApiSigningKey(JdbcClient jdbc) {
    this.key = loadOrCreate(jdbc);
    try {
      this.decoder = NimbusJwtDecoder.withPublicKey(key.toRSAPublicKey()).build();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The key for Spring Authorization Server, which signs with it and publishes it. */
  JWKSource<SecurityContext> jwkSource() {
    return new ImmutableJWKSet<>(new JWKSet(key));
  }

  /** Checks the signature and lifetime of an access token signed with this key. */
  JwtDecoder decoder() {
    return decoder;
  }

  private static RSAKey loadOrCreate(JdbcClient jdbc) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      KeyPair candidate = generator.generateKeyPair();
      jdbc.sql(
              "insert into api_signing_key (id, private_key, public_key) values (?, ?, ?) on conflict (id) do nothing")
          .params(ID, candidate.getPrivate().getEncoded(), candidate.getPublic().getEncoded())
          .update();
      return jdbc.sql("select id, private_key, public_key from api_signing_key where id = ?")
          .param(ID)
          .query(
              (rs, row) -> {
                try {
                  KeyFactory factory = KeyFactory.getInstance("RSA");
                  RSAPublicKey publicKey =
                      (RSAPublicKey)
                          factory.generatePublic(new X509EncodedKeySpec(rs.getBytes("public_key")));
                  RSAPrivateKey privateKey =
                      (RSAPrivateKey)
                          factory.generatePrivate(
                              new PKCS8EncodedKeySpec(rs.getBytes("private_key")));
                  return new RSAKey.Builder(publicKey)
                      .privateKey(privateKey)
                      .keyID(rs.getString("id"))
                      .build();
                } catch (GeneralSecurityException e) {
                  throw new IllegalStateException(e);
                }
              })
          .single();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
