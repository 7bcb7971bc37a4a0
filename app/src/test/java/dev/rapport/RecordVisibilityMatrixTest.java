package dev.rapport;

import static dev.rapport.access.Permission.ADVOCACY_WRITE;
import static dev.rapport.access.Permission.CASES_READ;
import static dev.rapport.access.Permission.CASES_WRITE;
import static dev.rapport.access.Permission.DEALS_READ;
import static dev.rapport.access.Permission.LIFECYCLE_READ;
import static dev.rapport.access.Permission.LIFECYCLE_WRITE;
import static dev.rapport.access.Permission.LISTENING_READ;
import static dev.rapport.access.Permission.PEOPLE_READ;
import static dev.rapport.access.Permission.PEOPLE_WRITE;
import static dev.rapport.access.Permission.PRIVACY_ADMIN;
import static dev.rapport.access.Permission.TIMELINE_READ;
import static dev.rapport.access.Permission.TIMELINE_WRITE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import dev.rapport.access.Permission;
import dev.rapport.access.Role;
import dev.rapport.access.Team;
import dev.rapport.lifecycle.Lifecycle;
import dev.rapport.support.AccessFixtures;
import dev.rapport.support.AccessFixtures.TestUser;
import dev.rapport.support.PersistenceTest;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Every route that shows or changes a person, an account or one of their identities × every role ×
 * a record owned by the caller, by a teammate, or by another team, with persons and accounts
 * visible by team. The routes come from the OpenAPI document and from Spring's handler mappings
 * (pages and htmx fragments), and each must have its line in {@link #ROUTES}: a new route without
 * one fails {@link #everyRouteAboutARecordHasAnEntry()} by name.
 *
 * <p>Expected answers follow from the table alone: a role without the route's permission gets 403;
 * a record the caller may not see is 404 for reads and 404/403 for writes, leaks none of its
 * content and stays exactly as it was in the database; anything else is allowed (2xx/3xx).
 */
@PersistenceTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RecordVisibilityMatrixTest {

  /** Which record a route's id names. */
  enum Subject {
    PERSON,
    ACCOUNT,
    IDENTITY,
    /** A mention written by the person: visible iff its author's person is. */
    MENTION,
    /** A support case about the person: visible iff its person is. */
    CASE
  }

  /** A JSON note for the touchpoint routes. */
  static final String NOTE =
      "{'kind':'note','channel':'note','occurredAt':'2026-01-02T03:04:05Z',"
          + "'summary':'matrix {n}','source':{'type':'matrix','id':'{n}'}}";

  /**
   * The one table: "METHOD path" as the route is declared, the record its id names, the permission
   * it needs, and what a call adds (a query string or a body; JSON for /api, a form otherwise).
   * Placeholders: {@code {owner}} the record's owner, {@code {account}} the person's account,
   * {@code {productLine}}, {@code {stage}} a stage the person is not in, {@code {n}} a number.
   */
  static final List<Route> ROUTES =
      List.of(
          // people: API
          route("GET /api/v1/persons/{id}", Subject.PERSON, PEOPLE_READ, ""),
          route(
              "PUT /api/v1/persons/{id}",
              Subject.PERSON,
              PEOPLE_WRITE,
              "{'firstName':'Changed','lastName':'P{n}','ownerUserId':{owner},'accountId':{account}}"),
          route("DELETE /api/v1/persons/{id}", Subject.PERSON, PEOPLE_WRITE, ""),
          route("GET /api/v1/persons/{id}/identities", Subject.PERSON, PEOPLE_READ, ""),
          route(
              "POST /api/v1/persons/{id}/identities",
              Subject.PERSON,
              PEOPLE_WRITE,
              "{'network':'mastodon','handle':'@vis{n}@example.social'}"),
          route("GET /api/v1/icp/fit/{personId}", Subject.PERSON, PEOPLE_READ, ""),
          route("GET /api/v1/identities/{id}", Subject.IDENTITY, PEOPLE_READ, ""),
          route("DELETE /api/v1/identities/{id}", Subject.IDENTITY, PEOPLE_WRITE, ""),
          route("GET /api/v1/accounts/{id}", Subject.ACCOUNT, PEOPLE_READ, ""),
          route(
              "PUT /api/v1/accounts/{id}",
              Subject.ACCOUNT,
              PEOPLE_WRITE,
              "{'name':'Changed {n}','ownerUserId':{owner}}"),
          route("DELETE /api/v1/accounts/{id}", Subject.ACCOUNT, PEOPLE_WRITE, ""),
          // people: privacy (export for whoever sees the person, erase for admins)
          route("GET /api/v1/persons/{id}/export", Subject.PERSON, PEOPLE_READ, ""),
          route(
              "POST /api/v1/persons/{id}/erase",
              Subject.PERSON,
              PRIVACY_ADMIN,
              "{'reason':'matrix {n}'}"),
          route("GET /persons/{id}/erase", Subject.PERSON, PRIVACY_ADMIN, ""),
          route("POST /persons/{id}/erase", Subject.PERSON, PRIVACY_ADMIN, "reason=matrix+{n}"),
          // people: pages
          route("GET /persons/{id}", Subject.PERSON, PEOPLE_READ, ""),
          route("GET /persons/{id}/edit", Subject.PERSON, PEOPLE_WRITE, ""),
          route(
              "POST /persons/{id}",
              Subject.PERSON,
              PEOPLE_WRITE,
              "firstName=Changed&lastName=P{n}&ownerUserId={owner}&accountId={account}"),
          route("POST /persons/{id}/delete", Subject.PERSON, PEOPLE_WRITE, ""),
          route("GET /accounts/{id}", Subject.ACCOUNT, PEOPLE_READ, ""),
          route("GET /accounts/{id}/edit", Subject.ACCOUNT, PEOPLE_WRITE, ""),
          route(
              "POST /accounts/{id}",
              Subject.ACCOUNT,
              PEOPLE_WRITE,
              "name=Changed+{n}&ownerUserId={owner}"),
          route("POST /accounts/{id}/delete", Subject.ACCOUNT, PEOPLE_WRITE, ""),
          // timeline
          route("GET /api/v1/persons/{id}/touchpoints", Subject.PERSON, TIMELINE_READ, ""),
          route("POST /api/v1/persons/{id}/touchpoints", Subject.PERSON, TIMELINE_WRITE, NOTE),
          route("GET /api/v1/accounts/{id}/touchpoints", Subject.ACCOUNT, TIMELINE_READ, ""),
          route("POST /api/v1/accounts/{id}/touchpoints", Subject.ACCOUNT, TIMELINE_WRITE, NOTE),
          route("GET /timeline/persons/{id}", Subject.PERSON, TIMELINE_READ, ""),
          route("POST /timeline/persons/{id}/notes", Subject.PERSON, TIMELINE_WRITE, "text=n{n}"),
          route("GET /timeline/accounts/{id}", Subject.ACCOUNT, TIMELINE_READ, ""),
          route("GET /timeline/accounts/{id}/revenue", Subject.ACCOUNT, TIMELINE_READ, ""),
          // workspace: a person's interests, read from listening's posts
          route("GET /interests/persons/{id}", Subject.PERSON, LISTENING_READ, ""),
          route("POST /timeline/accounts/{id}/notes", Subject.ACCOUNT, TIMELINE_WRITE, "text=n{n}"),
          // sales: the deals of a person or an account
          route("GET /api/v1/persons/{id}/opportunities", Subject.PERSON, DEALS_READ, ""),
          route("GET /api/v1/accounts/{id}/opportunities", Subject.ACCOUNT, DEALS_READ, ""),
          // sales: a person's open inbox items
          route("GET /api/v1/persons/{id}/inbox", Subject.PERSON, TIMELINE_READ, ""),
          // sales: the pre-call brief as JSON
          route("GET /api/v1/persons/{id}/brief", Subject.PERSON, LISTENING_READ, ""),
          // lifecycle
          route("GET /api/v1/persons/{id}/stages", Subject.PERSON, LIFECYCLE_READ, ""),
          route(
              "POST /api/v1/persons/{id}/stages",
              Subject.PERSON,
              LIFECYCLE_WRITE,
              "{'productLineId':{productLine},'stageId':{stage},'why':'matrix'}"),
          route(
              "GET /api/v1/persons/{id}/stages/spells",
              Subject.PERSON,
              LIFECYCLE_READ,
              "?productLineId={productLine}"),
          route("GET /lifecycle/persons/{id}/panel", Subject.PERSON, LIFECYCLE_READ, ""),
          // sales: a person's lead score
          route("GET /api/v1/persons/{id}/score", Subject.PERSON, LIFECYCLE_READ, ""),
          route("POST /api/v1/persons/{id}/score", Subject.PERSON, LIFECYCLE_WRITE, ""),
          route("GET /leads/persons/{id}/panel", Subject.PERSON, LIFECYCLE_READ, ""),
          route("POST /leads/persons/{id}/panel", Subject.PERSON, LIFECYCLE_WRITE, ""),
          // sales: the pre-call brief
          route("GET /brief/persons/{id}", Subject.PERSON, LISTENING_READ, ""),
          route("GET /brief/persons/{id}/panel", Subject.PERSON, LISTENING_READ, ""),
          // sales: keep in touch
          route("GET /touch/persons/{id}/panel", Subject.PERSON, TIMELINE_READ, ""),
          route("POST /touch/persons/{id}/cadence", Subject.PERSON, TIMELINE_WRITE, "everyDays=30"),
          route("POST /touch/persons/{id}/snooze", Subject.PERSON, TIMELINE_WRITE, "days=2"),
          // sales: email on the timeline (sending without a mailbox answers the panel with why)
          route("GET /api/v1/persons/{id}/emails", Subject.PERSON, TIMELINE_READ, ""),
          route("GET /mail/persons/{id}/panel", Subject.PERSON, TIMELINE_READ, ""),
          route(
              "POST /mail/persons/{id}/send",
              Subject.PERSON,
              Permission.MAIL_CONNECT,
              "subject=Matrix+{n}&body=Hello"),
          route("GET /api/v1/persons/{id}/cadence", Subject.PERSON, TIMELINE_READ, ""),
          route(
              "PUT /api/v1/persons/{id}/cadence",
              Subject.PERSON,
              TIMELINE_WRITE,
              "{'everyDays':30}"),
          route("POST /api/v1/persons/{id}/snooze", Subject.PERSON, TIMELINE_WRITE, "{'days':2}"),
          route(
              "POST /lifecycle/persons/{id}/panel",
              Subject.PERSON,
              LIFECYCLE_WRITE,
              "productLineId={productLine}&stageId={stage}&why=matrix"),
          // advocacy: a person's advocacy score and asks
          route("GET /api/v1/persons/{id}/advocacy", Subject.PERSON, PEOPLE_READ, ""),
          route(
              "POST /api/v1/persons/{id}/asks",
              Subject.PERSON,
              ADVOCACY_WRITE,
              "{'kind':'review','note':'matrix {n}'}"),
          // listening: a mention is visible iff its author's person is
          route("GET /api/v1/mentions/{id}", Subject.MENTION, LISTENING_READ, ""),
          route("GET /listening/mentions/{id}", Subject.MENTION, LISTENING_READ, ""),
          route("GET /listening/mentions/{id}/card", Subject.MENTION, LISTENING_READ, ""),
          // care: a case is visible iff its person is; churn risk and open cases per record
          route("GET /api/v1/cases/{id}", Subject.CASE, CASES_READ, ""),
          route("POST /api/v1/cases/{id}/assign", Subject.CASE, CASES_WRITE, "{'userId':{owner}}"),
          route("POST /api/v1/cases/{id}/reply", Subject.CASE, CASES_WRITE, "{'text':'r{n}'}"),
          route(
              "POST /api/v1/cases/{id}/status", Subject.CASE, CASES_WRITE, "{'status':'resolved'}"),
          route(
              "POST /api/v1/cases/{id}/close",
              Subject.CASE,
              CASES_WRITE,
              "{'outcome':'no_answer'}"),
          route("GET /cases/{id}", Subject.CASE, CASES_READ, ""),
          route("POST /cases/{id}/assign", Subject.CASE, CASES_WRITE, "userId={owner}"),
          route("POST /cases/{id}/reply", Subject.CASE, CASES_WRITE, "text=r{n}"),
          route("POST /cases/{id}/status", Subject.CASE, CASES_WRITE, "status=resolved"),
          route("POST /cases/{id}/close", Subject.CASE, CASES_WRITE, "outcome=no_answer"),
          route("GET /api/v1/persons/{id}/care", Subject.PERSON, CASES_READ, ""),
          route("GET /api/v1/accounts/{id}/care", Subject.ACCOUNT, CASES_READ, ""),
          route("GET /care/persons/{id}/panel", Subject.PERSON, CASES_READ, ""),
          route("GET /care/accounts/{id}/panel", Subject.ACCOUNT, CASES_READ, ""),
          // collab: a record's feed, comments and follows
          route("GET /api/v1/feed/persons/{id}", Subject.PERSON, PEOPLE_READ, ""),
          route(
              "POST /api/v1/feed/persons/{id}/comments",
              Subject.PERSON,
              TIMELINE_WRITE,
              "{'text':'m {n}'}"),
          route("PUT /api/v1/feed/persons/{id}/follow", Subject.PERSON, PEOPLE_READ, ""),
          route("DELETE /api/v1/feed/persons/{id}/follow", Subject.PERSON, PEOPLE_READ, ""),
          route("GET /feed/persons/{id}", Subject.PERSON, PEOPLE_READ, ""),
          route("POST /feed/persons/{id}/comments", Subject.PERSON, TIMELINE_WRITE, "text=m+{n}"),
          route("POST /feed/persons/{id}/follow", Subject.PERSON, PEOPLE_READ, ""),
          route("POST /feed/persons/{id}/unfollow", Subject.PERSON, PEOPLE_READ, ""),
          route("GET /api/v1/feed/accounts/{id}", Subject.ACCOUNT, PEOPLE_READ, ""),
          route(
              "POST /api/v1/feed/accounts/{id}/comments",
              Subject.ACCOUNT,
              TIMELINE_WRITE,
              "{'text':'m {n}'}"),
          route("PUT /api/v1/feed/accounts/{id}/follow", Subject.ACCOUNT, PEOPLE_READ, ""),
          route("DELETE /api/v1/feed/accounts/{id}/follow", Subject.ACCOUNT, PEOPLE_READ, ""),
          route("GET /feed/accounts/{id}", Subject.ACCOUNT, PEOPLE_READ, ""),
          route("POST /feed/accounts/{id}/comments", Subject.ACCOUNT, TIMELINE_WRITE, "text=m+{n}"),
          route("POST /feed/accounts/{id}/follow", Subject.ACCOUNT, PEOPLE_READ, ""),
          route("POST /feed/accounts/{id}/unfollow", Subject.ACCOUNT, PEOPLE_READ, ""));

  /** A path segment naming a person, account or identity, or a variable named for one. */
  private static final Pattern RECORD_ROUTE =
      Pattern.compile(
          "/(persons|accounts|identities|mentions|cases)/\\{[^}]+}|\\{(personId|accountId)}");

  /** Whose record a call is about, relative to the caller. */
  enum Relation {
    OWN,
    TEAMMATE,
    OTHER_TEAM
  }

  @Autowired AccessFixtures access;
  @Autowired JdbcClient jdbc;
  @Autowired ApplicationContext context;
  @Autowired ObjectMapper json;
  @Autowired Lifecycle lifecycle;

  private final AtomicLong seq = new AtomicLong();
  private final Map<Role, Caller> callers = new EnumMap<>(Role.class);
  private final Map<String, Records> readRecords = new HashMap<>();
  private TestUser admin;
  private String adminToken;
  private TestUser teammate;
  private TestUser stranger;
  private long productLine;
  private long firstStage;
  private long secondStage;

  // ---- the matrix ----

  @TestFactory
  Stream<DynamicTest> everyRoleSeesAndChangesExactlyTheRecordsVisibilityAllows() {
    setUp();
    List<DynamicTest> tests = new ArrayList<>();
    for (Route route : ROUTES) {
      for (Role role : Role.values()) {
        for (Relation relation : Relation.values()) {
          Outcome expected = expected(route, role, relation);
          tests.add(
              DynamicTest.dynamicTest(
                  route + " as " + role + " on a record of " + relation + " is " + expected,
                  () -> check(route, callers.get(role), relation, expected)));
        }
      }
    }
    return tests.stream();
  }

  /** The rule the table is read with: permission first, then the record's visibility. */
  static Outcome expected(Route route, Role role, Relation relation) {
    if (!role.grants(route.permission())) {
      return Outcome.FORBIDDEN;
    }
    if (relation == Relation.OTHER_TEAM && role != Role.ADMIN) {
      return Outcome.HIDDEN;
    }
    return Outcome.ALLOWED;
  }

  private void check(Route route, Caller caller, Relation relation, Outcome expected)
      throws Exception {
    // a write that is allowed changes its records, so it gets its own; the rest share them (and
    // a refused write that changed them anyway fails on the state check below)
    Records records =
        route.isWrite() && expected == Outcome.ALLOWED
            ? records(caller, relation)
            : readRecords.computeIfAbsent(
                caller.role() + "/" + relation, k -> records(caller, relation));
    String before = state(records);
    MockHttpServletResponse response = call(route, caller, records);
    int status = response.getStatus();
    String body = response.getContentAsString();
    String as = route + " as " + caller.role() + " on " + relation + ": " + abbreviate(body);
    switch (expected) {
      case ALLOWED -> {
        assertThat(status).as(as).isBetween(200, 399);
        if (response.getRedirectedUrl() != null) {
          assertThat(response.getRedirectedUrl()).as(as).doesNotContain("/login");
        }
      }
      case FORBIDDEN -> assertThat(status).as(as).isEqualTo(403);
      case HIDDEN -> {
        if (route.isWrite()) {
          assertThat(status).as(as).isIn(403, 404);
        } else {
          assertThat(status).as(as).isEqualTo(404);
        }
        assertThat(body).as(as).doesNotContain(records.secret());
        assertThat(state(records)).as("%s changed the hidden record", as).isEqualTo(before);
      }
    }
    if (expected != Outcome.ALLOWED) {
      assertThat(state(records)).as("%s changed the record", as).isEqualTo(before);
    }
  }

  // ---- the table covers every route ----

  @Test
  void everyRouteAboutARecordHasAnEntry() throws Exception {
    Set<String> found = new TreeSet<>();
    found.addAll(openApiRoutes());
    found.addAll(handlerRoutes());
    Set<String> listed = ROUTES.stream().map(Route::toString).collect(Collectors.toSet());
    Set<String> missing = new TreeSet<>(found);
    missing.removeAll(listed);
    assertThat(missing)
        .as(
            "routes about a person, account or identity without a line in"
                + " RecordVisibilityMatrixTest.ROUTES (add one, and make the route ask people's"
                + " RecordAccess)")
        .isEmpty();
    Set<String> stale = new TreeSet<>(listed);
    stale.removeAll(found);
    assertThat(stale).as("lines in ROUTES for routes that no longer exist").isEmpty();
    assertThat(found).as("the scan finds the routes we know of").hasSizeGreaterThan(20);
  }

  private Set<String> openApiRoutes() throws Exception {
    TestUser reader = admin == null ? access.user(Role.ADMIN) : admin;
    MockHttpServletResponse response =
        access
            .mvc()
            .perform(
                MockMvcRequestBuilders.get("/api/v1/openapi.json")
                    .with(AccessFixtures.bearer(access.token(reader))))
            .andReturn()
            .getResponse();
    assertThat(response.getStatus()).as("the OpenAPI document").isEqualTo(200);
    JsonNode paths = json.readTree(response.getContentAsString()).get("paths");
    Set<String> routes = new TreeSet<>();
    for (Map.Entry<String, JsonNode> path : paths.properties()) {
      if (RECORD_ROUTE.matcher(path.getKey()).find()) {
        for (Map.Entry<String, JsonNode> op : path.getValue().properties()) {
          routes.add(op.getKey().toUpperCase(java.util.Locale.ROOT) + " " + path.getKey());
        }
      }
    }
    return routes;
  }

  private Set<String> handlerRoutes() {
    Set<String> routes = new TreeSet<>();
    for (RequestMappingHandlerMapping mapping :
        context.getBeansOfType(RequestMappingHandlerMapping.class).values()) {
      for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
        for (String pattern : info.getPatternValues()) {
          if (!RECORD_ROUTE.matcher(pattern).find()) {
            continue;
          }
          var methods = info.getMethodsCondition().getMethods();
          assertThat(methods).as("%s answers every HTTP method", pattern).isNotEmpty();
          methods.forEach(m -> routes.add(m.name() + " " + pattern));
        }
      }
    }
    return routes;
  }

  // ---- the cells, by name ----

  /**
   * The cells the issue reported open (a sales and a support user of another team read the
   * sub-resources; notes and a stage move were accepted; an owner took over a person hidden from
   * them), each now closed.
   */
  @Test
  void theReportedLeaksAreClosed() throws Exception {
    setUp();
    Caller sales = callers.get(Role.SALES);
    Caller support = callers.get(Role.SUPPORT);
    List<String> reads =
        List.of(
            "GET /api/v1/persons/{id}/touchpoints",
            "GET /api/v1/persons/{id}/stages",
            "GET /api/v1/persons/{id}/stages/spells",
            "GET /timeline/persons/{id}",
            "GET /lifecycle/persons/{id}/panel",
            "GET /api/v1/accounts/{id}/touchpoints",
            "GET /timeline/accounts/{id}");
    List<String> writes =
        List.of(
            "POST /api/v1/persons/{id}/touchpoints",
            "POST /timeline/persons/{id}/notes",
            "POST /api/v1/accounts/{id}/touchpoints",
            "POST /timeline/accounts/{id}/notes",
            "POST /api/v1/persons/{id}/stages",
            "POST /lifecycle/persons/{id}/panel");
    for (Caller caller : List.of(sales, support)) {
      for (String r : reads) {
        check(byName(r), caller, Relation.OTHER_TEAM, Outcome.HIDDEN);
      }
      for (String w : writes) {
        check(byName(w), caller, Relation.OTHER_TEAM, expected(byName(w), caller.role(), OTHER));
      }
    }
  }

  private static final Relation OTHER = Relation.OTHER_TEAM;

  @Test
  void anOwnerCannotTakeOverOrGiveAwayAPersonOutOfTheirSight() throws Exception {
    setUp();
    Caller sales = callers.get(Role.SALES);
    // take over a person hidden from them: not found, and the owner stays
    Records hidden = records(sales, Relation.OTHER_TEAM);
    String before = state(hidden);
    MockHttpServletResponse takeOver =
        api(
            "PUT",
            "/api/v1/persons/" + hidden.person(),
            "{'firstName':'Mine','lastName':'Now','ownerUserId':" + sales.user().id() + "}",
            sales.token());
    assertThat(takeOver.getStatus()).isEqualTo(404);
    assertThat(state(hidden)).isEqualTo(before);
    // hand their own person to another team, out of their own sight: refused, nothing changes
    Records own = records(sales, Relation.OWN);
    String ownBefore = state(own);
    MockHttpServletResponse giveAway =
        api(
            "PUT",
            "/api/v1/persons/" + own.person(),
            "{'firstName':'Given','lastName':'Away','ownerUserId':" + stranger.id() + "}",
            sales.token());
    assertThat(giveAway.getStatus()).as(giveAway.getContentAsString()).isEqualTo(400);
    assertThat(giveAway.getContentAsString()).contains("ownerUserId");
    assertThat(state(own)).isEqualTo(ownBefore);
  }

  // ---- set-up: users, visibility, records ----

  private synchronized void setUp() {
    if (admin != null) {
      return;
    }
    Team north = access.team();
    Team south = access.team();
    admin = access.user(Role.ADMIN);
    adminToken = access.token(admin);
    teammate = access.user(Role.SALES, north);
    stranger = access.user(Role.SALES, south);
    for (Role role : Role.values()) {
      TestUser user = access.user(role, north);
      callers.put(role, new Caller(role, user, access.token(user)));
    }
    productLine = lifecycle.productLines().get(0).id();
    var stages = lifecycle.activeModel().stages();
    firstStage = stages.get(0).id();
    secondStage = stages.get(1).id();
    setVisibility("person", "team");
    setVisibility("account", "team");
    // the records made here enter no stage by themselves, so a move finds them where the test
    // left them (the entry rule runs after the commit, on its own thread)
    jdbc.sql("update lifecycle_entry set enters = false").update();
  }

  @AfterAll
  void restoreVisibility() throws Exception {
    if (admin != null) {
      setVisibility("person", "everyone");
      setVisibility("account", "everyone");
      jdbc.sql("update lifecycle_entry set enters = true, stage_id = null").update();
    }
  }

  private void setVisibility(String type, String level) {
    try {
      MockHttpServletResponse r =
          api("PUT", "/api/v1/visibility/" + type, "{'level':'" + level + "'}", adminToken);
      assertThat(r.getStatus()).as(r.getContentAsString()).isEqualTo(200);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * A person (with an identity, a private note and a stage with a private reason) and an account
   * (with a private note), both owned by the caller, a teammate or another team's user.
   */
  private Records records(Caller caller, Relation relation) {
    long owner =
        switch (relation) {
          case OWN -> caller.user().id();
          case TEAMMATE -> teammate.id();
          case OTHER_TEAM -> stranger.id();
        };
    String secret = "secret-" + UUID.randomUUID();
    long account =
        created(
            api(
                "POST",
                "/api/v1/accounts",
                "{'name':'Vis Co " + next() + "','ownerUserId':" + owner + "}",
                adminToken));
    long person =
        created(
            api(
                "POST",
                "/api/v1/persons",
                "{'firstName':'Vis','lastName':'P"
                    + next()
                    + "','ownerUserId':"
                    + owner
                    + ",'accountId':"
                    + account
                    + "}",
                adminToken));
    long identity =
        created(
            api(
                "POST",
                "/api/v1/persons/" + person + "/identities",
                "{'network':'mastodon','handle':'@vis" + next() + "@example.social'}",
                adminToken));
    created(api("POST", "/api/v1/persons/" + person + "/touchpoints", note(secret), adminToken));
    created(api("POST", "/api/v1/accounts/" + account + "/touchpoints", note(secret), adminToken));
    created(
        api(
            "POST",
            "/api/v1/persons/" + person + "/stages",
            "{'productLineId':"
                + productLine
                + ",'stageId':"
                + firstStage
                + ",'why':'"
                + secret
                + "'}",
            adminToken));
    jdbc.sql(
            "insert into listening_mention (network, native_id, author_handle, text, created_at,"
                + " metrics, rule_ids, spans, readings, captured_at, author_person_id)"
                + " values ('mastodon', :nid, :handle, :text, current_timestamp, '{}', '', '[]',"
                + " '{}', current_timestamp, :person)")
        .param("nid", "matrix-" + secret)
        .param("handle", "@vis" + next() + "@example.social")
        .param("text", "a post that says " + secret)
        .param("person", person)
        .update();
    long mention =
        jdbc.sql("select id from listening_mention where native_id = :nid")
            .param("nid", "matrix-" + secret)
            .query(Long.class)
            .single();
    jdbc.sql(
            "insert into care_case (person_id, account_id, thread_key, open_thread_key, network,"
                + " reason, excerpt, priority, status, routed_by, sla_minutes, opened_at, due_at)"
                + " values (:p, :a, :t, :t, 'mastodon', 'complaint', :text, 'high', 'new',"
                + " 'matrix', 240, current_timestamp, current_timestamp)")
        .param("p", person)
        .param("a", account)
        .param("t", "matrix|" + secret)
        .param("text", "a case that says " + secret)
        .update();
    long careCase =
        jdbc.sql("select id from care_case where thread_key = :t")
            .param("t", "matrix|" + secret)
            .query(Long.class)
            .single();
    return new Records(person, account, identity, mention, careCase, owner, secret);
  }

  private String note(String secret) {
    long n = next();
    return "{'kind':'note','channel':'note','occurredAt':'2026-01-02T03:04:05Z','summary':'"
        + secret
        + "','source':{'type':'matrix','id':'s"
        + n
        + "'}}";
  }

  /** Everything the routes could change about the records, as one comparable text. */
  private String state(Records r) {
    Map<String, Object> state = new LinkedHashMap<>();
    state.put(
        "person",
        jdbc.sql("select * from person where id = :id")
            .param("id", r.person())
            .query()
            .listOfRows());
    state.put(
        "account",
        jdbc.sql("select * from account where id = :id")
            .param("id", r.account())
            .query()
            .listOfRows());
    state.put(
        "identity",
        jdbc.sql("select * from social_identity where id = :id")
            .param("id", r.identity())
            .query()
            .listOfRows());
    state.put(
        "identities",
        count("select count(*) from social_identity where person_id = :id", r.person()));
    state.put(
        "emails", count("select count(*) from person_email where person_id = :id", r.person()));
    state.put(
        "personTouchpoints",
        count("select count(*) from touchpoint where person_id = :id", r.person()));
    state.put(
        "accountTouchpoints",
        count("select count(*) from touchpoint where account_id = :id", r.account()));
    state.put(
        "mention",
        jdbc.sql("select * from listening_mention where id = :id")
            .param("id", r.mention())
            .query()
            .listOfRows());
    state.put(
        "stages", count("select count(*) from stage_change where person_id = :id", r.person()));
    state.put(
        "case",
        jdbc.sql("select * from care_case where id = :id")
            .param("id", r.careCase())
            .query()
            .listOfRows());
    state.put(
        "caseHistory",
        count("select count(*) from care_case_event where case_id = :id", r.careCase()));
    return state.toString();
  }

  private long count(String sql, long id) {
    return jdbc.sql(sql).param("id", id).query(Long.class).single();
  }

  // ---- calls ----

  private MockHttpServletResponse call(Route route, Caller caller, Records records)
      throws Exception {
    long id =
        switch (route.subject()) {
          case PERSON -> records.person();
          case ACCOUNT -> records.account();
          case IDENTITY -> records.identity();
          case MENTION -> records.mention();
          case CASE -> records.careCase();
        };
    String path = route.path().replaceAll("\\{[^}]+}", Long.toString(id));
    String extra = resolve(route.extra(), records);
    if (extra.startsWith("?")) {
      path += extra;
      extra = "";
    }
    boolean hasBody = !extra.isEmpty();
    if (route.isApi()) {
      return api(route.method(), path, hasBody ? extra : null, caller.token());
    }
    MockHttpServletRequestBuilder request =
        MockMvcRequestBuilders.request(HttpMethod.valueOf(route.method()), path)
            .header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8")
            .header("HX-Request", "true")
            .with(csrf())
            .with(caller.user().session());
    if (hasBody) {
      request.contentType(MediaType.APPLICATION_FORM_URLENCODED).content(extra);
    }
    return access.mvc().perform(request).andReturn().getResponse();
  }

  private MockHttpServletResponse api(String method, String path, String body, String token) {
    try {
      MockHttpServletRequestBuilder request =
          MockMvcRequestBuilders.request(HttpMethod.valueOf(method), path)
              .accept(MediaType.APPLICATION_JSON)
              .with(AccessFixtures.bearer(token));
      if (body != null) {
        request.contentType(MediaType.APPLICATION_JSON).content(body.replace('\'', '"'));
      }
      return access.mvc().perform(request).andReturn().getResponse();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private String resolve(String template, Records r) {
    Map<String, String> values =
        Map.of(
            "owner", Long.toString(r.owner()),
            "account", Long.toString(r.account()),
            "productLine", Long.toString(productLine),
            "stage", Long.toString(secondStage));
    Matcher m = Pattern.compile("\\{(\\w+)}").matcher(template);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String value = m.group(1).equals("n") ? Long.toString(next()) : values.get(m.group(1));
      if (value == null) {
        throw new IllegalArgumentException("unknown placeholder " + m.group() + " in " + template);
      }
      m.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    m.appendTail(out);
    return out.toString();
  }

  private long next() {
    return seq.incrementAndGet() * 1000 + (System.nanoTime() % 1000 + 1000) % 1000;
  }

  private static long created(MockHttpServletResponse response) {
    try {
      String body = response.getContentAsString();
      assertThat(response.getStatus()).as(body).isBetween(200, 201);
      return Long.parseLong(body.replaceAll("(?s).*?\"id\"\\s*:\\s*(\\d+).*", "$1"));
    } catch (java.io.UnsupportedEncodingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String abbreviate(String body) {
    return body.length() > 300 ? body.substring(0, 300) + "…" : body;
  }

  private static Route byName(String name) {
    return ROUTES.stream()
        .filter(r -> r.toString().equals(name))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no route " + name));
  }

  // ---- values ----

  enum Outcome {
    ALLOWED,
    FORBIDDEN,
    HIDDEN
  }

  /** One line of the table. */
  record Route(String method, String path, Subject subject, Permission permission, String extra) {

    boolean isWrite() {
      return !method.equals("GET");
    }

    boolean isApi() {
      return path.startsWith("/api/");
    }

    @Override
    public String toString() {
      return method + " " + path;
    }
  }

  static Route route(String route, Subject subject, Permission permission, String extra) {
    String[] parts = route.split(" ", 2);
    return new Route(parts[0], parts[1], subject, permission, extra);
  }

  record Caller(Role role, TestUser user, String token) {}

  /** The records of one cell and the text that must never reach a caller who may not see them. */
  record Records(
      long person,
      long account,
      long identity,
      long mention,
      long careCase,
      long owner,
      String secret) {}
}
