package dev.rapport.sales.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import dev.rapport.access.Role;
import dev.rapport.access.Team;
import dev.rapport.sales.Opportunity;
import dev.rapport.sales.board.BoardFixtures;
import dev.rapport.support.AccessFixtures;
import dev.rapport.support.AccessFixtures.TestUser;
import dev.rapport.support.PersistenceTest;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The forecast over JSON: weighted = amount × probability per owner, team, month and quarter, each
 * currency on its own line, amounts per category, the deals behind a number, a manager's override
 * kept with who and when, and a week's snapshot that does not double when taken twice.
 */
@PersistenceTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ForecastApiTest {

  @Autowired AccessFixtures access;
  @Autowired BoardFixtures fixtures;
  @Autowired ObjectMapper json;
  @Autowired JdbcClient jdbc;

  TestUser owner;
  TestUser admin;
  Team team;
  String month;
  Opportunity big;

  @BeforeAll
  void setUp() {
    team = access.team();
    owner = access.user(Role.SALES, team);
    admin = access.user(Role.ADMIN);
    LocalDate close = LocalDate.now(ZoneOffset.UTC).withDayOfMonth(1).plusMonths(1);
    month = YearMonth.from(close).toString();
    fixtures.deal("Forecast a", owner.id(), "1000", "EUR", close);
    big = fixtures.deal("Forecast b", owner.id(), "500", "EUR", close.plusDays(3));
    fixtures.placeIn(big.id(), fixtures.stage(4)); // 50 %, best case
    fixtures.deal("Forecast c", owner.id(), "2000", "USD", close);
  }

  MockHttpServletResponse call(TestUser as, MockHttpServletRequestBuilder r) throws Exception {
    return access
        .mvc()
        .perform(r.accept(MediaType.APPLICATION_JSON).with(AccessFixtures.bearer(access.token(as))))
        .andReturn()
        .getResponse();
  }

  JsonNode ok(TestUser as, MockHttpServletRequestBuilder r) throws Exception {
    MockHttpServletResponse res = call(as, r);
    assertThat(res.getStatus()).as(res.getContentAsString()).isEqualTo(200);
    return json.readTree(res.getContentAsString());
  }

  JsonNode line(JsonNode table, long id, String currency) {
    for (JsonNode l : table.get("items")) {
      if (l.get("id").asLong() == id && l.get("currency").asText().equals(currency)) {
        return l;
      }
    }
    throw new AssertionError("no line for " + id + " " + currency + " in " + table);
  }

  @Test
  void weightedIsAmountTimesProbabilityPerOwnerMonthAndCurrency() throws Exception {
    JsonNode table = ok(owner, get("/api/v1/forecast?groupBy=owner&period=month&from=" + month));
    assertThat(table.get("note").asText()).contains("never added together");
    JsonNode eur = line(table, owner.id(), "EUR");
    assertThat(eur.get("period").asText()).isEqualTo(month);
    assertThat(eur.get("deals").asLong()).isEqualTo(2);
    assertThat(eur.get("amount").decimalValue()).isEqualByComparingTo("1500");
    assertThat(eur.get("weighted").decimalValue()).isEqualByComparingTo("350"); // 100 + 250
    assertThat(eur.get("pipeline").decimalValue()).isEqualByComparingTo("1000");
    assertThat(eur.get("bestCase").decimalValue()).isEqualByComparingTo("500");
    assertThat(eur.get("commit").decimalValue()).isEqualByComparingTo("0");
    JsonNode usd = line(table, owner.id(), "USD");
    assertThat(usd.get("weighted").decimalValue()).isEqualByComparingTo("200");

    JsonNode byTeam = ok(owner, get("/api/v1/forecast?groupBy=team&period=quarter&from=" + month));
    JsonNode teamLine = line(byTeam, team.id(), "EUR");
    assertThat(teamLine.get("period").asText()).matches("\\d{4}-Q[1-4]");
    assertThat(teamLine.get("weighted").decimalValue()).isEqualByComparingTo("350");
  }

  @Test
  void theDealsBehindANumberAreListed() throws Exception {
    String q = "/api/v1/forecast/deals?groupBy=owner&id=" + owner.id() + "&period=" + month;
    JsonNode all = ok(owner, get(q + "&currency=EUR"));
    assertThat(all.get("items"))
        .extracting(n -> n.get("name").asText())
        .containsExactly("Forecast a", "Forecast b");
    JsonNode best = ok(owner, get(q + "&currency=eur&category=best_case"));
    assertThat(best.get("items")).extracting(n -> n.get("id").asLong()).containsExactly(big.id());
    assertThat(best.get("items").get(0).get("weighted").decimalValue()).isEqualByComparingTo("250");
    MockHttpServletResponse bad = call(owner, get(q + "&currency=EURO"));
    assertThat(bad.getStatus()).isEqualTo(400);
    assertThat(bad.getContentAsString()).contains("currency");
  }

  @Test
  void aManagersOverrideIsKeptWithWhoAndWhen() throws Exception {
    String body =
        "{\"groupBy\":\"owner\",\"id\":"
            + owner.id()
            + ",\"period\":\""
            + month
            + "\",\"currency\":\"EUR\",\"amount\":1200,\"note\":\"call with CFO\"}";
    MockHttpServletResponse denied =
        call(
            owner,
            post("/api/v1/forecast/overrides")
                .contentType(MediaType.APPLICATION_JSON)
                .content(body));
    assertThat(denied.getStatus()).isEqualTo(403);
    JsonNode set =
        ok(
            admin,
            post("/api/v1/forecast/overrides")
                .contentType(MediaType.APPLICATION_JSON)
                .content(body));
    assertThat(set.get("setBy").asText()).isEqualTo(admin.user().displayName());
    JsonNode eur = line(ok(owner, get("/api/v1/forecast?from=" + month)), owner.id(), "EUR");
    assertThat(eur.get("override").get("amount").decimalValue()).isEqualByComparingTo("1200");
    assertThat(eur.get("override").get("setBy").asText()).isEqualTo(admin.user().displayName());
    assertThat(eur.get("override").get("setAt").asText()).isNotBlank();
    assertThat(eur.get("override").get("note").asText()).isEqualTo("call with CFO");

    MockHttpServletResponse bad =
        call(
            admin,
            post("/api/v1/forecast/overrides")
                .contentType(MediaType.APPLICATION_JSON)
                .content(body.replace("1200", "-5").replace("\"EUR\"", "\"ZZZZ\"")));
    assertThat(bad.getStatus()).isEqualTo(400);
    assertThat(bad.getContentAsString()).contains("amount", "currency");
  }

  @Test
  void takingTheWeeksSnapshotTwiceKeepsOneSetOfRows() throws Exception {
    assertThat(call(owner, post("/api/v1/forecast/snapshots")).getStatus()).isEqualTo(403);
    JsonNode first = ok(admin, post("/api/v1/forecast/snapshots"));
    String week = first.get("week").asText();
    long rows = count(week);
    assertThat(rows).isPositive().isEqualTo(first.get("rows").asLong());
    JsonNode second = ok(admin, post("/api/v1/forecast/snapshots"));
    assertThat(second.get("week").asText()).isEqualTo(week);
    assertThat(count(week)).isEqualTo(rows);
    assertThat(LocalDate.parse(week).getDayOfWeek()).isEqualTo(java.time.DayOfWeek.MONDAY);
    JsonNode moves = ok(owner, get("/api/v1/forecast/snapshots?from=" + month));
    assertThat(moves.get("items"))
        .anySatisfy(p -> assertThat(p.get("week").asText()).isEqualTo(week));
    assertThat(moves.toString()).contains("weighted");
  }

  long count(String week) {
    return jdbc.sql("select count(*) from deal_forecast_snapshot where week_start = :w")
        .param("w", java.sql.Date.valueOf(LocalDate.parse(week)))
        .query(Long.class)
        .single();
  }
}
