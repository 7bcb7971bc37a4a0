package dev.rapport.listening.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import dev.rapport.access.Role;
import dev.rapport.people.VisiblePersons;
import dev.rapport.support.AccessFixtures;
import dev.rapport.support.PersistenceTest;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.api.configuration.Configuration;
import org.flywaydb.core.api.migration.Context;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.mock.web.MockHttpServletResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The sentiment, intent and event filters read columns (indexed equality) instead of LIKE on the
 * readings JSON, and give the same mentions the LIKE filters gave on the demo data: through the
 * store, the API and the page, and after the V67_3 backfill from the stored JSON.
 */
@PersistenceTest
class ReadingFiltersTest {

  @Autowired SourceStore store;
  @Autowired SourceAdmin admin;
  @Autowired ListeningRules rules;
  @Autowired ObjectMapper json;
  @Autowired BrandTags brandTags;
  @Autowired MentionStore mentions;
  @Autowired JdbcClient jdbc;
  @Autowired DataSource dataSource;
  @Autowired AccessFixtures fixtures;

  /** Every filter value with what the LIKE filter on the readings JSON found. */
  private List<String[]> cases() {
    List<String[]> out = new ArrayList<>();
    for (String s : MentionFilter.SENTIMENTS) {
      out.add(new String[] {"sentiment", s, "%\"label\":\"" + s + "\"%"});
    }
    for (String i : MentionFilter.INTENTS) {
      out.add(new String[] {"intent", i, "%\"intent\":\"" + i.toUpperCase(Locale.ROOT) + "\"%"});
    }
    for (String e : MentionFilter.EVENTS) {
      out.add(new String[] {"event", e, "%\"event\":\"" + e.toUpperCase(Locale.ROOT) + "\"%"});
    }
    return out;
  }

  @Test
  void columnFiltersGiveTheLikeFiltersResultsOnTheDemoData() throws Exception {
    loadDemo();
    assertSameAsLike();
  }

  @Test
  void theBackfillFillsTheColumnsFromTheStoredJson() throws Exception {
    loadDemo();
    jdbc.sql("update listening_mention set sentiment_label = null, sentiment_score = null")
        .update();
    jdbc.sql("delete from listening_mention_signal").update();
    assertThat(ids("sentiment", "positive")).isEmpty();

    try (Connection c = dataSource.getConnection()) {
      new MentionReadingsBackfill()
          .migrate(
              new Context() {
                @Override
                public Configuration getConfiguration() {
                  return null;
                }

                @Override
                public Connection getConnection() {
                  return c;
                }
              });
    }
    assertSameAsLike();
    Double score =
        jdbc.sql(
                "select max(sentiment_score) from listening_mention"
                    + " where sentiment_label = 'positive'")
            .query(Double.class)
            .single();
    assertThat(score).isPositive();
  }

  private void assertSameAsLike() throws Exception {
    int nonEmpty = 0;
    for (String[] c : cases()) {
      TreeSet<Long> like =
          new TreeSet<>(
              jdbc.sql("select id from listening_mention where readings like :p")
                  .param("p", c[2])
                  .query(Long.class)
                  .list());
      TreeSet<Long> columns = ids(c[0], c[1]);
      assertThat(columns).as(c[0] + "=" + c[1]).isEqualTo(like);
      if (!like.isEmpty()) {
        nonEmpty++;
        MockHttpServletResponse api =
            fixtures
                .mvc()
                .perform(
                    get("/api/v1/mentions?size=1&" + c[0] + "=" + c[1])
                        .with(fixtures.as(Role.ADMIN)))
                .andReturn()
                .getResponse();
        assertThat(api.getHeader("X-Total-Count"))
            .as(c[1])
            .isEqualTo(Integer.toString(like.size()));
        JsonNode first = json.readTree(api.getContentAsString()).get(0);
        assertThat(first.get("id").asLong()).isIn(like);
        String page =
            fixtures
                .mvc()
                .perform(get("/listening?" + c[0] + "=" + c[1]).with(fixtures.as(Role.ADMIN)))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).as(c[1]).contains("<strong>" + like.size() + "</strong>");
      }
    }
    // the demo data has positive and negative posts, intents and life events to compare
    assertThat(nonEmpty).isGreaterThanOrEqualTo(5);
  }

  private TreeSet<Long> ids(String param, String value) {
    return new TreeSet<>(
        mentions
            .page(
                VisiblePersons.Condition.ALL, MentionFilter.parse(Map.of(param, value)), 0, 100_000)
            .items()
            .stream()
            .map(MentionStore.Mention::id)
            .toList());
  }

  /**
   * Replays the demo corpus (once per database) with a broad rule of this test's beside whatever
   * rules exist, then disables that rule and the demo's, so later tests' posts match only their
   * own.
   */
  private void loadDemo() {
    long broad =
        rules
            .create(
                "Reading filters " + UUID.randomUUID(),
                "crm, rapport, new job, pricing, churn, frustrated, love, thrilled, hiring,"
                    + " funding, switching, social listening, promoted, layoffs, recommendations",
                true)
            .id();
    try {
      MockEnvironment env = new MockEnvironment().withProperty("rapport.demo", "true");
      new ListeningDemo(env, store, admin, rules, json, brandTags).run(null);
      Source source = store.byName(ListeningDemo.SOURCE).orElseThrow();
      await()
          .atMost(Duration.ofMinutes(3))
          .until(() -> "403".equals(store.get(source.id()).cursor()));
    } finally {
      rules.enable(broad, false);
      rules.all().stream()
          .filter(r -> DEMO_RULES.stream().anyMatch(r.name()::startsWith))
          .forEach(r -> rules.enable(r.id(), false));
    }
  }

  private static final List<String> DEMO_RULES =
      List.of(
          "Brand: Rapport", "Category: social CRM", "Care: churn", "Sales: buying", "Life events");
}
