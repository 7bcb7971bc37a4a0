package dev.rapport.sales.deals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import dev.rapport.access.Role;
import dev.rapport.people.PersonId;
import dev.rapport.support.AccessFixtures;
import dev.rapport.support.AccessFixtures.TestUser;
import dev.rapport.support.PersistenceTest;
import dev.rapport.support.TestRecords;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** The opportunities API: create, list with the six gates, and a move the gates refuse. */
@PersistenceTest
class DealApiTest {

  @Autowired AccessFixtures access;
  @Autowired TestRecords records;
  @Autowired ObjectMapper json;

  MockHttpServletResponse send(TestUser as, String method, String path, String body)
      throws Exception {
    var request =
        switch (method) {
          case "GET" -> get(path);
          default -> post(path).contentType(MediaType.APPLICATION_JSON).content(body);
        };
    return access
        .mvc()
        .perform(request.with(AccessFixtures.bearer(access.token(as))))
        .andReturn()
        .getResponse();
  }

  JsonNode read(MockHttpServletResponse r) throws Exception {
    return json.readTree(r.getContentAsString());
  }

  @Test
  void aDealIsCreatedListedWithSixGatesAndRefusedAStageWhoseGatesDoNotHold() throws Exception {
    TestUser seller = access.user(Role.SALES);
    PersonId person = records.person();
    MockHttpServletResponse created =
        send(
            seller,
            "POST",
            "/api/v1/opportunities",
            """
            {"name":"Listening for Acme","amount":12000,"currency":"eur","expectedMargin":4000,
             "closeDate":"%s","primaryPersonId":%d,"source":"manual"}
            """
                .formatted(LocalDate.now().plusMonths(2), person.value()));
    assertThat(created.getStatus()).as(created.getContentAsString()).isEqualTo(201);
    JsonNode deal = read(created);
    long id = deal.get("id").asLong();
    assertThat(deal.get("currency").asText()).isEqualTo("EUR");
    assertThat(deal.get("stage").asText()).isEqualTo("Identify the problem");
    assertThat(deal.get("ownerUserId").asLong()).isEqualTo(seller.id());
    assertThat(deal.get("gates")).hasSize(6);

    JsonNode list = read(send(seller, "GET", "/api/v1/opportunities?owner=" + seller.id(), null));
    assertThat(list.get("total").asLong()).isEqualTo(1);
    assertThat(list.get("items").get(0).get("id").asLong()).isEqualTo(id);
    assertThat(list.get("items").get(0).get("gates")).hasSize(6);

    long buying =
        read(send(seller, "GET", "/api/v1/pipelines/" + deal.get("pipelineId").asLong(), null))
            .get("stages")
            .get(3)
            .get("id")
            .asLong();
    MockHttpServletResponse refused =
        send(
            seller,
            "POST",
            "/api/v1/opportunities/" + id + "/stage",
            "{\"stageId\":" + buying + "}");
    assertThat(refused.getStatus()).isEqualTo(422);
    assertThat(refused.getContentAsString())
        .contains("gate 1 (Problem identified)")
        .contains("gate 2 (Measurable return agreed)")
        .contains("gate 3 (Solution articulated)");
    assertThat(
            read(send(seller, "GET", "/api/v1/opportunities/" + id, null)).get("stageId").asLong())
        .isEqualTo(deal.get("stageId").asLong());
  }
}
