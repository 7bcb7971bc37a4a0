package dev.rapport.timeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import dev.rapport.access.Role;
import dev.rapport.support.AccessFixtures;
import dev.rapport.support.PersistenceTest;
import dev.rapport.support.TestRecords;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Seeded fuzzing of the external append endpoint: whatever arrives, the answer is 201/200 or a 400
 * Problem Details that names at least one field, never a server error, and a refused post stores
 * nothing.
 */
@PersistenceTest
class HostileTouchpointPostsTest {

  @Autowired AccessFixtures fixtures;

  static final int CASES = 80;
  static final Object[] HOSTILE = {
    null,
    "",
    " ",
    "<script>alert(1)</script>",
    "x".repeat(5000),
    "\u0000",
    "Robert'); drop table touchpoint;--",
    -1,
    0,
    1e308,
    "1e400",
    "NaN",
    true,
    List.of(1, 2),
    Map.of("a", 1),
    "2026-02-30T10:00:00Z",
    "9999-01-01T00:00:00Z",
    "javascript:alert(1)",
    "EUR",
    "eur",
    "XXX1",
    "order",
    "ORDER",
    "12345678901234567.5",
    "0.000001"
  };

  @Autowired WebApplicationContext context;
  @Autowired ObjectMapper json;
  @Autowired JdbcClient jdbc;
  @Autowired TestRecords records;

  @Test
  void everyHostilePostIsStoredOrRefusedNamingAFieldNeverAServerError() throws Exception {
    MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
    Random random = new Random(20261123L);
    long person = records.person().value();
    int created = 0;
    int refused = 0;
    for (int i = 0; i < CASES; i++) {
      Map<String, Object> body = valid(person, i);
      mutate(body, random);
      MockHttpServletResponse response =
          mvc.perform(
                  post("/api/v1/persons/{id}/touchpoints", person)
                      .with(fixtures.as(Role.SUPPORT))
                      .contentType(MediaType.APPLICATION_JSON)
                      .content(json.writeValueAsString(body)))
              .andReturn()
              .getResponse();
      int status = response.getStatus();
      assertThat(status).as("case %d: %s", i, body).isIn(200, 201, 400);
      if (status == 400) {
        JsonNode problem = json.readTree(response.getContentAsString());
        assertThat(problem.path("errors").isArray()).as("case %d", i).isTrue();
        assertThat(problem.path("errors").get(0).path("field").asString()).isNotBlank();
        refused++;
      } else {
        created++;
      }
    }
    long stored =
        jdbc.sql("select count(*) from touchpoint where person_id = :p")
            .param("p", person)
            .query(Long.class)
            .single();
    assertThat(refused).isPositive();
    assertThat(created).isPositive();
    assertThat(stored).isLessThanOrEqualTo(created);
  }

  private static Map<String, Object> valid(long person, int i) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("kind", "order");
    body.put("channel", "webshop");
    body.put("direction", "in");
    body.put("occurredAt", "2026-01-02T03:04:05Z");
    body.put("summary", "Order " + i);
    body.put("amount", "100.50");
    body.put("margin", "20");
    body.put("currency", "EUR");
    body.put("source", new LinkedHashMap<>(Map.of("type", "fuzz.order", "id", person + "-" + i)));
    return body;
  }

  private static void mutate(Map<String, Object> body, Random random) {
    int edits = random.nextInt(4);
    List<String> keys = new ArrayList<>(body.keySet());
    keys.add("unexpected");
    for (int e = 0; e < edits; e++) {
      String key = keys.get(random.nextInt(keys.size()));
      Object value = HOSTILE[random.nextInt(HOSTILE.length)];
      if (key.equals("source") && random.nextBoolean()) {
        if (body.get("source") instanceof Map<?, ?> map) {
          @SuppressWarnings("unchecked")
          Map<String, Object> source = (Map<String, Object>) map;
          String[] fields = {"type", "id", "url"};
          source.put(fields[random.nextInt(3)], value);
          continue;
        }
      }
      if (random.nextInt(5) == 0) {
        body.remove(key);
      } else {
        body.put(key, value);
      }
    }
  }
}
