package dev.rapport.listening.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import dev.rapport.access.Role;
import dev.rapport.support.AccessFixtures;
import dev.rapport.support.PersistenceTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * What an operator scrapes and probes: liveness and readiness for anyone, Prometheus metrics for an
 * admin only, with ingest's counts per source, the queue depth, the matcher's time per post, the
 * pending event publications and request latency.
 */
@PersistenceTest
class OperationsEndpointsTest {

  @Autowired AccessFixtures fixtures;
  @Autowired SourceStore sources;
  @Autowired ListeningRules rules;
  @Autowired org.springframework.web.context.WebApplicationContext context;

  /** With the request-observation filter the servlet container would run, for request latency. */
  private MockMvc observedMvc() {
    var filters =
        context
            .getBeanProvider(
                org.springframework.core.ResolvableType.forClassWithGenerics(
                    org.springframework.boot.web.servlet.FilterRegistrationBean.class,
                    org.springframework.web.filter.ServerHttpObservationFilter.class))
            .stream()
            .map(
                b ->
                    ((org.springframework.boot.web.servlet.FilterRegistrationBean<?>) b)
                        .getFilter())
            .toArray(jakarta.servlet.Filter[]::new);
    assertThat(filters).as("the request-observation filter").isNotEmpty();
    return org.springframework.test.web.servlet.setup.MockMvcBuilders.webAppContextSetup(context)
        .addFilters(filters)
        .apply(
            org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers
                .springSecurity())
        .build();
  }

  @Test
  void probesAnswerAnyoneWithoutDetails() throws Exception {
    MockMvc mvc = fixtures.mvc();
    for (String probe : new String[] {"/actuator/health/liveness", "/actuator/health/readiness"}) {
      var r = mvc.perform(get(probe)).andReturn().getResponse();
      assertThat(r.getStatus()).as(probe).isEqualTo(200);
      assertThat(r.getContentAsString()).contains("\"status\":\"UP\"").doesNotContain("details");
    }
  }

  @Test
  void metricsAreForAdminsOnly() throws Exception {
    MockMvc mvc = fixtures.mvc();
    assertThat(mvc.perform(get("/actuator/prometheus")).andReturn().getResponse().getStatus())
        .isEqualTo(401);
    assertThat(
            mvc.perform(get("/actuator/prometheus").with(fixtures.as(Role.SALES)))
                .andReturn()
                .getResponse()
                .getStatus())
        .isEqualTo(403);
  }

  @Test
  void ingestCountsEachSourcesPostsAndTheScrapeShowsThem() throws Exception {
    MockMvc mvc = observedMvc();
    String token = SourceTokens.newToken();
    long source =
        sources.create(
            "ops-" + UUID.randomUUID(), SourceKind.WEBHOOK, "{}", SourceTokens.hash(token), 300);
    String word = "opsword" + UUID.randomUUID().toString().substring(0, 8).replace("-", "");
    rules.create("ops " + word, word, true);
    String posts =
        """
        {"posts":[{"network":"mastodon","id":"ops-1-%1$s","author":{"handle":"ops1@example.social"},
          "text":"about %1$s","createdAt":"2026-11-20T10:15:30Z"},
         {"network":"mastodon","id":"ops-2-%1$s","author":{"handle":"ops2@example.social"},
          "text":"nothing here","createdAt":"2026-11-20T10:15:30Z"},
         {"network":"mastodon","id":"ops-3-%1$s","text":"an author is missing",
          "createdAt":"2026-11-20T10:15:30Z"}]}
        """
            .formatted(word);
    var ingest =
        mvc.perform(
                post("/api/v1/ingest")
                    .header("Authorization", "Bearer " + token)
                    .contentType("application/json")
                    .content(posts))
            .andReturn()
            .getResponse();
    assertThat(ingest.getStatus()).as(ingest.getContentAsString()).isLessThan(300);

    String scrape =
        mvc.perform(get("/actuator/prometheus").with(fixtures.as(Role.ADMIN)))
            .andReturn()
            .getResponse()
            .getContentAsString();

    String tag = "{source=\"" + source + "\"}";
    assertThat(scrape)
        .contains("rapport_ingest_posts_received_total" + tag + " 3.0")
        .contains("rapport_ingest_posts_matched_total" + tag + " 1.0")
        .contains("rapport_ingest_posts_refused_total" + tag + " 1.0")
        .contains("rapport_ingest_queue_depth ")
        .contains("rapport_ingest_match_seconds_count")
        .contains("rapport_ingest_read_seconds_count")
        .contains("rapport_events_publications_incomplete ")
        .contains("http_server_requests_seconds_bucket");
  }
}
