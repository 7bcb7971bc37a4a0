package dev.rapport;

import static dev.rapport.access.Permission.ADVOCACY_WRITE;
import static dev.rapport.access.Permission.AUDIT_READ;
import static dev.rapport.access.Permission.CAMPAIGNS_ADMIN;
import static dev.rapport.access.Permission.IMPORT_RUN;
import static dev.rapport.access.Permission.LIFECYCLE_ADMIN;
import static dev.rapport.access.Permission.LIFECYCLE_READ;
import static dev.rapport.access.Permission.LIFECYCLE_WRITE;
import static dev.rapport.access.Permission.LISTENING_ADMIN;
import static dev.rapport.access.Permission.LISTENING_READ;
import static dev.rapport.access.Permission.PEOPLE_READ;
import static dev.rapport.access.Permission.PEOPLE_WRITE;
import static dev.rapport.access.Permission.PRIVACY_ADMIN;
import static dev.rapport.access.Permission.TIMELINE_READ;
import static dev.rapport.access.Permission.TIMELINE_WRITE;
import static dev.rapport.access.Permission.USERS_ADMIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import dev.rapport.access.Permission;
import dev.rapport.access.Role;
import dev.rapport.access.Team;
import dev.rapport.access.tokens.TokenScope;
import dev.rapport.people.Network;
import dev.rapport.people.PersonId;
import dev.rapport.people.SocialIdentities;
import dev.rapport.support.AccessFixtures;
import dev.rapport.support.AccessFixtures.TestUser;
import dev.rapport.support.PersistenceTest;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * Roles × endpoints: every endpoint is called by a user of every role, by nobody signed in and, for
 * writes, with a read-only token, and each answer must be exactly "allowed" (2xx/3xx) or "denied"
 * (403; 401 or the sign-in page when not signed in) as the endpoint's permission and {@link Role}'s
 * table say.
 *
 * <p>To add an endpoint, add one line to {@link #ENDPOINTS}: method, path, body, who may call it.
 * Paths under /api are called with an API token and a JSON body; other paths as a browser session
 * with a CSRF token and a form body. Placeholders in paths and bodies: {@code {n}} a unique number,
 * {@code {user}} and {@code {team}} an existing user and team, {@code {freshTeam}} a team created
 * for this call, {@code {myToken}} a token and {@code {myFilter}} a saved mention filter of the
 * calling user created for this call. A feature that needs its own record (say a person) adds a
 * placeholder to {@link #placeholders()}.
 */
@PersistenceTest
class RoleEndpointMatrixTest {

  static final String NO_BODY = null;

  // method, path, body, who may call it
  static final List<Endpoint> ENDPOINTS =
      List.of(
          // workspace (main)
          endpoint("GET", "/login", NO_BODY, Who.ANYONE),
          endpoint("GET", "/actuator/health", NO_BODY, Who.ANYONE),
          endpoint("GET", "/", NO_BODY, Who.SIGNED_IN),
          endpoint("GET", "/nav/counts", NO_BODY, Who.SIGNED_IN),
          endpoint("GET", "/api/v1/openapi.json", NO_BODY, Who.SIGNED_IN),
          // access: API
          endpoint("GET", "/api/v1/me", NO_BODY, Who.SIGNED_IN),
          endpoint("GET", "/api/v1/me/tokens", NO_BODY, Who.SIGNED_IN),
          endpoint("POST", "/api/v1/me/tokens", "{'name':'t{n}','scope':'read'}", Who.SIGNED_IN),
          endpoint("DELETE", "/api/v1/me/tokens/{myToken}", NO_BODY, Who.SIGNED_IN),
          endpoint(
              "PUT",
              "/api/v1/me/password",
              "{'currentPassword':'{myPassword}','newPassword':'{myPassword}'}",
              Who.SIGNED_IN),
          endpoint("GET", "/api/v1/users?q=u&sort=-createdAt", NO_BODY, USERS_ADMIN),
          endpoint(
              "POST",
              "/api/v1/users",
              "{'username':'m{n}','displayName':'M','password':'long enough"
                  + " pw','roles':['viewer']}",
              USERS_ADMIN),
          endpoint("GET", "/api/v1/users/{user}", NO_BODY, USERS_ADMIN),
          endpoint("PATCH", "/api/v1/users/{user}", "{'displayName':'Renamed {n}'}", USERS_ADMIN),
          endpoint("GET", "/api/v1/teams", NO_BODY, USERS_ADMIN),
          endpoint("POST", "/api/v1/teams", "{'name':'Matrix {n}'}", USERS_ADMIN),
          endpoint("GET", "/api/v1/teams/{team}", NO_BODY, USERS_ADMIN),
          endpoint("PATCH", "/api/v1/teams/{freshTeam}", "{'name':'Renamed {n}'}", USERS_ADMIN),
          endpoint("DELETE", "/api/v1/teams/{freshTeam}", NO_BODY, USERS_ADMIN),
          endpoint("GET", "/api/v1/visibility", NO_BODY, USERS_ADMIN),
          endpoint("PUT", "/api/v1/visibility/case", "{'level':'everyone'}", USERS_ADMIN),
          endpoint("GET", "/api/v1/audit?objectType=team", NO_BODY, AUDIT_READ),
          // access: pages
          endpoint("GET", "/settings", NO_BODY, Who.SIGNED_IN),
          endpoint("GET", "/me/tokens", NO_BODY, Who.SIGNED_IN),
          endpoint("POST", "/me/tokens", "name=t{n}&scope=read", Who.SIGNED_IN),
          endpoint("POST", "/me/tokens/{myToken}/revoke", NO_BODY, Who.SIGNED_IN),
          endpoint(
              "POST",
              "/me/password",
              "currentPassword={myPassword}&newPassword={myPassword}",
              Who.SIGNED_IN),
          endpoint("GET", "/settings/users", NO_BODY, USERS_ADMIN),
          endpoint(
              "POST",
              "/settings/users",
              "username=f{n}&displayName=F&password=long+enough+pw&roles=viewer",
              USERS_ADMIN),
          endpoint("GET", "/settings/users/{user}", NO_BODY, USERS_ADMIN),
          endpoint(
              "POST",
              "/settings/users/{user}",
              "displayName=Formed+{n}&roles=viewer&enabled=true",
              USERS_ADMIN),
          endpoint("GET", "/settings/teams", NO_BODY, USERS_ADMIN),
          endpoint("POST", "/settings/teams", "name=Form+{n}", USERS_ADMIN),
          endpoint("POST", "/settings/teams/{freshTeam}", "name=Form+renamed+{n}", USERS_ADMIN),
          endpoint("POST", "/settings/teams/{freshTeam}/delete", NO_BODY, USERS_ADMIN),
          endpoint("GET", "/settings/visibility", NO_BODY, USERS_ADMIN),
          endpoint("POST", "/settings/visibility", "level_case=everyone", USERS_ADMIN),
          endpoint("GET", "/settings/audit?objectType=user", NO_BODY, AUDIT_READ),
          // people: API
          endpoint("GET", "/api/v1/persons?q=matrix&sort=created,desc", NO_BODY, PEOPLE_READ),
          endpoint("GET", "/api/v1/persons/{person}", NO_BODY, PEOPLE_READ),
          endpoint("GET", "/api/v1/persons/{person}/identities", NO_BODY, PEOPLE_READ),
          endpoint(
              "POST", "/api/v1/persons", "{'firstName':'Matrix','lastName':'P{n}'}", PEOPLE_WRITE),
          endpoint("DELETE", "/api/v1/persons/{freshPerson}", NO_BODY, PEOPLE_WRITE),
          endpoint("GET", "/api/v1/accounts", NO_BODY, PEOPLE_READ),
          endpoint("POST", "/api/v1/accounts", "{'name':'Matrix Co {n}'}", PEOPLE_WRITE),
          endpoint("GET", "/api/v1/merges", NO_BODY, PEOPLE_READ),
          endpoint("GET", "/api/v1/merges/proposals", NO_BODY, PEOPLE_READ),
          endpoint("GET", "/api/v1/icp", NO_BODY, PEOPLE_READ),
          endpoint("GET", "/api/v1/imports", NO_BODY, IMPORT_RUN),
          // people: privacy
          endpoint("GET", "/api/v1/persons/{person}/export", NO_BODY, PEOPLE_READ),
          endpoint(
              "POST", "/api/v1/persons/{freshPerson}/erase", "{'reason':'matrix'}", PRIVACY_ADMIN),
          endpoint("GET", "/api/v1/privacy/blocklist", NO_BODY, PRIVACY_ADMIN),
          endpoint("DELETE", "/api/v1/privacy/blocklist/{blockEntry}", NO_BODY, PRIVACY_ADMIN),
          endpoint("GET", "/persons/{person}/erase", NO_BODY, PRIVACY_ADMIN),
          endpoint("POST", "/persons/{freshPerson}/erase", "reason=matrix", PRIVACY_ADMIN),
          endpoint("GET", "/settings/privacy", NO_BODY, PRIVACY_ADMIN),
          endpoint(
              "POST", "/settings/privacy/blocklist/{blockEntry}/remove", NO_BODY, PRIVACY_ADMIN),
          // people: pages
          endpoint("GET", "/persons", NO_BODY, PEOPLE_READ),
          endpoint("GET", "/persons/{person}", NO_BODY, PEOPLE_READ),
          endpoint("GET", "/persons/new", NO_BODY, PEOPLE_WRITE),
          endpoint("GET", "/accounts", NO_BODY, PEOPLE_READ),
          endpoint("GET", "/merges", NO_BODY, PEOPLE_READ),
          endpoint("GET", "/imports", NO_BODY, IMPORT_RUN),
          endpoint("GET", "/settings/icp", NO_BODY, PEOPLE_READ),
          // workspace: search and the panels it composes
          endpoint("GET", "/search?q=matrix", NO_BODY, PEOPLE_READ),
          endpoint("GET", "/interests/persons/{person}", NO_BODY, LISTENING_READ),
          endpoint("GET", "/lifecycle/stage-cells?persons={person}", NO_BODY, LIFECYCLE_READ),
          // timeline
          endpoint("GET", "/api/v1/persons/{person}/touchpoints", NO_BODY, TIMELINE_READ),
          endpoint(
              "POST",
              "/api/v1/persons/{person}/touchpoints",
              "{'kind':'note','channel':'matrix','occurredAt':'2026-01-02T03:04:05Z',"
                  + "'summary':'matrix {n}','source':{'type':'matrix','id':'{n}'}}",
              TIMELINE_WRITE),
          endpoint("GET", "/timeline/persons/{person}", NO_BODY, TIMELINE_READ),
          endpoint("POST", "/timeline/persons/{person}/notes", "text=matrix+{n}", TIMELINE_WRITE),
          // lifecycle
          endpoint("GET", "/api/v1/lifecycle/models", NO_BODY, LIFECYCLE_READ),
          endpoint("GET", "/api/v1/lifecycle/product-lines", NO_BODY, LIFECYCLE_READ),
          endpoint("GET", "/api/v1/persons/{person}/stages", NO_BODY, LIFECYCLE_READ),
          endpoint("GET", "/settings/lifecycle", NO_BODY, LIFECYCLE_READ),
          endpoint("GET", "/lifecycle/persons/{person}/panel", NO_BODY, LIFECYCLE_READ),
          endpoint("GET", "/api/v1/lifecycle/entry", NO_BODY, LIFECYCLE_READ),
          endpoint("PUT", "/api/v1/lifecycle/entry/manual", "{'enters':true}", LIFECYCLE_ADMIN),
          endpoint("GET", "/settings/lifecycle/entry", NO_BODY, LIFECYCLE_READ),
          endpoint("POST", "/settings/lifecycle/entry/manual", "stage=auto", LIFECYCLE_ADMIN),
          // sales: leads and scores
          endpoint("GET", "/api/v1/leads?sort=intent", NO_BODY, LIFECYCLE_READ),
          endpoint("GET", "/api/v1/leads/settings", NO_BODY, LIFECYCLE_READ),
          endpoint(
              "PUT",
              "/api/v1/leads/settings",
              "{'engagementHalfLifeDays':30,'intentHalfLifeDays':14,'thresholds':{leadThresholds}}",
              LIFECYCLE_ADMIN),
          endpoint("GET", "/api/v1/persons/{person}/score", NO_BODY, LIFECYCLE_READ),
          endpoint("GET", "/leads", NO_BODY, LIFECYCLE_READ),
          endpoint("GET", "/leads?sort=intent", NO_BODY, LIFECYCLE_READ),
          endpoint("GET", "/leads/persons/{person}/panel", NO_BODY, LIFECYCLE_READ),
          endpoint("POST", "/leads/persons/{person}/panel", NO_BODY, LIFECYCLE_WRITE),
          endpoint("GET", "/brief/persons/{person}", NO_BODY, LISTENING_READ),
          endpoint("GET", "/brief/persons/{person}/panel", NO_BODY, LISTENING_READ),
          endpoint("GET", "/settings/leads", NO_BODY, LIFECYCLE_READ),
          endpoint("GET", "/touch", NO_BODY, TIMELINE_READ),
          endpoint("GET", "/touch/persons/{person}/panel", NO_BODY, TIMELINE_READ),
          endpoint("POST", "/touch/persons/{person}/cadence", "everyDays=30", TIMELINE_WRITE),
          endpoint(
              "POST", "/touch/persons/{person}/snooze", "days=2&reason=matrix", TIMELINE_WRITE),
          endpoint("GET", "/settings/touch", NO_BODY, LIFECYCLE_READ),
          endpoint("POST", "/settings/touch", "", LIFECYCLE_ADMIN),
          endpoint("GET", "/api/v1/touch/due", NO_BODY, TIMELINE_READ),
          endpoint("GET", "/api/v1/persons/{person}/cadence", NO_BODY, TIMELINE_READ),
          endpoint("PUT", "/api/v1/persons/{person}/cadence", "{'everyDays':30}", TIMELINE_WRITE),
          endpoint("POST", "/api/v1/persons/{person}/snooze", "{'days':2}", TIMELINE_WRITE),
          endpoint(
              "POST",
              "/settings/leads",
              "engagementHalfLifeDays=30&intentHalfLifeDays=14",
              LIFECYCLE_ADMIN),
          endpoint("POST", "/api/v1/persons/{person}/score", NO_BODY, LIFECYCLE_WRITE),
          // listening
          endpoint("GET", "/api/v1/mentions", NO_BODY, LISTENING_READ),
          endpoint("GET", "/api/v1/sources", NO_BODY, LISTENING_READ),
          endpoint("GET", "/api/v1/dead-letters", NO_BODY, LISTENING_READ),
          endpoint("GET", "/api/v1/ingest/stats", NO_BODY, LISTENING_READ),
          endpoint("POST", "/api/v1/ingest/stats/reset", NO_BODY, LISTENING_ADMIN),
          endpoint("GET", "/api/v1/listening/rules", NO_BODY, LISTENING_READ),
          endpoint(
              "POST",
              "/api/v1/listening/rules",
              "{'name':'m{n}','keywords':'matrixword{n}'}",
              LISTENING_ADMIN),
          endpoint(
              "POST",
              "/api/v1/listening/rules",
              "{'name':'q{n}','query':'matrixword{n} NEAR/3 crm'}",
              LISTENING_ADMIN),
          endpoint("GET", "/api/v1/listening/rules/{rule}", NO_BODY, LISTENING_READ),
          endpoint(
              "PUT",
              "/api/v1/listening/rules/{rule}",
              "{'name':'matrix rule','query':'matrixrule OR matrixword{n}'}",
              LISTENING_ADMIN),
          endpoint("POST", "/api/v1/listening/rules/{rule}/disable", NO_BODY, LISTENING_ADMIN),
          endpoint("POST", "/api/v1/listening/rules/{rule}/enable", NO_BODY, LISTENING_ADMIN),
          endpoint(
              "POST",
              "/api/v1/listening/rules/test",
              "{'query':'matrixword{n} OR crm','limit':20}",
              LISTENING_READ),
          endpoint("GET", "/listening", NO_BODY, LISTENING_READ),
          endpoint("GET", "/listening/sources", NO_BODY, LISTENING_READ),
          endpoint(
              "GET", "/api/v1/mentions?sentiment=negative&page=0&size=5", NO_BODY, LISTENING_READ),
          endpoint("POST", "/listening/filters", "name=f{n}&sentiment=negative", LISTENING_READ),
          endpoint("GET", "/api/v1/mention-filters", NO_BODY, LISTENING_READ),
          endpoint(
              "POST",
              "/api/v1/mention-filters",
              "{'name':'f{n}','filter':{'sentiment':'negative'}}",
              LISTENING_READ),
          endpoint("PUT", "/api/v1/mention-filters/{myFilter}", "{'name':'r{n}'}", LISTENING_READ),
          endpoint("DELETE", "/api/v1/mention-filters/{myFilter}", NO_BODY, LISTENING_READ),
          endpoint("GET", "/listening/rules", NO_BODY, LISTENING_READ),
          endpoint("GET", "/listening/rules/{rule}/edit", NO_BODY, LISTENING_READ),
          endpoint("POST", "/listening/rules", "name=f{n}&query=formword{n}", LISTENING_ADMIN),
          endpoint(
              "POST",
              "/listening/rules/{rule}",
              "name=matrix+rule&query=matrixrule+OR+formword{n}",
              LISTENING_ADMIN),
          endpoint("POST", "/listening/rules/{rule}/disable", NO_BODY, LISTENING_ADMIN),
          endpoint("POST", "/listening/rules/{rule}/enable", NO_BODY, LISTENING_ADMIN),
          endpoint("POST", "/listening/rules/test", "query=formword{n}+OR+crm", LISTENING_READ),
          // sales: the response inbox ({inboxItem} is a complaint assigned to the caller)
          endpoint("GET", "/api/v1/inbox/items?view=open", NO_BODY, TIMELINE_READ),
          endpoint("GET", "/api/v1/inbox/items/{inboxItem}", NO_BODY, TIMELINE_READ),
          endpoint(
              "POST",
              "/api/v1/inbox/items/{inboxItem}/assign",
              "{'userId':{user}}",
              TIMELINE_WRITE),
          endpoint(
              "POST",
              "/api/v1/inbox/items/{inboxItem}/snooze",
              "{'until':'{soon}'}",
              TIMELINE_WRITE),
          endpoint("POST", "/api/v1/inbox/items/{inboxItem}/done", NO_BODY, TIMELINE_WRITE),
          endpoint(
              "POST",
              "/api/v1/inbox/assign",
              "{'itemIds':[{inboxItem}],'userId':{user}}",
              TIMELINE_WRITE),
          endpoint("GET", "/api/v1/inbox/numbers", NO_BODY, TIMELINE_READ),
          endpoint("GET", "/api/v1/persons/{person}/inbox", NO_BODY, TIMELINE_READ),
          endpoint("GET", "/api/v1/inbox/routes", NO_BODY, TIMELINE_READ),
          endpoint(
              "POST",
              "/api/v1/inbox/routes",
              "{'name':'m{n}','enabled':false,'assignUserId':{user}}",
              USERS_ADMIN),
          endpoint(
              "PUT",
              "/api/v1/inbox/routes/{inboxRoute}",
              "{'name':'r{n}','enabled':false,'assignUserId':{user}}",
              USERS_ADMIN),
          endpoint("POST", "/api/v1/inbox/routes/{inboxRoute}/move", "{'up':true}", USERS_ADMIN),
          endpoint("DELETE", "/api/v1/inbox/routes/{inboxRoute}", NO_BODY, USERS_ADMIN),
          endpoint("GET", "/api/v1/inbox/settings", NO_BODY, TIMELINE_READ),
          endpoint("PUT", "/api/v1/inbox/settings", "{'sla':{'praise':480}}", USERS_ADMIN),
          endpoint("GET", "/inbox?view=mine", NO_BODY, TIMELINE_READ),
          endpoint("POST", "/inbox/items/{inboxItem}/assign", "userId={user}", TIMELINE_WRITE),
          endpoint("POST", "/inbox/items/{inboxItem}/snooze", "for=1h", TIMELINE_WRITE),
          endpoint("POST", "/inbox/items/{inboxItem}/done", NO_BODY, TIMELINE_WRITE),
          endpoint("POST", "/inbox/items/{inboxItem}/reply", "text=thanks", TIMELINE_WRITE),
          endpoint("POST", "/inbox/assign", "itemIds={inboxItem}&userId={user}", TIMELINE_WRITE),
          // advocacy: advocates, leaderboard, asks, referral codes, campaigns
          endpoint("GET", "/api/v1/advocates?status=advocate&size=5", NO_BODY, PEOPLE_READ),
          endpoint("POST", "/api/v1/advocates", "{'personId':{freshPerson}}", ADVOCACY_WRITE),
          endpoint("GET", "/api/v1/advocates/leaderboard", NO_BODY, PEOPLE_READ),
          endpoint("GET", "/api/v1/advocacy/settings", NO_BODY, PEOPLE_READ),
          endpoint(
              "PUT",
              "/api/v1/advocacy/settings",
              "{'threshold':30,'landingUrl':'https://rapport.example/'}",
              CAMPAIGNS_ADMIN),
          endpoint("GET", "/api/v1/persons/{person}/advocacy", NO_BODY, PEOPLE_READ),
          endpoint("POST", "/api/v1/persons/{person}/asks", "{'kind':'quote'}", ADVOCACY_WRITE),
          endpoint("GET", "/api/v1/asks?open=true", NO_BODY, PEOPLE_READ),
          endpoint("POST", "/api/v1/asks/{freshAsk}/outcome", "{'outcome':'done'}", ADVOCACY_WRITE),
          endpoint("GET", "/api/v1/referrals", NO_BODY, PEOPLE_READ),
          endpoint("POST", "/api/v1/referrals", "{'personId':{advocate}}", ADVOCACY_WRITE),
          endpoint("GET", "/api/v1/referrals/{liveCode}", NO_BODY, PEOPLE_READ),
          endpoint("POST", "/api/v1/referrals/{freshCode}/revoke", NO_BODY, ADVOCACY_WRITE),
          endpoint("POST", "/api/v1/referrals/signup-token", NO_BODY, CAMPAIGNS_ADMIN),
          endpoint("GET", "/api/v1/campaigns", NO_BODY, PEOPLE_READ),
          endpoint(
              "POST",
              "/api/v1/campaigns",
              "{'name':'matrix {n}','channel':'email','startsOn':'2026-01-01',"
                  + "'landingUrl':'https://rapport.example/'}",
              CAMPAIGNS_ADMIN),
          endpoint("GET", "/api/v1/campaigns/{campaign}", NO_BODY, PEOPLE_READ),
          endpoint(
              "POST",
              "/api/v1/campaigns/{campaign}/links",
              "{'url':'https://rapport.example/?utm_source=a&utm_medium=b&utm_campaign=m{n}'}",
              CAMPAIGNS_ADMIN),
          endpoint(
              "GET",
              "/api/v1/campaigns/touchpoints/{attributedTouchpoint}",
              NO_BODY,
              TIMELINE_READ),
          endpoint("GET", "/advocates", NO_BODY, PEOPLE_READ),
          endpoint("POST", "/advocates/codes", "personId={advocate}", ADVOCACY_WRITE),
          endpoint("POST", "/advocates/codes/{freshCode}/revoke", NO_BODY, ADVOCACY_WRITE),
          endpoint("POST", "/advocates/asks", "personId={person}&kind=review", ADVOCACY_WRITE),
          endpoint("POST", "/advocates/asks/{freshAsk}/outcome", "outcome=done", ADVOCACY_WRITE),
          endpoint("GET", "/campaigns", NO_BODY, PEOPLE_READ),
          endpoint(
              "POST",
              "/campaigns",
              "name=matrix+page+{n}&channel=email&startsOn=2026-01-01"
                  + "&landingUrl=https%3A%2F%2Frapport.example%2F",
              CAMPAIGNS_ADMIN),
          endpoint(
              "POST",
              "/campaigns/{campaign}/links",
              "url=https%3A%2F%2Frapport.example%2F%3Futm_source%3Da%26utm_medium%3Db"
                  + "%26utm_campaign%3Dp{n}",
              CAMPAIGNS_ADMIN),
          // the public referral link: anyone, no sign-in (a redirect to the landing page)
          endpoint("GET", "/r/{liveCode}", NO_BODY, Who.ANYONE));

  @Autowired AccessFixtures access;
  @Autowired JdbcClient jdbc;
  @Autowired SocialIdentities identities;

  private final AtomicLong seq = new AtomicLong();
  private final Map<Role, Caller> callers = new EnumMap<>(Role.class);
  private Team team;
  private TestUser someUser;

  private PersonId person;

  private Long rule;

  /** One listening rule, made straight in the table (the rule endpoints edit it). */
  private long rule() {
    if (rule == null) {
      jdbc.sql(
              "insert into listening_rule (name, keywords, enabled, created_at)"
                  + " values ('matrix rule', 'matrixrule', true, current_timestamp)")
          .update();
      rule =
          jdbc.sql("select max(id) from listening_rule where name = 'matrix rule'")
              .query(Long.class)
              .single();
    }
    return rule;
  }

  /**
   * A fresh inbox complaint about the shared person, assigned to the caller so that every role that
   * works the inbox sees it (support sees complaints routed to it), made straight in the table.
   */
  private long inboxItem(Caller c) {
    long mention = seq.incrementAndGet() + 8_000_000_000L + System.nanoTime() % 1_000_000_000L;
    jdbc.sql(
            "insert into inbox_item (mention_id, person_id, network, readings, sla_reading,"
                + " caution, rule_ids, status, assignee_user_id, created_at, due_at)"
                + " values (:m, :p, 'mastodon', 'complaint', 'complaint', false, '', :s, :u,"
                + " current_timestamp, current_timestamp)")
        .param("m", mention)
        .param("p", person().value())
        .param("s", c == null ? "new" : "assigned")
        .param("u", c == null ? null : c.user().id())
        .update();
    return jdbc.sql("select id from inbox_item where mention_id = :m")
        .param("m", mention)
        .query(Long.class)
        .single();
  }

  /** A fresh, disabled routing rule (the route endpoints edit, move and delete it). */
  private long inboxRoute() {
    String name = "matrix route " + seq.incrementAndGet();
    jdbc.sql(
            "insert into inbox_route (position, name, enabled, assign_user_id, created_at)"
                + " values (1000, :n, false, :u, current_timestamp)")
        .param("n", name)
        .param("u", someUser.id())
        .update();
    return jdbc.sql("select id from inbox_route where name = :n")
        .param("n", name)
        .query(Long.class)
        .single();
  }

  /** One person, without an owner so that every role may see it. */
  private PersonId person() {
    if (person == null) {
      person = newPerson();
    }
    return person;
  }

  /** A fresh erasure blocklist entry (a hash of nothing in particular). */
  private long blockEntry() {
    String hash =
        java.util.HexFormat.of()
            .formatHex(UUID.randomUUID().toString().getBytes())
            .substring(0, 64);
    jdbc.sql(
            "insert into privacy_blocklist (kind, network, hash, reason, blocked_at, blocked_by)"
                + " values ('handle', 'other', :h, 'matrix', current_timestamp, 'matrix')")
        .param("h", hash)
        .update();
    return jdbc.sql("select id from privacy_blocklist where hash = :h")
        .param("h", hash)
        .query(Long.class)
        .single();
  }

  private PersonId newPerson() {
    return identities.resolveAuthor(
        Network.OTHER, "matrix-" + UUID.randomUUID(), null, "Matrix Person", null, null);
  }

  /** The active model's lead thresholds as they ship, so that saving them changes nothing. */
  private String leadThresholds() {
    return jdbc
        .sql(
            "select t.stage_id, t.min_score from sales_lead_threshold t join lifecycle_stage s"
                + " on s.id = t.stage_id join lifecycle_model m on m.id = s.model_id"
                + " where m.active order by s.position")
        .query((rs, n) -> "{'stageId':" + rs.getLong(1) + ",'minScore':" + rs.getInt(2) + "}")
        .list()
        .stream()
        .collect(java.util.stream.Collectors.joining(",", "[", "]"));
  }

  private Long campaign;

  /** A person on the advocates list (codes are issued only to them). */
  private PersonId advocate;

  private PersonId advocate() {
    if (advocate == null) {
      advocate = newPerson();
      jdbc.sql(
              "insert into advocacy_advocate (person_id, status, added_by, reason, score, added_at)"
                  + " values (:p, 'ADVOCATE', 'matrix', 'matrix', 40, current_timestamp)")
          .param("p", advocate.value())
          .update();
    }
    return advocate;
  }

  /** A fresh referral code of the advocate, made straight in the table. */
  private String referralCode() {
    String code = "mx" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    jdbc.sql(
            "insert into advocacy_referral_code (code, person_id, created_at)"
                + " values (:c, :p, current_timestamp)")
        .param("c", code)
        .param("p", advocate().value())
        .update();
    return code;
  }

  private String liveCode;

  private String liveCode() {
    if (liveCode == null) {
      liveCode = referralCode();
    }
    return liveCode;
  }

  /** A fresh open ask of the shared person. */
  private long freshAsk() {
    jdbc.sql(
            "insert into advocacy_ask (person_id, kind, asked_by_name, asked_at)"
                + " values (:p, 'REVIEW', 'matrix', current_timestamp)")
        .param("p", person().value())
        .update();
    return jdbc.sql("select max(id) from advocacy_ask where person_id = :p")
        .param("p", person().value())
        .query(Long.class)
        .single();
  }

  /** One campaign, made straight in the table. */
  private long campaign() {
    if (campaign == null) {
      String name = "matrix campaign " + UUID.randomUUID();
      jdbc.sql(
              "insert into advocacy_campaign (name, channel, cost, currency, starts_on,"
                  + " landing_url, created_at) values (:n, 'email', 0, 'EUR', DATE '2026-01-01',"
                  + " 'https://rapport.example/', current_timestamp)")
          .param("n", name)
          .update();
      campaign =
          jdbc.sql("select id from advocacy_campaign where name = :n")
              .param("n", name)
              .query(Long.class)
              .single();
    }
    return campaign;
  }

  /** A touchpoint id tagged with the campaign (no person, so every reader may see it). */
  private long attributedTouchpoint() {
    long id = 9_000_000_000L + seq.incrementAndGet() + System.nanoTime() % 1_000_000_000L;
    jdbc.sql(
            "insert into advocacy_attribution (touchpoint_id, campaign_id, matched_by, matched,"
                + " attributed_at) values (:t, :c, 'tag', '#matrix', current_timestamp)")
        .param("t", id)
        .param("c", campaign())
        .update();
    return id;
  }

  /** Values for the placeholders; a feature adds its own here. */
  Map<String, Function<Caller, String>> placeholders() {
    return Map.ofEntries(
        Map.entry("n", c -> String.valueOf(seq.incrementAndGet())),
        Map.entry("user", c -> String.valueOf(someUser.id())),
        Map.entry("team", c -> String.valueOf(team.id())),
        Map.entry("freshTeam", c -> String.valueOf(access.team().id())),
        Map.entry("myToken", c -> c == null ? "1" : tokenId(c.user())),
        Map.entry("myFilter", c -> c == null ? "1" : filterId(c.user())),
        Map.entry("myPassword", c -> c == null ? "whatever-password" : c.user().password()),
        Map.entry("person", c -> String.valueOf(person().value())),
        Map.entry("freshPerson", c -> String.valueOf(newPerson().value())),
        Map.entry("rule", c -> String.valueOf(rule())),
        Map.entry("blockEntry", c -> String.valueOf(blockEntry())),
        Map.entry("inboxItem", c -> String.valueOf(inboxItem(c))),
        Map.entry("inboxRoute", c -> String.valueOf(inboxRoute())),
        Map.entry("leadThresholds", c -> leadThresholds()),
        Map.entry("soon", c -> java.time.Instant.now().plusSeconds(86_400).toString()),
        Map.entry("advocate", c -> String.valueOf(advocate().value())),
        Map.entry("freshCode", c -> referralCode()),
        Map.entry("liveCode", c -> liveCode()),
        Map.entry("freshAsk", c -> String.valueOf(freshAsk())),
        Map.entry("campaign", c -> String.valueOf(campaign())),
        Map.entry("attributedTouchpoint", c -> String.valueOf(attributedTouchpoint())));
  }

  @TestFactory
  Stream<DynamicTest> everyRoleGetsExactlyWhatItsPermissionsAllow() {
    setUp();
    List<DynamicTest> tests = new ArrayList<>();
    for (Endpoint e : ENDPOINTS) {
      for (Role role : Role.values()) {
        boolean allowed = e.allows(role);
        tests.add(
            DynamicTest.dynamicTest(
                e + " as " + role + " is " + (allowed ? "allowed" : "denied"),
                () -> check(e, callers.get(role), allowed)));
      }
      tests.add(
          DynamicTest.dynamicTest(
              e + " when not signed in is " + (e.who() == Who.ANYONE ? "allowed" : "refused"),
              () -> checkAnonymous(e)));
      if (e.isApi() && !e.method().equals("GET") && e.who() != Who.ANYONE) {
        tests.add(
            DynamicTest.dynamicTest(
                e + " with a read-only token is denied", () -> checkReadToken(e)));
      }
    }
    return tests.stream();
  }

  private void setUp() {
    team = access.team();
    someUser = access.user(Role.VIEWER, team);
    for (Role role : Role.values()) {
      TestUser user = access.user(role, team);
      callers.put(role, new Caller(user, access.token(user), access.token(user, TokenScope.READ)));
    }
  }

  private void check(Endpoint e, Caller caller, boolean allowed) throws Exception {
    MockHttpServletResponse response = call(e, caller, caller.token());
    int status = response.getStatus();
    if (allowed) {
      assertThat(status)
          .as("%s as %s: %s", e, caller.user().username(), response.getContentAsString())
          .isBetween(200, 399);
      if (response.getRedirectedUrl() != null) {
        assertThat(response.getRedirectedUrl()).as("%s redirected to", e).doesNotContain("/login");
      }
    } else {
      assertThat(status).as("%s as %s", e, caller.user().username()).isEqualTo(403);
    }
  }

  private void checkAnonymous(Endpoint e) throws Exception {
    MockHttpServletResponse response = call(e, null, null);
    if (e.who() == Who.ANYONE) {
      assertThat(response.getStatus()).as("%s", e).isBetween(200, 399);
    } else if (e.isApi()) {
      assertThat(response.getStatus()).as("%s", e).isEqualTo(401);
    } else {
      assertThat(response.getStatus()).as("%s", e).isEqualTo(302);
      assertThat(response.getRedirectedUrl()).as("%s", e).endsWith("/login");
    }
  }

  private void checkReadToken(Endpoint e) throws Exception {
    Caller admin = callers.get(Role.ADMIN);
    assertThat(call(e, admin, admin.readToken()).getStatus()).as("%s", e).isEqualTo(403);
  }

  private MockHttpServletResponse call(Endpoint e, Caller caller, String token) throws Exception {
    String path = resolve(e.path(), caller);
    MockHttpServletRequestBuilder request =
        MockMvcRequestBuilders.request(HttpMethod.valueOf(e.method()), path);
    if (e.isApi()) {
      request.accept(MediaType.APPLICATION_JSON);
      if (e.body() != null) {
        request
            .contentType(MediaType.APPLICATION_JSON)
            .content(resolve(e.body(), caller).replace('\'', '"'));
      }
      if (caller != null) {
        request.with(AccessFixtures.bearer(token));
      }
    } else {
      request.header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8").with(csrf());
      if (e.body() != null) {
        request
            .contentType(MediaType.APPLICATION_FORM_URLENCODED)
            .content(resolve(e.body(), caller));
      }
      if (caller != null) {
        request.with(caller.user().session());
      }
    }
    return access.mvc().perform(request).andReturn().getResponse();
  }

  private String resolve(String template, Caller caller) {
    Map<String, Function<Caller, String>> values = placeholders();
    Matcher m = Pattern.compile("\\{(\\w+)}").matcher(template);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      Function<Caller, String> value = values.get(m.group(1));
      if (value == null) {
        throw new IllegalArgumentException("unknown placeholder " + m.group() + " in " + template);
      }
      m.appendReplacement(out, Matcher.quoteReplacement(value.apply(caller)));
    }
    m.appendTail(out);
    return out.toString();
  }

  /**
   * A saved mention filter of {@code user}, made for this call (renaming and deleting own ones).
   */
  private String filterId(TestUser user) {
    String name = "matrix " + seq.incrementAndGet();
    jdbc.sql(
            "insert into listening_saved_filter (user_id, name, query, created_at)"
                + " values (:u, :n, 'sentiment=negative', current_timestamp)")
        .param("u", user.id())
        .param("n", name)
        .update();
    return String.valueOf(
        jdbc.sql("select max(id) from listening_saved_filter where user_id = :u")
            .param("u", user.id())
            .query(Long.class)
            .single());
  }

  private String tokenId(TestUser user) {
    access.token(user);
    return String.valueOf(
        jdbc.sql("select max(id) from api_token where user_id = :u")
            .param("u", user.id())
            .query(Long.class)
            .single());
  }

  enum Who {
    ANYONE,
    SIGNED_IN
  }

  /** One endpoint and who may call it: anyone, any signed-in user, or a permission's holders. */
  record Endpoint(String method, String path, String body, Who who, Permission permission) {

    boolean allows(Role role) {
      return permission == null ? true : role.grants(permission);
    }

    boolean isApi() {
      return path.startsWith("/api/");
    }

    @Override
    public String toString() {
      return method + " " + path;
    }
  }

  record Caller(TestUser user, String token, String readToken) {}

  static Endpoint endpoint(String method, String path, String body, Permission permission) {
    return new Endpoint(method, path, body, null, permission);
  }

  static Endpoint endpoint(String method, String path, String body, Who who) {
    return new Endpoint(method, path, body, who, null);
  }
}
