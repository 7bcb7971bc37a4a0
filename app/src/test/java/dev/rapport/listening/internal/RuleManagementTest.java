package dev.rapport.listening.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import dev.rapport.access.Role;
import dev.rapport.engine.rules.Rule;
import dev.rapport.engine.rules.RuleParser;
import dev.rapport.listening.NormalizedPost;
import dev.rapport.listening.Sources;
import dev.rapport.support.AccessFixtures;
import dev.rapport.support.PersistenceTest;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** Rules in the API and on the rules page: parse errors at their column, tests, enable, disable. */
@PersistenceTest
class RuleManagementTest {

  @Autowired AccessFixtures fixtures;
  @Autowired Sources sources;
  @Autowired ObjectMapper json;

  @Test
  void aRuleWhoseGroupingMayNotBeWhatItsAuthorMeantIsSavedWithAWarningAndTheBracketedReading()
      throws Exception {
    String word = uniqueWord();
    JsonNode rule = createRule(Role.MARKETING, "grouping", word + " NOT vacancy OR monitoring");
    assertThat(rule.get("canonical").asString())
        .isEqualTo("(" + word + " AND NOT vacancy) OR monitoring");
    assertThat(rule.get("warnings").get(0).asString())
        .contains("read as (" + word + " AND NOT vacancy) OR monitoring");
    JsonNode plain = createRule(Role.MARKETING, "plain", word + " AND (watch OR strap)");
    assertThat(plain.get("warnings")).isEmpty();

    MockHttpServletResponse tested =
        api(Role.VIEWER, "/api/v1/listening/rules/test", Map.of("query", "a OR b c"));
    assertThat(json.readTree(tested.getContentAsString()).get("warnings").get(0).asString())
        .contains("read as a OR (b AND c)");

    MockHttpServletResponse refused =
        api(Role.MARKETING, "/api/v1/listening/rules", Map.of("name", "n", "query", "a NEAR b"));
    assertThat(refused.getStatus()).isEqualTo(400);
    assertThat(
            json.readTree(refused.getContentAsString())
                .get("errors")
                .get(0)
                .get("message")
                .asString())
        .startsWith("NEAR needs a distance: write NEAR/5");
  }

  @Test
  void aQueryThatDoesNotParseIsRefusedByTheApiNamingTheFieldAndColumn() throws Exception {
    MockHttpServletResponse refused =
        api(
            Role.MARKETING,
            "/api/v1/listening/rules",
            Map.of("name", "broken", "query", "crm NEAR/ recommend"));
    assertThat(refused.getStatus()).isEqualTo(400);
    assertThat(refused.getContentType()).contains("problem+json");
    JsonNode error = json.readTree(refused.getContentAsString()).get("errors").get(0);
    assertThat(error.get("field").asString()).isEqualTo("query");
    assertThat(error.get("column").asInt()).isEqualTo(10);
    assertThat(error.get("message").asString()).isEqualTo("NEAR/ needs a number");

    JsonNode legacy =
        json.readTree(
            api(Role.MARKETING, "/api/v1/listening/rules", Map.of("name", "b", "keywords", "(acme"))
                .getContentAsString());
    assertThat(legacy.get("errors").get(0).get("field").asString()).isEqualTo("keywords");
    assertThat(legacy.get("errors").get(0).get("column").asInt()).isEqualTo(1);

    MockHttpServletResponse test =
        api(Role.VIEWER, "/api/v1/listening/rules/test", Map.of("query", "acme AND"));
    assertThat(test.getStatus()).isEqualTo(400);
    JsonNode testError = json.readTree(test.getContentAsString()).get("errors").get(0);
    assertThat(testError.get("field").asString()).isEqualTo("query");
    assertThat(testError.get("column").asInt()).isEqualTo(9);
  }

  @Test
  void theRulesPageShowsTheParseErrorWithACaretUnderItsColumnAndKeepsTheForm() throws Exception {
    String html =
        page(
            post("/listening/rules")
                .param("name", "broken <b>rule</b>")
                .param("query", "crm NEAR/ recommend"),
            Role.MARKETING);
    assertThat(html).contains("NEAR/ needs a number (line 1, column 10)");
    assertThat(html)
        .contains(
            "<pre class=\"rule-pointer\"><span>crm NEAR/ recommend</span>\n"
                + "<span class=\"caret\">         ^</span></pre>");
    assertThat(html).contains("aria-invalid=\"true\"").contains(">crm NEAR/ recommend</textarea>");
    assertThat(html)
        .contains("value=\"broken &lt;b&gt;rule&lt;/b&gt;\"")
        .doesNotContain("<b>rule</b>");
  }

  @Test
  void theCaretPointsIntoTheRightLineOfAQueryOnSeveralLines() {
    RuleQueryRefused.Pointer p = RuleQueryRefused.Pointer.at("acme\n\tAND (crm", 11);
    assertThat(p.line()).isEqualTo("\tAND (crm");
    assertThat(p.marker()).isEqualTo("\t    ^");
    assertThat(p.lineNumber()).isEqualTo(2);
    assertThat(RuleQueryRefused.Pointer.at("ab", 3).marker()).isEqualTo("  ^");
    assertThat(RuleQueryRefused.Pointer.at("ab", 99).marker()).isEqualTo("  ^");
  }

  @Test
  void testingARuleHighlightsTheMatchedSpansAndEscapesThePostText() throws Exception {
    String word = uniqueWord();
    createRule(Role.MARKETING, "test " + word, word);
    String text = "<script>alert(1)</script> I love " + word + " & " + word.toUpperCase() + "!";
    assertThat(sources.ingest("rules-test", List.of(aPost(text))).mentions()).isEqualTo(1);

    MockHttpServletResponse response =
        api(
            Role.VIEWER,
            "/api/v1/listening/rules/test",
            Map.of("query", word + " AND love", "limit", 1000));
    assertThat(response.getStatus()).isEqualTo(200);
    JsonNode result = json.readTree(response.getContentAsString());
    assertThat(result.get("canonical").asString()).isEqualTo(canonical(word + " AND love"));
    JsonNode match = result.get("matches").get(0);
    assertThat(match.get("text").asString()).isEqualTo(text);
    List<String> highlighted = new java.util.ArrayList<>();
    for (JsonNode span : match.get("spans")) {
      highlighted.add(text.substring(span.get("start").asInt(), span.get("end").asInt()));
    }
    assertThat(highlighted).containsExactly("love", word, word.toUpperCase());

    String fragment =
        page(
            post("/listening/rules/test").header("HX-Request", "true").param("query", word),
            Role.VIEWER);
    assertThat(fragment)
        .contains(
            "&lt;script&gt;alert(1)&lt;/script&gt; I love <mark>"
                + word
                + "</mark> &amp; <mark>"
                + word.toUpperCase()
                + "</mark>!")
        .doesNotContain("<script>alert(1)")
        .doesNotContain("<html");
  }

  @Test
  void disablingARuleStopsItMatchingAndEnablingStartsItAgain() throws Exception {
    String word = uniqueWord();
    JsonNode rule = createRule(Role.MARKETING, "toggle " + word, word + " OR \"" + word + " crm\"");
    assertThat(rule.get("canonical").asString()).isEqualTo(canonical(rule.get("query").asString()));
    assertThat(rule.get("keywords").asString()).isEqualTo(rule.get("query").asString());
    long id = rule.get("id").asLong();

    JsonNode off =
        json.readTree(
            api(Role.MARKETING, "/api/v1/listening/rules/" + id + "/disable", Map.of())
                .getContentAsString());
    assertThat(off.get("enabled").asBoolean()).isFalse();
    assertThat(sources.ingest("rules-test", List.of(aPost("about " + word))).mentions()).isZero();

    assertThat(
            fixtures
                .mvc()
                .perform(
                    post("/listening/rules/" + id + "/enable")
                        .with(fixtures.as(Role.MARKETING))
                        .with(csrf()))
                .andReturn()
                .getResponse()
                .getRedirectedUrl())
        .isEqualTo("/listening/rules");
    assertThat(sources.ingest("rules-test", List.of(aPost("about " + word))).mentions())
        .isEqualTo(1);
    assertThat(page(get("/listening/rules"), Role.VIEWER)).contains("Disable rule toggle " + word);

    assertThat(
            fixtures
                .mvc()
                .perform(
                    post("/listening/rules/" + id + "/disable")
                        .with(fixtures.as(Role.VIEWER))
                        .with(csrf()))
                .andReturn()
                .getResponse()
                .getStatus())
        .isEqualTo(403);
  }

  @Test
  void aRuleIsEditedOnItsPageAndAnEditThatDoesNotParseKeepsTheOldRule() throws Exception {
    String word = uniqueWord();
    long id = createRule(Role.MARKETING, "edit " + word, word).get("id").asLong();
    assertThat(page(get("/listening/rules/" + id + "/edit"), Role.MARKETING))
        .contains("Edit rule " + id)
        .contains(">" + word + "</textarea>");

    String refused =
        page(
            post("/listening/rules/" + id)
                .param("name", "edit " + word)
                .param("query", word + " AND ("),
            Role.MARKETING);
    assertThat(refused).contains("The query does not parse: ").contains("aria-invalid=\"true\"");
    JsonNode kept = json.readTree(getApi("/api/v1/listening/rules/" + id).getContentAsString());
    assertThat(kept.get("query").asString()).isEqualTo(word);

    fixtures
        .mvc()
        .perform(
            post("/listening/rules/" + id)
                .param("name", "edited " + word)
                .param("query", word + " NEAR/2 launch")
                .with(fixtures.as(Role.MARKETING))
                .with(csrf()));
    JsonNode edited = json.readTree(getApi("/api/v1/listening/rules/" + id).getContentAsString());
    assertThat(edited.get("name").asString()).isEqualTo("edited " + word);
    assertThat(edited.get("canonical").asString()).isEqualTo(canonical(word + " NEAR/2 launch"));
  }

  @Test
  void segmentsGiveTheTextBackWithEveryHighlightMarked() {
    Random random = new Random(42);
    for (int i = 0; i < 2000; i++) {
      int length = random.nextInt(40);
      String text = randomText(random, length);
      List<dev.rapport.engine.match.Span> spans = new java.util.ArrayList<>();
      for (int k = random.nextInt(5); k > 0; k--) {
        int a = random.nextInt(length + 3) - 1;
        int b = a + random.nextInt(8);
        spans.add(new dev.rapport.engine.match.Span(a, b, random.nextInt(10) == 0));
      }
      List<RuleTester.Highlight> merged =
          RuleTester.spans(List.of(new dev.rapport.engine.match.Match("r", spans)), length);
      List<RuleTester.Segment> segments = RuleTester.segments(text, merged);
      StringBuilder joined = new StringBuilder();
      StringBuilder marks = new StringBuilder();
      for (RuleTester.Segment s : segments) {
        joined.append(s.text());
        marks.append((s.marked() ? "x" : ".").repeat(s.text().length()));
      }
      assertThat(joined.toString()).isEqualTo(text);
      for (int c = 0; c < length; c++) {
        final int at = c;
        boolean inSpan =
            spans.stream().anyMatch(s -> !s.inTitle() && s.start() <= at && at < s.end());
        assertThat(marks.charAt(c) == 'x')
            .as("char %d of %s with %s", c, text, spans)
            .isEqualTo(inSpan);
      }
    }
  }

  private static String randomText(Random random, int length) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < length; i++) {
      b.append("ab <>&\"".charAt(random.nextInt(7)));
    }
    return b.toString();
  }

  private static String canonical(String query) {
    return ((Rule) RuleParser.parse(query)).canonical();
  }

  private static String uniqueWord() {
    return "rq" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
  }

  private JsonNode createRule(Role role, String name, String query) throws Exception {
    MockHttpServletResponse created =
        api(role, "/api/v1/listening/rules", Map.of("name", name, "query", query));
    assertThat(created.getStatus()).as(created.getContentAsString()).isEqualTo(201);
    return json.readTree(created.getContentAsString());
  }

  private MockHttpServletResponse api(Role role, String path, Map<String, Object> body)
      throws Exception {
    return fixtures
        .mvc()
        .perform(
            post(path)
                .contentType(MediaType.APPLICATION_JSON)
                .accept(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(body))
                .with(fixtures.as(role))
                .with(csrf()))
        .andReturn()
        .getResponse();
  }

  private MockHttpServletResponse getApi(String path) throws Exception {
    return fixtures
        .mvc()
        .perform(get(path).accept(MediaType.APPLICATION_JSON).with(fixtures.as(Role.VIEWER)))
        .andReturn()
        .getResponse();
  }

  private String page(MockHttpServletRequestBuilder request, Role role) throws Exception {
    return fixtures
        .mvc()
        .perform(request.with(fixtures.as(role)).with(csrf()))
        .andReturn()
        .getResponse()
        .getContentAsString();
  }

  private static NormalizedPost aPost(String text) {
    return TestPosts.post(
        UUID.randomUUID().toString(),
        "@rules" + UUID.randomUUID().toString().substring(0, 6),
        "Rules Test",
        text,
        30);
  }
}
