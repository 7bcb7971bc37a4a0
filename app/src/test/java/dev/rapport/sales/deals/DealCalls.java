package dev.rapport.sales.deals;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import dev.rapport.people.AccountId;
import dev.rapport.people.PersonId;
import dev.rapport.support.AccessFixtures;
import dev.rapport.support.AccessFixtures.TestUser;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** Calls the deals API as a test user (with an API token), for the deals tests. */
@Component
class DealCalls {

  private final AccessFixtures access;
  private final ObjectMapper json;
  private final Map<Long, String> tokens = new ConcurrentHashMap<>();

  DealCalls(AccessFixtures access, ObjectMapper json) {
    this.access = access;
    this.json = json;
  }

  MockHttpServletResponse call(TestUser as, String method, String path, String body)
      throws Exception {
    var r = request(HttpMethod.valueOf(method), path).accept(MediaType.APPLICATION_JSON);
    if (body != null) {
      r.contentType(MediaType.APPLICATION_JSON).content(body);
    }
    String token = tokens.computeIfAbsent(as.id(), id -> access.token(as));
    return access.mvc().perform(r.with(AccessFixtures.bearer(token))).andReturn().getResponse();
  }

  JsonNode ok(TestUser as, String method, String path, String body) throws Exception {
    MockHttpServletResponse r = call(as, method, path, body);
    if (r.getStatus() >= 300) {
      throw new AssertionError(
          method + " " + path + " → " + r.getStatus() + " " + r.getContentAsString());
    }
    return r.getContentAsString().isEmpty() ? null : json.readTree(r.getContentAsString());
  }

  JsonNode read(MockHttpServletResponse r) throws Exception {
    return json.readTree(r.getContentAsString());
  }

  /** A deal on the person (and account, may be null) in the default pipeline's first stage. */
  JsonNode open(TestUser as, PersonId person, AccountId account, String source) throws Exception {
    return ok(
        as,
        "POST",
        "/api/v1/opportunities",
        """
        {"name":"Deal %s","amount":25000.50,"currency":"EUR","expectedMargin":9000,
         "closeDate":"%s","primaryPersonId":%d,%s"source":"%s"}
        """
            .formatted(
                person.value(),
                LocalDate.now().plusMonths(1),
                person.value(),
                account == null ? "" : "\"accountId\":" + account.value() + ",",
                source));
  }

  /** The id of the default pipeline's stage at that position (0-based). */
  long stage(TestUser as, long pipelineId, int index) throws Exception {
    return ok(as, "GET", "/api/v1/pipelines/" + pipelineId, null)
        .get("stages")
        .get(index)
        .get("id")
        .asLong();
  }

  JsonNode confirm(TestUser as, long deal, int gate, String evidence) throws Exception {
    return ok(
        as,
        "POST",
        "/api/v1/opportunities/" + deal + "/gates/" + gate,
        "{\"evidence\":\"" + evidence + "\",\"touchpointIds\":[1]}");
  }

  MockHttpServletResponse move(TestUser as, long deal, long stage, Integer version)
      throws Exception {
    return call(
        as,
        "POST",
        "/api/v1/opportunities/" + deal + "/stage",
        "{\"stageId\":" + stage + (version == null ? "" : ",\"version\":" + version) + "}");
  }

  long reason(TestUser as, String outcome) throws Exception {
    return ok(as, "GET", "/api/v1/deal-reasons?outcome=" + outcome, null).get(0).get("id").asLong();
  }
}
