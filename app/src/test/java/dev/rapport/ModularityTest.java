package dev.rapport;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

class ModularityTest {

  private final ApplicationModules modules = ApplicationModules.of(RapportApplication.class);

  @Test
  void noFeatureReachesIntoAnotherFeaturesInternalsAndThereAreNoCycles() {
    modules.verify();
  }

  @Test
  void writesTheModuleMap() {
    new Documenter(modules).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
  }
}
