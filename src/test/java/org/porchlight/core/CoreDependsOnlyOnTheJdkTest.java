package org.porchlight.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The core is the part everyone reads first; it must stay plain Java with no libraries. */
class CoreDependsOnlyOnTheJdkTest {
  @Test
  void coreUsesOnlyTheJdkAndItself() {
    JavaClasses core =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.porchlight.core");

    classes()
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage("java..", "org.porchlight.core..")
        .check(core);
  }
}
