package dev.rapport;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

class ModularityTest {

  /**
   * The engine is a plain library in its own Maven module (its borders are checked there, by
   * EngineArchitectureTest), not a feature of the application: its packages share our base package
   * only by name, so they are left out of the application's module model.
   */
  private final ApplicationModules modules =
      ApplicationModules.of(
          RapportApplication.class, JavaClass.Predicates.resideInAPackage("dev.rapport.engine.."));

  /** Also fails when a module uses one it did not list in its {@code allowedDependencies}. */
  @Test
  void noFeatureReachesIntoAnotherFeaturesInternalsAndThereAreNoCycles() {
    modules.verify();
  }

  @Test
  void everyFeatureDeclaresTheModulesItMayUse() throws ClassNotFoundException {
    for (org.springframework.modulith.core.ApplicationModule module : modules) {
      String pkg = module.getBasePackage().getName();
      if (pkg.equals("dev.rapport.shared")) {
        continue;
      }
      ApplicationModule declared =
          Class.forName(pkg + ".package-info").getAnnotation(ApplicationModule.class);
      assertThat(declared).as("%s declares @ApplicationModule", pkg).isNotNull();
      assertThat(declared.allowedDependencies())
          .as("%s lists the modules it may use", pkg)
          .isNotEmpty();
    }
  }

  /** The timeline is a sink: features append through its API; it imports none of them. */
  @Test
  void theTimelineImportsNoFeatureThatProducesTouchpoints() {
    noClasses()
        .that()
        .resideInAPackage("dev.rapport.timeline..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "dev.rapport.listening..", "dev.rapport.lifecycle..", "dev.rapport.workspace..")
        .check(
            new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.rapport.timeline"));
  }

  @Test
  void writesTheModuleMap() {
    new Documenter(modules).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
  }
}
