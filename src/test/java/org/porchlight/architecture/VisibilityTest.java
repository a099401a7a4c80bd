package org.porchlight.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A small public surface: a class is public only when code in another package uses it. Tests do not
 * count: a test sits in the package of what it tests.
 */
class VisibilityTest {
  private static final JavaClasses PORCHLIGHT =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("org.porchlight");

  // Made by the JVM or by a library from its name, not by another class of ours: the entry
  // point, Logback's filters and encoder (logback.xml), and Quartz's job.
  private static final Set<String> ENTRY_POINTS =
      Set.of(
          "org.porchlight.app.cli.Main",
          "org.porchlight.app.Stopping",
          "org.porchlight.app.OutageNoise",
          "org.porchlight.app.LogEncoder",
          "org.porchlight.schedule.SweepJob");

  @Test
  void whatNoOtherPackageUsesIsNotPublic() {
    Set<String> usedFromOutside = new HashSet<>();
    for (JavaClass origin : PORCHLIGHT) {
      for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
        JavaClass target = topLevel(dependency.getTargetClass());
        if (!target.getPackageName().equals(topLevel(origin).getPackageName())) {
          usedFromOutside.add(target.getName());
        }
      }
    }

    List<String> publicButUsedOnlyAtHome =
        PORCHLIGHT.stream()
            .filter(JavaClass::isTopLevelClass)
            .filter(javaClass -> javaClass.getModifiers().contains(JavaModifier.PUBLIC))
            .filter(javaClass -> !javaClass.getSimpleName().equals("package-info"))
            .map(JavaClass::getName)
            .filter(name -> !usedFromOutside.contains(name) && !ENTRY_POINTS.contains(name))
            .sorted()
            .toList();

    assertThat(publicButUsedOnlyAtHome)
        .as("public, but used by no class outside its package: make them package-private")
        .isEmpty();
  }

  private static JavaClass topLevel(JavaClass javaClass) {
    JavaClass outer = javaClass;
    while (outer.getEnclosingClass().isPresent()) outer = outer.getEnclosingClass().get();
    return outer;
  }
}
