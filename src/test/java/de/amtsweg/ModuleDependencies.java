package de.amtsweg;

import java.util.Arrays;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModuleDependency;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.core.NamedInterface;

/**
 * A module's dependencies on other modules in the notation of {@code allowedDependencies}: {@code
 * tenancy} for a module's API (its root package), {@code applications :: receipt} for one of its
 * named interfaces.
 */
final class ModuleDependencies {

  private ModuleDependencies() {}

  /** The modules of Amtsweg (Spring Modulith keeps them, so every test class shares one scan). */
  static ApplicationModules modules() {
    return ApplicationModules.of(AmtswegApplication.class);
  }

  /** What the module's code uses of other modules, shared modules included. */
  static SortedSet<String> actual(ApplicationModules modules, ApplicationModule module) {
    return module.getDirectDependencies(modules).stream()
        .map(ModuleDependencies::target)
        .collect(Collectors.toCollection(TreeSet::new));
  }

  /**
   * What the module's {@code package-info.java} declares in {@code allowedDependencies} (without
   * the shared modules, which are always allowed); empty if it leaves them open.
   */
  static Optional<SortedSet<String>> declared(ApplicationModule module) {
    org.springframework.modulith.ApplicationModule annotation =
        packageInfo(module).getAnnotation(org.springframework.modulith.ApplicationModule.class);
    String[] allowed = annotation == null ? null : annotation.allowedDependencies();
    if (allowed == null
        || (allowed.length == 1
            && org.springframework.modulith.ApplicationModule.OPEN_TOKEN.equals(allowed[0]))) {
      return Optional.empty();
    }
    return Optional.of(
        Arrays.stream(allowed)
            .map(d -> d.replaceAll("\\s*::\\s*", " :: ").strip())
            .collect(Collectors.toCollection(TreeSet::new)));
  }

  private static String target(ApplicationModuleDependency dependency) {
    ApplicationModule target = dependency.getTargetModule();
    if (target.getNamedInterfaces().getUnnamedInterface().contains(dependency.getTargetType())) {
      return target.getIdentifier().toString();
    }
    // Outside the module's API: a named interface, or an internal type (which verify() reports).
    return target
        .getNamedInterfaces()
        .getNamedInterfacesContaining(dependency.getTargetType())
        .filter(NamedInterface::isNamed)
        .map(ni -> target.getIdentifier() + " :: " + ni.getName())
        .findFirst()
        .orElse(target.getIdentifier().toString());
  }

  private static Class<?> packageInfo(ApplicationModule module) {
    try {
      return Class.forName(module.getBasePackage().getName() + ".package-info");
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(
          "Module " + module.getIdentifier() + " has no package-info.java", e);
    }
  }
}
