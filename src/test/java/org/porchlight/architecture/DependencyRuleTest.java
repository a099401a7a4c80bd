package org.porchlight.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Keeps the core free of adapters and technology: it speaks only Java and its own ports. */
class DependencyRuleTest {
  private static final JavaClasses PORCHLIGHT =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("org.porchlight");

  @Test
  void coreDependsOnlyOnTheJdkAndItself() {
    classes()
        .that()
        .resideInAPackage("org.porchlight.core..")
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage("org.porchlight.core..", "java..")
        .check(PORCHLIGHT);
  }

  @Test
  void coreUsesNoJdbcNoLoggingAndNoDesktop() {
    noClasses()
        .that()
        .resideInAPackage("org.porchlight.core..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "java.sql..", "javax.sql..", "java.util.logging..", "java.awt..", "java.net.http..")
        .check(PORCHLIGHT);
  }

  @Test
  void adaptersDoNotDependOnEachOther() {
    noClasses()
        .that()
        .resideInAnyPackage(
            "org.porchlight.console..", "org.porchlight.store..", "org.porchlight.config..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.porchlight.app..")
        .check(PORCHLIGHT);
    noClasses()
        .that()
        .resideInAPackage("org.porchlight.console..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.porchlight.store..", "org.porchlight.config..")
        .check(PORCHLIGHT);
    noClasses()
        .that()
        .resideInAPackage("org.porchlight.store..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "org.porchlight.console..", "org.porchlight.config..", "org.porchlight.telegram..")
        .check(PORCHLIGHT);
  }

  @Test
  void coreKnowsNothingOfThePlatformLibraries() {
    noClasses()
        .that()
        .resideInAPackage("org.porchlight.core..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "org.telegram..", "okhttp3..", "com.fasterxml..", "org.quartz..", "net.dv8tion..")
        .check(PORCHLIGHT);
  }
}
