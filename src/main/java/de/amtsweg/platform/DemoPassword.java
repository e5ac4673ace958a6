package de.amtsweg.platform;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Profile;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * The hash to store for the demo password ({@code amtsweg.demo.password}) on every demo account and
 * demo API client. Argon2id is slow on purpose, and the demo sets it on many rows at every start: a
 * stored hash that already verifies the password is kept (each distinct hash is checked once), and
 * otherwise all get one new hash, computed at most once per start. So a restart costs one check
 * instead of a hash per account, and a changed demo password still takes effect.
 */
@Component
@Profile("demo")
public class DemoPassword {

  private final PasswordEncoder passwordEncoder;
  private final String password;
  private final Map<String, Boolean> verified = new HashMap<>();
  private @Nullable String fresh;

  DemoPassword(PasswordEncoder passwordEncoder, PlatformProperties properties) {
    this.passwordEncoder = passwordEncoder;
    this.password = properties.demo().password();
  }

  /**
   * @param stored the hash a row has now, or null for a new row
   * @return {@code stored} if it verifies the demo password in the current encoding, else the new
   *     hash shared by all rows that need one
   */
  public synchronized String hashFor(@Nullable String stored) {
    if (stored != null && verified.computeIfAbsent(stored, this::verifies)) {
      return stored;
    }
    if (fresh == null) {
      fresh = Objects.requireNonNull(passwordEncoder.encode(password), "hash of the demo password");
    }
    return fresh;
  }

  private boolean verifies(String hash) {
    try {
      return passwordEncoder.matches(password, hash) && !passwordEncoder.upgradeEncoding(hash);
    } catch (IllegalArgumentException malformed) {
      return false;
    }
  }
}
