package de.amtsweg;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The modules only talk through their APIs and only to the modules their {@code package-info.java}
 * allows; the module docs are generated from the code.
 */
class ModularityTest {

  private final ApplicationModules modules = ModuleDependencies.modules();

  /** Fails on access to another module's internals, on cycles and on undeclared dependencies. */
  @Test
  void modulesRespectTheirBoundaries() {
    modules.verify();
  }

  /**
   * Every module closes its {@code allowedDependencies}, and lists no module it does not use: the
   * declaration is the true list, not a wish list.
   */
  @Test
  void everyModuleDeclaresExactlyTheDependenciesItHas() {
    Set<String> shared =
        modules.getSharedModules().stream()
            .map(m -> m.getIdentifier().toString())
            .collect(Collectors.toSet());
    SoftAssertions softly = new SoftAssertions();
    for (ApplicationModule module : modules) {
      SortedSet<String> used = new TreeSet<>(ModuleDependencies.actual(modules, module));
      used.removeAll(shared);
      Optional<SortedSet<String>> declared = ModuleDependencies.declared(module);
      softly
          .assertThat(declared)
          .as(
              "%s/package-info.java declares allowedDependencies %s, but the code uses %s"
                  + " (shared modules %s are allowed anyway)",
              module.getBasePackage().getName().replace('.', '/'),
              declared.map(Object::toString).orElse("(none: open)"),
              used,
              shared)
          .hasValue(used);
    }
    softly.assertAll();
  }

  @Test
  void writesModuleDocumentation() throws IOException {
    Path overview = Path.of("target", "spring-modulith-docs", "components.puml");
    Files.deleteIfExists(overview);

    new Documenter(modules).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();

    assertThat(Files.readString(overview)).contains("Catalog", "Tenancy", "Platform", "Portal");
  }
}
