package de.amtsweg.catalog;

import java.util.Arrays;
import java.util.Optional;

/**
 * The versions of the OZG Reifegradmodell. An assessment always keeps the model it was made under:
 * levels of different models are never converted into each other.
 */
public enum ReifegradModell {
  /** Reifegradmodell 1.1 (June 2020): 0 offline … 4 Online-Transaktion; OZG-konform from 3. */
  V1_1("1.1", 4, 3),
  /**
   * Reifegradmodell 2.0 (July 2025): 0 offline … 7 end to end digital; levels 0–3 describe the
   * online application, so a full online application is possible from 3.
   */
  V2_0("2.0", 7, 3);

  private final String code;
  private final int maxLevel;
  private final int onlineApplicationFrom;

  ReifegradModell(String code, int maxLevel, int onlineApplicationFrom) {
    this.code = code;
    this.maxLevel = maxLevel;
    this.onlineApplicationFrom = onlineApplicationFrom;
  }

  public String code() {
    return code;
  }

  public int maxLevel() {
    return maxLevel;
  }

  /** Whether an offer at this level lets people apply online (with their documents). */
  public boolean allowsOnlineApplication(int level) {
    return level >= onlineApplicationFrom;
  }

  public static Optional<ReifegradModell> of(String code) {
    return Arrays.stream(values()).filter(m -> m.code.equals(code)).findFirst();
  }
}
