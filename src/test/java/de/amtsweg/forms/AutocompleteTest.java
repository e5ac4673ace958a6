package de.amtsweg.forms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Questions about the applicant's own data carry the HTML autocomplete token of their purpose (WCAG
 * 2.1 SC 1.3.5), from the definition language: prefill source, FIM Datenfeld or the field's own
 * {@code autocomplete}; questions about other people or things carry none.
 */
class AutocompleteTest {

  private static AppDefinition app(String id) throws IOException {
    try (InputStream in =
        AutocompleteTest.class.getClassLoader().getResourceAsStream("apps/" + id + ".yaml")) {
      return Definitions.parse(in);
    }
  }

  private static Map<String, String> tokens(AppDefinition app) {
    Map<String, String> tokens = new LinkedHashMap<>();
    for (AppDefinition.Field field : app.fields()) {
      tokens.put(field.id(), String.valueOf(Autocomplete.of(field, false)));
      for (AppDefinition.Field child : field.fields()) {
        tokens.put(field.id() + "." + child.id(), String.valueOf(Autocomplete.of(child, true)));
      }
    }
    return tokens;
  }

  @Test
  void theApplicantsOwnDataIsMarkedWithItsPurpose() throws IOException {
    Map<String, String> melde = tokens(app("meldebescheinigung"));

    assertThat(melde)
        .containsEntry("vorname", "given-name")
        .containsEntry("familienname", "family-name")
        .containsEntry("geburtsdatum", "bday")
        .containsEntry("anschrift", "street-address")
        .containsEntry("email", "email")
        .containsEntry("telefon", "tel")
        // HTML has no token for a birth name or a birth place
        .containsEntry("geburtsname", "null")
        .containsEntry("geburtsort", "null")
        // the people of the household are not the applicant
        .containsEntry("personen.vorname", "null")
        .containsEntry("personen.geburtsdatum", "null");
    assertThat(Autocomplete.addressPart("street-address", "street")).isEqualTo("address-line1");
    assertThat(Autocomplete.addressPart("street-address", "houseNumber")).isNull();
    assertThat(Autocomplete.addressPart("street-address", "postcode")).isEqualTo("postal-code");
    assertThat(Autocomplete.addressPart("street-address", "city")).isEqualTo("address-level2");
  }

  @Test
  void otherPeoplesAndThingsDataIsNot() throws IOException {
    assertThat(tokens(app("kita-anmeldung")))
        .as("the child's address is prefilled from the parent's but is the child's")
        .containsEntry("kindAnschrift", "null")
        .containsEntry("kindVorname", "null")
        .containsEntry("email", "email");
    assertThat(tokens(app("hundesteuer")))
        .containsEntry("vorname", "given-name")
        .containsEntry("hunde.name", "null")
        .containsEntry("abmeldungHundName", "null")
        .containsEntry("neuerHalterAnschrift", "null");
  }

  @Test
  void fimFieldsMapToTheirTokensAndTheBusinessContactIsWork() throws IOException {
    Map<String, String> gewerbe = tokens(app("gewerbe-anmeldung"));

    assertThat(gewerbe)
        .containsEntry("vornamen", "given-name")
        .containsEntry("geburtsdatum", "bday")
        .containsEntry("betriebTelefon", "work tel")
        .containsEntry("betriebEmail", "work email")
        .containsEntry("weiterePersonen.vornamen", "null");
  }

  @Test
  void aDefinitionCannotClaimATokenThatDoesNotFit() {
    String definition =
        """
        id: test
        name: Test
        referencePrefix: TEST
        anonymous: true
        steps:
          - id: s
            title: S
            fields:
              - id: geburtstag
                type: date
                label: Geburtstag
                autocomplete: given-name
        """;

    assertThatThrownBy(() -> Definitions.parse(definition))
        .isInstanceOf(DefinitionException.class)
        .hasMessageContaining("autocomplete");
  }
}
