package de.amtsweg.tenancy.web;

import static org.assertj.core.api.Assertions.assertThat;

import de.amtsweg.tenancy.Authority;
import de.amtsweg.tenancy.AuthorityType;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SlugsTest {

  @Test
  void townsAreNamedByThePlaceKreiseByTheirFullName() {
    assertThat(
            Slugs.propose(authority("Ohrdruf", "Stadt Ohrdruf", AuthorityType.STADT), s -> false))
        .isEqualTo("ohrdruf");
    assertThat(
            Slugs.propose(
                authority("Gotha", "Landkreis Gotha", AuthorityType.LANDKREIS), s -> false))
        .isEqualTo("landkreis-gotha");
  }

  @Test
  void umlautsAndSpacesBecomeAsciiAndHyphens() {
    assertThat(Slugs.slug("Bad Köstritz, Stadt")).isEqualTo("bad-koestritz-stadt");
    assertThat(Slugs.slug("Großbreitenbach")).isEqualTo("grossbreitenbach");
    assertThat(Slugs.slug("  Saalfeld/Saale ")).isEqualTo("saalfeld-saale");
  }

  @Test
  void aTakenSlugIsNumberedAndLongNamesAreCutWithoutATrailingHyphen() {
    Set<String> taken = Set.of("gotha", "gotha-2");
    assertThat(
            Slugs.propose(authority("Gotha", "Stadt Gotha", AuthorityType.STADT), taken::contains))
        .isEqualTo("gotha-3");
    String slug =
        Slugs.slug("Verwaltungsgemeinschaft Mittleres Schwarzatal und Umgebung der Stadt");
    assertThat(slug).hasSizeLessThanOrEqualTo(40).doesNotEndWith("-").matches("[a-z0-9-]+");
  }

  private static Authority authority(String name, String displayName, AuthorityType type) {
    return new Authority(
        "160000000000", null, name, name, displayName, type, null, null, null, null);
  }
}
