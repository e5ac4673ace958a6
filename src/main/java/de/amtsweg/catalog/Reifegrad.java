package de.amtsweg.catalog;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * One assessment of the OZG maturity of an authority's online offer for a Leistung.
 *
 * @param model the Reifegradmodell it was assessed under
 * @param level 0 … {@code model.maxLevel()}
 */
public record Reifegrad(
    String authorityArs,
    String leikaKey,
    ReifegradModell model,
    int level,
    LocalDate assessedOn,
    @Nullable String note) {

  public boolean allowsOnlineApplication() {
    return model.allowsOnlineApplication(level);
  }
}
