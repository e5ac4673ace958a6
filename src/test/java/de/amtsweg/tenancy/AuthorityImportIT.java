package de.amtsweg.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import de.amtsweg.support.AmtswegIT;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.jdbc.core.simple.JdbcClient;

/** All of Thüringen from the Gemeindeverzeichnis, imported once. */
class AuthorityImportIT extends AmtswegIT {

  @Autowired JdbcClient jdbc;
  @Autowired AuthorityImport authorityImport;
  @Autowired Authorities authorities;

  @Test
  void importsEveryAuthorityOfThueringen() {
    Map<String, Integer> byType =
        jdbc
            .sql("select type, count(*) as n from authority group by type")
            .query((rs, row) -> Map.entry(rs.getString("type"), rs.getInt("n")))
            .list()
            .stream()
            .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));

    assertThat(byType)
        .containsEntry("LAND", 1)
        .containsEntry("LANDKREIS", 17)
        .containsEntry("KREISFREIE_STADT", 5)
        .containsEntry("VERWALTUNGSGEMEINSCHAFT", 43)
        .containsEntry("ERFUELLENDE_GEMEINDE", 39);
    assertThat(byType.get("STADT") + byType.get("GEMEINDE") + byType.get("KREISFREIE_STADT"))
        .isEqualTo(631);
    assertThat(
            jdbc.sql("select count(distinct ars) from authority_postcode")
                .query(Integer.class)
                .single())
        .isGreaterThan(600);
  }

  @Test
  void everyGemeindeReachesTheLand() {
    Integer orphans =
        jdbc.sql("select count(*) from authority where parent_ars is null and type <> 'LAND'")
            .query(Integer.class)
            .single();

    assertThat(orphans).isZero();
    assertThat(authorities.ancestors("160675050044"))
        .extracting(Authority::displayName)
        .containsExactly("Erfüllende Gemeinde Ohrdruf", "Landkreis Gotha", "Freistaat Thüringen");
  }

  @Test
  void runningTheImportAgainChangesNothing() throws Exception {
    String before = importedAt();

    authorityImport.run(new DefaultApplicationArguments());

    assertThat(importedAt()).isEqualTo(before);
    assertThat(jdbc.sql("select count(*) from authority").query(Integer.class).single())
        .isEqualTo(731);
  }

  private String importedAt() {
    return jdbc.sql(
            "select imported_at::text from reference_data_import where name = 'gemeinden-thueringen'")
        .query(String.class)
        .single();
  }
}
