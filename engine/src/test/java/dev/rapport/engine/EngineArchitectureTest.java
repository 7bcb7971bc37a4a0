package dev.rapport.engine;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class EngineArchitectureTest {

  private final JavaClasses engine =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("dev.rapport.engine");

  @Test
  void engineKnowsNothingOfSpringTheDatabaseOrLucene() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "org.springframework..", "java.sql..", "javax.sql..", "org.apache.lucene..")
        .allowEmptyShould(true)
        .check(engine);
  }

  /**
   * The engine's only library: jackson-core's streaming API, for the batch command's JSON lines.
   */
  @Test
  void engineUsesTheJdkAndJacksonCoreOnly() {
    classes()
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage("java..", "dev.rapport.engine..", "tools.jackson.core..")
        .check(engine);
  }
}
