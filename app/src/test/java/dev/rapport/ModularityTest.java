package dev.rapport;

import com.tngtech.archunit.core.domain.JavaClass;
import org.junit.jupiter.api.Test;
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

  @Test
  void noFeatureReachesIntoAnotherFeaturesInternalsAndThereAreNoCycles() {
    modules.verify();
  }

  @Test
  void writesTheModuleMap() {
    new Documenter(modules).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
  }
}
