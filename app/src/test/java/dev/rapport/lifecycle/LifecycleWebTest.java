package dev.rapport.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.rapport.access.Role;
import dev.rapport.people.PersonId;
import dev.rapport.support.AccessFixtures;
import dev.rapport.support.PersistenceTest;
import dev.rapport.support.TestRecords;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

@PersistenceTest
class LifecycleWebTest {

  @Autowired AccessFixtures fixtures;
  @Autowired TestRecords records;

  @BeforeEach
  void signInAsRoleUsers() {
    ADMIN = fixtures.as(Role.ADMIN);
    SALES = fixtures.as(Role.SALES);
    VIEWER = fixtures.as(Role.VIEWER);
  }

  RequestPostProcessor ADMIN;
  RequestPostProcessor SALES;
  RequestPostProcessor VIEWER;

  @Autowired WebApplicationContext context;
  @Autowired Lifecycle lifecycle;
  MockMvc mvc;

  @BeforeEach
  void setUp() {
    mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
  }

  LifecycleModel model(String key) {
    return lifecycle.models().stream()
        .filter(m -> m.templateKey().equals(key))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void choosingATemplateMakesItTheActiveModelAndOnlyItsStagesAcceptMoves() throws Exception {
    LifecycleModel before = lifecycle.activeModel();
    LifecycleModel funnel = model("social-funnel");
    try {
      mvc.perform(post("/api/v1/lifecycle/models/{id}/activate", funnel.id()).with(ADMIN))
          .andExpect(status().isOk())
          .andExpect(jsonPath("$.active").value(true));
      assertThat(lifecycle.activeModel().id()).isEqualTo(funnel.id());

      long circleStage = model("circle").stages().get(0).id();
      long person = records.person().value();
      mvc.perform(
              post("/api/v1/persons/{id}/stages", person)
                  .with(SALES)
                  .contentType(MediaType.APPLICATION_JSON)
                  .content("{\"productLineId\": 1, \"stageId\": " + circleStage + "}"))
          .andExpect(status().isBadRequest())
          .andExpect(jsonPath("$.errors[0].field").value("stageId"))
          .andExpect(jsonPath("$.errors[0].reason").value(containsString("not in the active")));

      mvc.perform(post("/api/v1/lifecycle/models/{id}/activate", funnel.id()).with(SALES))
          .andExpect(status().isForbidden());
    } finally {
      mvc.perform(post("/api/v1/lifecycle/models/{id}/activate", before.id()).with(ADMIN))
          .andExpect(status().isOk());
    }
  }

  @Test
  void renamingReorderingAndAddingStagesKeepsEveryHistoryRow() throws Exception {
    LifecycleModel before = lifecycle.activeModel();
    LifecycleModel hoe = model("hierarchy-of-effects");
    PersonId person = records.person();
    long line = lifecycle.productLines().get(0).id();
    try {
      mvc.perform(post("/api/v1/lifecycle/models/{id}/activate", hoe.id()).with(ADMIN))
          .andExpect(status().isOk());
      Stage aware = hoe.stages().get(1);
      Stage knowledge = hoe.stages().get(2);
      lifecycle.move(person, line, aware.id(), ChangedBy.user("ana"), null);
      lifecycle.move(person, line, knowledge.id(), ChangedBy.user("ana"), null);

      mvc.perform(
              patch("/api/v1/lifecycle/stages/{id}", knowledge.id())
                  .with(ADMIN)
                  .contentType(MediaType.APPLICATION_JSON)
                  .content("{\"name\": \"Understanding\"}"))
          .andExpect(status().isOk())
          .andExpect(jsonPath("$.name").value("Understanding"));
      List<Long> reversed =
          new java.util.ArrayList<>(hoe.stages().stream().map(Stage::id).toList());
      java.util.Collections.reverse(reversed);
      mvc.perform(
              put("/api/v1/lifecycle/models/{id}/stage-order", hoe.id())
                  .with(ADMIN)
                  .contentType(MediaType.APPLICATION_JSON)
                  .content("{\"stageIds\": " + reversed + "}"))
          .andExpect(status().isOk())
          .andExpect(jsonPath("$.stages[0].id").value(reversed.get(0)));
      mvc.perform(
              post("/api/v1/lifecycle/models/{id}/stages", hoe.id())
                  .with(ADMIN)
                  .contentType(MediaType.APPLICATION_JSON)
                  .content(
                      "{\"name\": \"Advocacy "
                          + person.value()
                          + "\", \"owner\": \"marketing\", \"countsAs\": \"advocacy\"}"))
          .andExpect(status().isCreated())
          .andExpect(jsonPath("$.position").value(hoe.stages().size() + 1));

      mvc.perform(get("/api/v1/persons/{id}/stages", person.value()).with(SALES))
          .andExpect(status().isOk())
          .andExpect(jsonPath("$.history.length()").value(2))
          .andExpect(jsonPath("$.history[0].to.id").value(knowledge.id()))
          .andExpect(jsonPath("$.history[0].to.name").value("Understanding"))
          .andExpect(jsonPath("$.history[0].from.name").value(aware.name()))
          .andExpect(jsonPath("$.current[0].stage.name").value("Understanding"));

      mvc.perform(
              patch("/api/v1/lifecycle/stages/{id}", knowledge.id())
                  .with(ADMIN)
                  .contentType(MediaType.APPLICATION_JSON)
                  .content("{\"name\": \"Aware\", \"owner\": \"finance\"}"))
          .andExpect(status().isBadRequest())
          .andExpect(jsonPath("$.errors[0].field").value("owner"));
      mvc.perform(
              put("/api/v1/lifecycle/models/{id}/stage-order", hoe.id())
                  .with(ADMIN)
                  .contentType(MediaType.APPLICATION_JSON)
                  .content("{\"stageIds\": [" + reversed.get(0) + "]}"))
          .andExpect(status().isBadRequest())
          .andExpect(jsonPath("$.errors[0].field").value("stageIds"));
    } finally {
      mvc.perform(
          patch("/api/v1/lifecycle/stages/{id}", hoe.stages().get(2).id())
              .with(ADMIN)
              .contentType(MediaType.APPLICATION_JSON)
              .content("{\"name\": \"Knowledge\"}"));
      mvc.perform(
          put("/api/v1/lifecycle/models/{id}/stage-order", hoe.id())
              .with(ADMIN)
              .contentType(MediaType.APPLICATION_JSON)
              .content(
                  "{\"stageIds\": "
                      + java.util.stream.Stream.concat(
                              hoe.stages().stream().map(Stage::id),
                              model("hierarchy-of-effects").stages().stream()
                                  .map(Stage::id)
                                  .filter(id -> hoe.stages().stream().noneMatch(h -> h.id() == id)))
                          .toList()
                      + "}"));
      mvc.perform(post("/api/v1/lifecycle/models/{id}/activate", before.id()).with(ADMIN));
    }
  }

  @Test
  void movesThroughTheApiNameTheRefusedFieldAndRespectPermissions() throws Exception {
    long person = records.person().value();
    long stage = lifecycle.activeModel().stages().get(0).id();
    long line = lifecycle.productLines().get(0).id();
    mvc.perform(
            post("/api/v1/persons/{id}/stages", person)
                .with(SALES)
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    "{\"productLineId\": "
                        + line
                        + ", \"stageId\": "
                        + stage
                        + ", \"why\": \"hi\"}"))
        .andExpect(status().isCreated())
        .andExpect(jsonPath("$.byKind").value("USER"))
        .andExpect(jsonPath("$.byName").value(fixtures.username(Role.SALES)));
    mvc.perform(
            post("/api/v1/persons/{id}/stages", person)
                .with(SALES)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"productLineId\": \"one\", \"colour\": 1}"))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(
            jsonPath("$.errors[*].field")
                .value(org.hamcrest.Matchers.hasItems("colour", "productLineId", "stageId")));
    mvc.perform(
            post("/api/v1/persons/{id}/stages", person)
                .with(SALES)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"productLineId\": "))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("body"));
    mvc.perform(
            post("/api/v1/persons/{id}/stages", person)
                .with(VIEWER)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"productLineId\": " + line + ", \"stageId\": " + stage + "}"))
        .andExpect(status().isForbidden());
    mvc.perform(get("/api/v1/persons/{id}/stages", person).with(VIEWER))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.history.length()").value(1));
    mvc.perform(get("/api/v1/lifecycle/product-lines/{id}/counts", line).with(VIEWER))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$[0].persons").isNumber());
    mvc.perform(
            post("/api/v1/lifecycle/product-lines")
                .with(ADMIN)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\": \"\"}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("name"));
  }

  @Test
  void settingsPageAndPanelRenderAndEscapeText() throws Exception {
    mvc.perform(get("/settings/lifecycle").with(ADMIN))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("Hierarchy of effects")))
        .andExpect(content().string(containsString("Add a stage")));

    PersonId person = records.person();
    long stage = lifecycle.activeModel().stages().get(0).id();
    long line = lifecycle.productLines().get(0).id();
    mvc.perform(
            post("/lifecycle/persons/{id}/panel", person.value())
                .with(SALES)
                .with(csrf())
                .param("productLineId", Long.toString(line))
                .param("stageId", Long.toString(stage))
                .param("why", "<script>alert('x')</script>"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("Moved to")))
        .andExpect(
            content().string(containsString("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;")))
        .andExpect(content().string(not(containsString("<script>alert"))));
    mvc.perform(
            post("/lifecycle/persons/{id}/panel", person.value())
                .with(SALES)
                .with(csrf())
                .param("productLineId", Long.toString(line))
                .param("stageId", Long.toString(stage)))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("role=\"alert\"")))
        .andExpect(content().string(containsString("already in stage")));
    mvc.perform(get("/lifecycle/persons/{id}/panel", person.value()).with(VIEWER))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("stage-history")));

    Stage first = lifecycle.activeModel().stages().get(0);
    mvc.perform(
            post("/settings/lifecycle/stages/{id}", first.id())
                .with(ADMIN)
                .with(csrf())
                .param("name", "")
                .param("owner", "marketing")
                .param("countsAs", "awareness"))
        .andExpect(status().is3xxRedirection())
        .andExpect(redirectedUrl("/settings/lifecycle"));
    assertThat(lifecycle.activeModel().stages().get(0).name()).isEqualTo(first.name());
    mvc.perform(
            post("/settings/lifecycle/stages/{id}/move", first.id())
                .with(ADMIN)
                .with(csrf())
                .param("direction", "down"))
        .andExpect(status().is3xxRedirection());
    assertThat(lifecycle.activeModel().stages().get(1).id()).isEqualTo(first.id());
    mvc.perform(
            post("/settings/lifecycle/stages/{id}/move", first.id())
                .with(ADMIN)
                .with(csrf())
                .param("direction", "up"))
        .andExpect(status().is3xxRedirection());
    assertThat(lifecycle.activeModel().stages().get(0).id()).isEqualTo(first.id());
    mvc.perform(
            post("/settings/lifecycle/stages/{id}/move", first.id())
                .with(SALES)
                .with(csrf())
                .param("direction", "down"))
        .andExpect(status().isForbidden());
  }
}
