package dev.rapport.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.rapport.access.Role;
import dev.rapport.access.Team;
import dev.rapport.people.Network;
import dev.rapport.people.PersonId;
import dev.rapport.people.SocialIdentities;
import dev.rapport.support.AccessFixtures;
import dev.rapport.support.AccessFixtures.TestUser;
import dev.rapport.support.PersistenceTest;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Global search on both databases: posts by their words, best match first (PostgreSQL full text, H2
 * every word contained), social handles, and never a post whose author the user may not see.
 */
@PersistenceTest
class GlobalSearchTest {

  private static final AtomicLong SEQ = new AtomicLong();

  @Autowired AccessFixtures fixtures;
  @Autowired SocialIdentities identities;
  @Autowired JdbcClient jdbc;
  @Autowired DataSource dataSource;

  @Test
  void postsAreFoundByTheirWordsTheBestMatchFirst() throws Exception {
    String word = uniqueWord();
    PersonId author = author("ranker");
    mention(
        author,
        "A long post that names "
            + word
            + " only once, among many other words about"
            + " weather, trains, lunch, football and the price of coffee in the city centre today.");
    mention(author, word + " and again " + word);
    mention(author, "nothing to see here");

    String page = search(fixtures.user(Role.SALES), word);

    int strong = page.indexOf(word + " and again " + word);
    int weak = page.indexOf("names " + word + " only once");
    assertThat(strong).as("the post that says it twice").isPositive();
    assertThat(weak).as("the post that says it once").isPositive();
    assertThat(strong).as("best match first").isLessThan(weak);
    assertThat(page).doesNotContain("nothing to see here");
  }

  @Test
  void eachDatabaseReadsTheQueryItsWay() throws Exception {
    String word = uniqueWord();
    PersonId author = author("syntax");
    mention(author, word + " with pricing");
    mention(author, word + " with complaints");
    TestUser user = fixtures.user(Role.SALES);
    if (postgres()) {
      // websearch syntax: a leading minus excludes, and the GIN index serves the expression
      String page = search(user, word + " -complaints");
      assertThat(page).contains(word + " with pricing").doesNotContain(word + " with complaints");
      assertThat(
              jdbc.sql(
                      "select count(*) from pg_indexes"
                          + " where indexname = 'listening_mention_text_search'")
                  .query(Long.class)
                  .single())
          .isEqualTo(1);
    } else {
      // the fallback: every word must be in the post
      String page = search(user, word + " pricing");
      assertThat(page).contains(word + " with pricing").doesNotContain(word + " with complaints");
    }
  }

  @Test
  void aHandleIsFoundWithOrWithoutItsAt() throws Exception {
    String word = uniqueWord();
    PersonId person =
        identities.resolveAuthor(
            Network.MASTODON, "@" + word + "@mastodon.social", null, "Handle Person", null, null);
    TestUser user = fixtures.user(Role.MARKETING);
    for (String q : new String[] {word, "@" + word}) {
      String page = search(user, q);
      assertThat(page).contains("id=\"handle-results\"").contains("/persons/" + person.value());
    }
  }

  @Test
  void aPostWhoseAuthorTheUserMayNotSeeIsLeftOut() throws Exception {
    MockMvc mvc = fixtures.mvc();
    Team north = fixtures.team();
    Team south = fixtures.team();
    TestUser northSales = fixtures.user(Role.SALES, north);
    TestUser southSales = fixtures.user(Role.SALES, south);
    TestUser admin = fixtures.user(Role.ADMIN);
    String body =
        mvc.perform(
                post("/api/v1/persons")
                    .with(admin.basic())
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(
                        "{\"firstName\":\"Hidden\",\"lastName\":\"Author\",\"ownerUserId\":"
                            + southSales.id()
                            + "}"))
            .andExpect(status().isCreated())
            .andReturn()
            .getResponse()
            .getContentAsString();
    PersonId hidden =
        new PersonId(Long.parseLong(body.replaceAll("(?s).*?\"id\"\\s*:\\s*(\\d+).*", "$1")));
    String word = uniqueWord();
    mention(hidden, "secret plans " + word);

    visibility(mvc, admin, "team");
    try {
      assertThat(search(northSales, word)).doesNotContain("secret plans");
      assertThat(search(southSales, word)).contains("secret plans " + word);
    } finally {
      visibility(mvc, admin, "everyone");
    }
    assertThat(search(northSales, word)).contains("secret plans " + word);
  }

  private String search(TestUser user, String q) throws Exception {
    return fixtures
        .mvc()
        .perform(get("/search").param("q", q).with(user.session()))
        .andExpect(status().isOk())
        .andReturn()
        .getResponse()
        .getContentAsString();
  }

  private PersonId author(String name) {
    return identities.resolveAuthor(
        Network.OTHER, name + "-" + UUID.randomUUID(), null, "Search " + name, null, null);
  }

  private void mention(PersonId author, String text) {
    long n = SEQ.incrementAndGet();
    jdbc.sql(
            """
            insert into listening_mention (network, native_id, author_handle, text, created_at,
              metrics, rule_ids, spans, readings, captured_at, author_person_id)
            values ('other', :nativeId, 'searcher', :text, :at, '{}', '1', '[]', '{}', :at, :person)
            """)
        .param("nativeId", "search-" + UUID.randomUUID() + "-" + n)
        .param("text", text)
        .param("at", Timestamp.from(Instant.now()))
        .param("person", author.value())
        .update();
  }

  private static void visibility(MockMvc mvc, TestUser admin, String level) throws Exception {
    mvc.perform(
            put("/api/v1/visibility/person")
                .with(admin.basic())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"level\":\"" + level + "\"}"))
        .andExpect(status().isOk());
  }

  private boolean postgres() throws Exception {
    String product = JdbcUtils.extractDatabaseMetaData(dataSource, m -> m.getDatabaseProductName());
    return product.toLowerCase(Locale.ROOT).contains("postgres");
  }

  /** A word no other post contains: letters only, so every database reads it as one word. */
  private static String uniqueWord() {
    StringBuilder w = new StringBuilder("kestrel");
    for (char c : UUID.randomUUID().toString().replace("-", "").toCharArray()) {
      w.append((char) ('a' + Character.digit(c, 16)));
    }
    return w.toString();
  }
}
