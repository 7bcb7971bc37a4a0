package dev.rapport.sales.board;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import dev.rapport.access.Role;
import dev.rapport.access.Team;
import dev.rapport.access.visibility.RecordVisibilityFacade;
import dev.rapport.sales.Gate;
import dev.rapport.sales.GateEvidence;
import dev.rapport.sales.Opportunities;
import dev.rapport.sales.Opportunity;
import dev.rapport.support.AccessFixtures;
import dev.rapport.support.AccessFixtures.TestUser;
import dev.rapport.support.PersistenceTest;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The board, the list and the CSV as a sales user sees them with deals visible to their owner only,
 * and moves: a viewer's is 403, a hidden deal's 404, a gated stage's 422 naming the gates, a stale
 * version's 409; an allowed move answers the columns' new counts.
 */
@PersistenceTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BoardAccessTest {

  @Autowired AccessFixtures access;
  @Autowired BoardFixtures fixtures;
  @Autowired Opportunities deals;
  @Autowired RecordVisibilityFacade visibility;

  final String run = UUID.randomUUID().toString().substring(0, 8);
  String before;
  TestUser alice;
  TestUser bob;
  TestUser viewer;
  Opportunity mine;
  Opportunity theirs;
  Opportunity formula;

  @BeforeAll
  void setUp() {
    before = visibility.level("opportunity").name();
    visibility.set("opportunity", "own");
    Team a = access.team();
    Team b = access.team();
    alice = access.user(Role.SALES, a);
    bob = access.user(Role.SALES, b);
    viewer = access.user(Role.VIEWER, a);
    LocalDate close = LocalDate.now().plusDays(20);
    mine = fixtures.deal("Alice deal " + run, alice.id(), "1000", "EUR", close);
    theirs = fixtures.deal("Bob deal " + run, bob.id(), "700", "EUR", close);
    formula = fixtures.deal("=HYPERLINK(\"http://evil\") " + run, alice.id(), "5", "EUR", close);
  }

  @AfterAll
  void restore() {
    visibility.set("opportunity", before);
  }

  MockHttpServletResponse call(TestUser as, MockHttpServletRequestBuilder r) throws Exception {
    return access.mvc().perform(r.with(as.session()).with(csrf())).andReturn().getResponse();
  }

  MockHttpServletResponse move(TestUser as, long id, long stage, Integer version) throws Exception {
    MockHttpServletRequestBuilder r =
        post("/deals/board/move")
            .param("id", String.valueOf(id))
            .param("stageId", String.valueOf(stage));
    if (version != null) {
      r.param("version", String.valueOf(version));
    }
    return call(as, r);
  }

  @Test
  void aSalesUserSeesOnlyTheDealsVisibilityAllowsOnTheBoardTheListAndTheCsv() throws Exception {
    for (String path :
        List.of(
            "/deals/board", "/deals/list?status=all&sort=name", "/deals/export.csv?status=all")) {
      MockHttpServletResponse r = call(alice, get(path));
      assertThat(r.getStatus()).as(path).isEqualTo(200);
      assertThat(r.getContentAsString()).as(path).contains("Alice deal " + run);
      assertThat(r.getContentAsString()).as(path).doesNotContain("Bob deal " + run);
    }
    assertThat(call(bob, get("/deals/board")).getContentAsString())
        .contains("Bob deal " + run)
        .doesNotContain("Alice deal " + run);
  }

  @Test
  void theCsvNeverHandsASpreadsheetAFormula() throws Exception {
    MockHttpServletResponse r = call(alice, get("/deals/export.csv?status=open&sort=name"));
    assertThat(r.getContentType()).startsWith("text/csv");
    assertThat(r.getHeader("Content-Disposition")).contains("deals.csv");
    String csv = r.getContentAsString();
    assertThat(csv).startsWith("id,name,pipeline,stage,status,amount,currency,close_date,owner");
    assertThat(csv).contains("\"'=HYPERLINK(\"\"http://evil\"\") " + run + "\"");
    assertThat(csv).doesNotContain(",=HYPERLINK", ",\"=HYPERLINK");
  }

  @Test
  void aViewerSeesTheBoardWithoutHandlesAndMayNotMove() throws Exception {
    MockHttpServletResponse page = call(viewer, get("/deals/board"));
    assertThat(page.getStatus()).isEqualTo(200);
    assertThat(page.getContentAsString())
        .contains("data-can-move=\"false\"")
        .doesNotContain("drag-handle")
        .doesNotContain("board.js");
    long stage2 = fixtures.stage(2).id();
    assertThat(move(viewer, mine.id(), stage2, null).getStatus()).isEqualTo(403);
    assertThat(fixtures.stageOf(mine.id())).isEqualTo(fixtures.stage(1).id());
    assertThat(call(alice, get("/deals/board")).getContentAsString())
        .contains("data-can-move=\"true\"")
        .contains("drag-handle");
  }

  @Test
  void movesAreRefusedWithTheirReasonAndAnAllowedMoveAnswersTheColumns() throws Exception {
    long stage1 = fixtures.stage(1).id();
    long stage2 = fixtures.stage(2).id();
    long stage3 = fixtures.stage(3).id();
    MockHttpServletResponse hidden = move(alice, theirs.id(), stage2, null);
    assertThat(hidden.getStatus()).isEqualTo(404);
    assertThat(hidden.getContentAsString()).doesNotContain("Bob deal");
    assertThat(fixtures.stageOf(theirs.id())).isEqualTo(stage1);

    MockHttpServletResponse gated = move(alice, mine.id(), stage3, mine.version());
    assertThat(gated.getStatus()).isEqualTo(422);
    assertThat(gated.getContentAsString())
        .contains(Gate.PROBLEM.named(), Gate.RETURN.named())
        .doesNotContain(Gate.SOLUTION.named());
    assertThat(fixtures.stageOf(mine.id())).isEqualTo(stage1);

    Opportunity confirmed =
        deals.confirmGate(mine.id(), Gate.PROBLEM, new GateEvidence("they said so", null, null));
    MockHttpServletResponse ok = move(alice, mine.id(), stage2, confirmed.version());
    assertThat(ok.getStatus()).as(ok.getContentAsString()).isEqualTo(200);
    assertThat(ok.getContentAsString())
        .contains("\"stageId\":" + stage2)
        .contains("\"columns\"")
        .contains("\"" + stage2 + "\":{");
    assertThat(fixtures.stageOf(mine.id())).isEqualTo(stage2);

    MockHttpServletResponse stale = move(alice, mine.id(), stage1, confirmed.version());
    assertThat(stale.getStatus()).isEqualTo(409);
    assertThat(stale.getContentAsString()).contains("Reload the board");
    assertThat(fixtures.stageOf(mine.id())).isEqualTo(stage2);
  }

  @Test
  void badFiltersAreNamed() throws Exception {
    MockHttpServletResponse page = call(alice, get("/deals/board?closeMonth=2026-13&owner=x"));
    assertThat(page.getStatus()).isEqualTo(200);
    assertThat(page.getContentAsString()).contains("closeMonth must be a month", "owner must be");
    MockHttpServletResponse csv = call(alice, get("/deals/export.csv?status=sideways"));
    assertThat(csv.getStatus()).isEqualTo(400);
    assertThat(csv.getContentAsString()).contains("status must be open, won, lost or all");
  }
}
