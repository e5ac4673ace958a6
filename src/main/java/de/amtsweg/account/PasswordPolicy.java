package de.amtsweg.account;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import me.gosimple.nbvcxz.Nbvcxz;
import me.gosimple.nbvcxz.resources.ConfigurationBuilder;
import me.gosimple.nbvcxz.resources.Dictionary;
import me.gosimple.nbvcxz.resources.DictionaryBuilder;
import org.springframework.stereotype.Component;

/**
 * Which passwords are accepted: 10 to 128 characters, and not guessable. "Guessable" is nbvcxz's
 * estimate (a zxcvbn port) of at least {@link #MINIMUM_ENTROPY_BITS} bits against its dictionaries
 * of leaked passwords, names and words, keyboard patterns, dates and repetitions, plus the words of
 * the person's own e-mail address and of this portal.
 */
@Component
public class PasswordPolicy implements de.amtsweg.platform.PasswordRules {

  public static final int MINIMUM_LENGTH = 10;
  public static final int MAXIMUM_LENGTH = 128;
  static final double MINIMUM_ENTROPY_BITS = 35;
  private static final List<String> PORTAL_WORDS =
      List.of("amtsweg", "servicekonto", "thueringen", "thüringen", "passwort", "kennwort");

  /**
   * @param email the account's e-mail address, whose parts must not make up the password
   * @return the message key of the reason the password is refused, or empty if it is accepted
   */
  @Override
  public Optional<String> problem(String password, String email) {
    if (password.length() < MINIMUM_LENGTH) {
      return Optional.of("account.password.too-short");
    }
    if (password.length() > MAXIMUM_LENGTH) {
      return Optional.of("account.password.too-long");
    }
    Nbvcxz estimator =
        new Nbvcxz(
            new ConfigurationBuilder()
                .setDictionaries(dictionaries(email))
                .setMinimumEntropy(MINIMUM_ENTROPY_BITS)
                .setMaxLength(MAXIMUM_LENGTH)
                .createConfiguration());
    return estimator.estimate(password).isMinimumEntropyMet()
        ? Optional.empty()
        : Optional.of("account.password.weak");
  }

  private static List<Dictionary> dictionaries(String email) {
    List<String> words = new ArrayList<>(PORTAL_WORDS);
    for (String part : email.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
      if (part.length() >= 3) {
        words.add(part);
      }
    }
    List<Dictionary> dictionaries = new ArrayList<>(ConfigurationBuilder.getDefaultDictionaries());
    dictionaries.add(
        new DictionaryBuilder()
            .setDictionaryName("context")
            .setExclusion(true)
            .addWords(words, 0)
            .createDictionary());
    return dictionaries;
  }
}
