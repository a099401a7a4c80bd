package org.porchlight.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import java.util.stream.Stream;
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
  void readingStandsAloneInTheCore() {
    // What a message means is worked out from its words alone: the conversation asks the
    // reader, never the other way round.
    classes()
        .that()
        .resideInAPackage("org.porchlight.core.reading..")
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage("org.porchlight.core.reading..", "java..")
        .check(PORCHLIGHT);
  }

  @Test
  void theConversationSitsAboveTheCoresRecordsAndRules() {
    // The flows use members, check-ins and steps; those never reach back into a flow.
    noClasses()
        .that()
        .resideInAPackage("org.porchlight.core")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("org.porchlight.core.conversation..")
        .check(PORCHLIGHT);
  }

  @Test
  void adaptersSeeTheConversationAndItsStoresAloneNotItsFlows() {
    classes()
        .that()
        .resideInAPackage("org.porchlight.core.conversation")
        .and()
        .areTopLevelClasses()
        .and()
        .doNotHaveSimpleName("Conversation")
        .and()
        .doNotHaveSimpleName("Stores")
        .should()
        .notBePublic()
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

  private static final List<String> ADAPTERS =
      List.of(
          "console",
          "store",
          "config",
          "telegram",
          "discord",
          "schedule",
          "web",
          "metrics",
          "understanding");

  @Test
  void adaptersDoNotDependOnEachOtherOrOnTheApp() {
    for (String adapter : ADAPTERS) {
      String[] others =
          Stream.concat(ADAPTERS.stream().filter(other -> !other.equals(adapter)), Stream.of("app"))
              .map(other -> "org.porchlight." + other + "..")
              .toArray(String[]::new);
      noClasses()
          .that()
          .resideInAPackage("org.porchlight." + adapter + "..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(others)
          .as(adapter + " depends on core alone, never on another adapter or on app")
          .check(PORCHLIGHT);
    }
  }

  @Test
  void onlyTheAppWiresTheAdapters() {
    for (String adapter : ADAPTERS) {
      classes()
          .that()
          .resideInAPackage("org.porchlight." + adapter + "..")
          .should()
          .onlyHaveDependentClassesThat()
          .resideInAnyPackage("org.porchlight." + adapter + "..", "org.porchlight.app..")
          .as(adapter + " is used by app (and its subpackages) alone")
          .check(PORCHLIGHT);
    }
  }

  @Test
  void theCommandLineSitsAboveTheAppAndTheDoctor() {
    // The command line starts the app and the doctor; neither knows it is there.
    noClasses()
        .that()
        .resideInAnyPackage("org.porchlight.app", "org.porchlight.app.doctor..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("org.porchlight.app.cli..")
        .check(PORCHLIGHT);
    noClasses()
        .that()
        .resideInAPackage("org.porchlight.app")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("org.porchlight.app.doctor..")
        .check(PORCHLIGHT);
  }

  @Test
  void deliveryIsApplicationLogicOverTheCoresPortsAlone() {
    // The sweep and the senders work through ports; a platform's messenger is handed to them.
    classes()
        .that()
        .resideInAPackage("org.porchlight.delivery..")
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage(
            "org.porchlight.delivery..",
            "org.porchlight.core..",
            "org.porchlight.runtime..",
            "java..",
            "org.slf4j..")
        .check(PORCHLIGHT);
  }

  @Test
  void understandingIsTheSentenceModelBehindTheReadersPortAlone() {
    // It answers core.reading's Meaning; the conversation and the other adapters are not its
    // business, and ONNX Runtime stays here, never in core.
    classes()
        .that()
        .resideInAPackage("org.porchlight.understanding..")
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage(
            "org.porchlight.understanding..",
            "org.porchlight.core.reading..",
            "org.porchlight.runtime..",
            "ai.onnxruntime..",
            "com.fasterxml.jackson.databind..",
            "java..",
            "org.slf4j..")
        .check(PORCHLIGHT);
  }

  @Test
  void intakeIsTheUpdatesLedgerOverTheJdkAlone() {
    // Where polling got to and which webhook updates are claimed: the store keeps it, the
    // Telegram adapter asks it, and neither is seen from here.
    classes()
        .that()
        .resideInAPackage("org.porchlight.intake..")
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage("org.porchlight.intake..", "java..")
        .check(PORCHLIGHT);
  }

  @Test
  void theRuntimeIsThreadsAndTimeOverTheJdkAlone() {
    // Everyone may use it (adapters, delivery, app), so it may use nothing of ours.
    classes()
        .that()
        .resideInAPackage("org.porchlight.runtime..")
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage("org.porchlight.runtime..", "java..")
        .check(PORCHLIGHT);
  }

  @Test
  void onlyTheRuntimeMakesThreads() {
    // One thread factory: every thread is a named daemon (see Daemons).
    noClasses()
        .that()
        .resideOutsideOfPackage("org.porchlight.runtime..")
        .should()
        .callConstructor(Thread.class, Runnable.class, String.class)
        .orShould()
        .callConstructor(Thread.class, Runnable.class)
        .check(PORCHLIGHT);
  }

  @Test
  void monotonicTimeIsReadThroughTheTicker() {
    noClasses()
        .that()
        .resideOutsideOfPackage("org.porchlight.runtime..")
        .should()
        .callMethod(System.class, "nanoTime")
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
            "org.telegram..",
            "okhttp3..",
            "com.fasterxml..",
            "org.quartz..",
            "net.dv8tion..",
            "io.micrometer..",
            "com.sun.net.httpserver..",
            "java.sql..",
            "com.zaxxer..",
            "ai.onnxruntime..")
        .check(PORCHLIGHT);
  }
}
