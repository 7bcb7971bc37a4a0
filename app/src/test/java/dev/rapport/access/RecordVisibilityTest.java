package dev.rapport.access;

import static dev.rapport.support.AccessFixtures.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.rapport.access.visibility.RecordVisibilityFacade;
import dev.rapport.support.AccessFixtures;
import dev.rapport.support.AccessFixtures.TestUser;
import dev.rapport.support.PersistenceTest;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

@PersistenceTest
class RecordVisibilityTest {

  @Autowired AccessFixtures access;
  @Autowired RecordVisibility visibility;
  @Autowired RecordVisibilityFacade settings;

  /** Runs the check with the type at the level, then puts the shared setting back. */
  private void with(String type, VisibilityLevel level, Runnable check) {
    VisibilityLevel before = settings.level(type);
    settings.set(type, level.name());
    try {
      check.run();
    } finally {
      settings.set(type, before.name());
    }
  }

  @Test
  void withTeamVisibilityASalesUserCannotSeeARecordOwnedByAnotherTeam() {
    Team a = access.team();
    Team b = access.team();
    TestUser salesA = access.user(Role.SALES, a);
    TestUser salesB = access.user(Role.SALES, b);
    TestUser ownerB = access.user(Role.MARKETING, b);
    TestUser admin = access.user(Role.ADMIN);
    with(
        "person",
        VisibilityLevel.TEAM,
        () -> {
          assertThat(visibility.canSee(salesA.actor(), "person", ownerB.id())).isFalse();
          assertThat(visibility.canSee(salesB.actor(), "person", ownerB.id())).isTrue();
          assertThat(visibility.canSee(salesA.actor(), "person", salesA.id())).isTrue();
          assertThat(visibility.canSee(admin.actor(), "person", ownerB.id())).isTrue();
          assertThat(visibility.canSee(salesA.actor(), "person", null)).isTrue();
          assertThat(visibility.visibleOwners(salesB.actor(), "person"))
              .contains(Set.of(salesB.id(), ownerB.id()));
          // another type keeps its own setting
          assertThat(visibility.canSee(salesA.actor(), "account", ownerB.id())).isTrue();
        });
  }

  @Test
  void withOwnVisibilityOnlyTheOwnerAndAdminsSeeARecord() {
    Team a = access.team();
    TestUser one = access.user(Role.SALES, a);
    TestUser teammate = access.user(Role.SALES, a);
    with(
        "opportunity",
        VisibilityLevel.OWN,
        () -> {
          assertThat(visibility.canSee(one.actor(), "opportunity", one.id())).isTrue();
          assertThat(visibility.canSee(teammate.actor(), "opportunity", one.id())).isFalse();
          assertThat(visibility.canSee(Actor.SYSTEM, "opportunity", one.id())).isTrue();
        });
    assertThat(visibility.visibleOwners(teammate.actor(), "opportunity"))
        .isEqualTo(Optional.empty());
  }

  @Test
  void aTypeNobodySetIsVisibleToEveryone() {
    TestUser viewer = access.user(Role.VIEWER);
    assertThat(visibility.visibleOwners(viewer.actor(), "not-a-setting")).isEmpty();
  }

  @Test
  void badVisibilityInputIsAProblemNamingTheField() throws Exception {
    String admin = access.token(access.user(Role.ADMIN));
    access
        .mvc()
        .perform(
            put("/api/v1/visibility/person")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"level\":\"friends\"}")
                .with(bearer(admin)))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("level"));
    access
        .mvc()
        .perform(
            put("/api/v1/visibility/planet")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"level\":\"team\"}")
                .with(bearer(admin)))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("objectType"));
  }
}
