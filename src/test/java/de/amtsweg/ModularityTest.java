package de.amtsweg;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** The modules only talk through their APIs; the module docs are generated from the code. */
class ModularityTest {

  private final ApplicationModules modules = ApplicationModules.of(AmtswegApplication.class);

  @Test
  void modulesRespectTheirBoundaries() {
    modules.verify();
  }

  @Test
  void writesModuleDocumentation() throws IOException {
    Path overview = Path.of("target", "spring-modulith-docs", "components.puml");
    Files.deleteIfExists(overview);

    new Documenter(modules).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();

    assertThat(Files.readString(overview)).contains("Catalog", "Tenancy", "Platform", "Portal");
  }
}
