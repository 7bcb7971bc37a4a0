package dev.rapport;

import static dev.rapport.access.Permission.ADVOCACY_WRITE;
import static dev.rapport.access.Permission.AUDIT_READ;
import static dev.rapport.access.Permission.CAMPAIGNS_ADMIN;
import static dev.rapport.access.Permission.CASES_READ;
import static dev.rapport.access.Permission.CASES_WRITE;
import static dev.rapport.access.Permission.DEALS_ADMIN;
import static dev.rapport.access.Permission.DEALS_READ;
import static dev.rapport.access.Permission.DEALS_WRITE;
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
          // sales: email on the timeline
          endpoint("GET", "/settings/mail", NO_BODY, Permission.MAIL_CONNECT),
          endpoint("GET", "/api/v1/mailboxes", NO_BODY, Permission.MAIL_CONNECT),
          endpoint(
              "POST",
              "/api/v1/mailboxes",
              "{'address':'m{n}@rapport.test','imapHost':'127.0.0.1','imapPort':1,"
                  + "'smtpHost':'127.0.0.1','smtpPort':1,'username':'m','password':'pw'}",
              Permission.MAIL_CONNECT),
          endpoint("GET", "/api/v1/mailboxes/{myMailbox}", NO_BODY, Permission.MAIL_CONNECT),
          endpoint(
              "GET",
              "/api/v1/mailboxes/{myMailbox}/unknown-senders",
              NO_BODY,
              Permission.MAIL_CONNECT),
          endpoint("GET", "/api/v1/mailboxes/{myMailbox}/outbox", NO_BODY, Permission.MAIL_CONNECT),
          endpoint("POST", "/api/v1/mailboxes/{myMailbox}/check", NO_BODY, Permission.MAIL_CONNECT),
          endpoint("DELETE", "/api/v1/mailboxes/{myMailbox}", NO_BODY, Permission.MAIL_CONNECT),
          endpoint("POST", "/settings/mail/{myMailbox}/check", "", Permission.MAIL_CONNECT),
          endpoint("POST", "/settings/mail/{myMailbox}/delete", "", Permission.MAIL_CONNECT),
          endpoint("GET", "/api/v1/persons/{person}/emails", NO_BODY, TIMELINE_READ),
          endpoint("GET", "/mail/persons/{person}/panel", NO_BODY, TIMELINE_READ),
          endpoint(
              "POST",
              "/mail/persons/{person}/send",
              "subject=Hi&body=Hello",
              Permission.MAIL_CONNECT),
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
          // listening: brand tags (marketing manages them; counts are listening reads)
          endpoint("GET", "/api/v1/brand-tags", NO_BODY, LISTENING_READ),
          endpoint(
              "POST",
              "/api/v1/brand-tags",
              "{'tag':'#matrix{n}','kind':'HASHTAG'}",
              CAMPAIGNS_ADMIN),
          endpoint("GET", "/api/v1/brand-tags/{brandTag}", NO_BODY, LISTENING_READ),
          endpoint(
              "PUT",
              "/api/v1/brand-tags/{brandTag}",
              "{'tag':'#matrixput{n}','kind':'PRODUCT'}",
              CAMPAIGNS_ADMIN),
          endpoint("DELETE", "/api/v1/brand-tags/{brandTag}", NO_BODY, CAMPAIGNS_ADMIN),
          endpoint(
              "GET",
              "/api/v1/brand-tags/counts?groupBy=author&from=2026-11-01&to=2026-11-30",
              NO_BODY,
              LISTENING_READ),
          endpoint("GET", "/listening/brand-tags", NO_BODY, LISTENING_READ),
          endpoint("POST", "/listening/brand-tags", "tag=%23form{n}&kind=HASHTAG", CAMPAIGNS_ADMIN),
          endpoint("POST", "/listening/brand-tags/{brandTag}/delete", NO_BODY, CAMPAIGNS_ADMIN),
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
          // care: support cases ({careCase} is a fresh open case about the shared person)
          endpoint("GET", "/api/v1/cases?view=open&size=5", NO_BODY, CASES_READ),
          endpoint("GET", "/api/v1/cases/{careCase}", NO_BODY, CASES_READ),
          endpoint("POST", "/api/v1/cases/{careCase}/assign", "{'userId':{user}}", CASES_WRITE),
          endpoint("POST", "/api/v1/cases/{careCase}/reply", "{'text':'on it'}", CASES_WRITE),
          endpoint("POST", "/api/v1/cases/{careCase}/status", "{'status':'resolved'}", CASES_WRITE),
          endpoint(
              "POST", "/api/v1/cases/{careCase}/close", "{'outcome':'no_answer'}", CASES_WRITE),
          endpoint("GET", "/api/v1/cases/alerts", NO_BODY, CASES_READ),
          endpoint("GET", "/api/v1/cases/brands", NO_BODY, CASES_READ),
          endpoint("POST", "/api/v1/cases/brands", "{'name':'Matrix brand {n}'}", USERS_ADMIN),
          endpoint("DELETE", "/api/v1/cases/brands/{careBrand}", NO_BODY, USERS_ADMIN),
          endpoint("GET", "/api/v1/cases/routes", NO_BODY, CASES_READ),
          endpoint(
              "POST",
              "/api/v1/cases/routes",
              "{'name':'Matrix {n}','reason':'question','brand':'nothing {n}','assignUserId':{user}}",
              USERS_ADMIN),
          endpoint("DELETE", "/api/v1/cases/routes/{careRoute}", NO_BODY, USERS_ADMIN),
          endpoint("GET", "/api/v1/persons/{person}/care", NO_BODY, CASES_READ),
          endpoint("GET", "/cases?view=open", NO_BODY, CASES_READ),
          endpoint("GET", "/cases/{careCase}", NO_BODY, CASES_READ),
          endpoint("POST", "/cases/{careCase}/assign", "userId={user}", CASES_WRITE),
          endpoint("POST", "/cases/{careCase}/reply", "text=on+it", CASES_WRITE),
          endpoint("POST", "/cases/{careCase}/status", "status=resolved", CASES_WRITE),
          endpoint("POST", "/cases/{careCase}/close", "outcome=no_answer", CASES_WRITE),
          endpoint("GET", "/care/persons/{person}/panel", NO_BODY, CASES_READ),
          // collab: feeds ({myComment} is a comment by the caller, {myNotification} theirs)
          endpoint("GET", "/api/v1/feed/persons/{person}", NO_BODY, PEOPLE_READ),
          endpoint(
              "POST", "/api/v1/feed/persons/{person}/comments", "{'text':'m {n}'}", TIMELINE_WRITE),
          endpoint("PUT", "/api/v1/feed/persons/{person}/follow", NO_BODY, PEOPLE_READ),
          endpoint("DELETE", "/api/v1/feed/persons/{person}/follow", NO_BODY, PEOPLE_READ),
          endpoint("PUT", "/api/v1/feed/comments/{myComment}", "{'text':'e {n}'}", TIMELINE_WRITE),
          endpoint("DELETE", "/api/v1/feed/comments/{myComment}", NO_BODY, TIMELINE_WRITE),
          endpoint("GET", "/feed/persons/{person}", NO_BODY, PEOPLE_READ),
          endpoint("POST", "/feed/persons/{person}/comments", "text=m+{n}", TIMELINE_WRITE),
          endpoint("POST", "/feed/persons/{person}/follow", NO_BODY, PEOPLE_READ),
          endpoint("POST", "/feed/persons/{person}/unfollow", NO_BODY, PEOPLE_READ),
          endpoint("POST", "/feed/comments/{myComment}/edit", "text=e+{n}", TIMELINE_WRITE),
          endpoint("POST", "/feed/comments/{myComment}/delete", NO_BODY, TIMELINE_WRITE),
          endpoint("GET", "/api/v1/feed/mentionable?q=u", NO_BODY, TIMELINE_WRITE),
          endpoint("GET", "/api/v1/notifications?unread=true", NO_BODY, Who.SIGNED_IN),
          endpoint("POST", "/api/v1/notifications/{myNotification}/read", NO_BODY, Who.SIGNED_IN),
          endpoint("POST", "/api/v1/notifications/read-all", NO_BODY, Who.SIGNED_IN),
          endpoint("GET", "/notifications", NO_BODY, Who.SIGNED_IN),
          endpoint("GET", "/notifications/count", NO_BODY, Who.SIGNED_IN),
          endpoint("POST", "/notifications/{myNotification}/read", NO_BODY, Who.SIGNED_IN),
          endpoint("POST", "/notifications/read-all", NO_BODY, Who.SIGNED_IN),
          // sales: make lead from an item (a fresh person each time), Settings › Inbox
          endpoint("POST", "/api/v1/inbox/items/{inboxLeadItem}/lead", NO_BODY, LIFECYCLE_WRITE),
          endpoint("POST", "/inbox/items/{inboxLeadItem}/lead", NO_BODY, LIFECYCLE_WRITE),
          endpoint("GET", "/settings/inbox", NO_BODY, TIMELINE_READ),
          endpoint("GET", "/api/v1/inbox?size=5", NO_BODY, TIMELINE_READ),
          endpoint("GET", "/api/v1/persons/{person}/brief", NO_BODY, LISTENING_READ),
          endpoint("GET", "/settings/inbox?edit={inboxRoute}", NO_BODY, TIMELINE_READ),
          endpoint(
              "POST", "/settings/inbox/routes", "name=matrix&assignTo=user:{user}", USERS_ADMIN),
          endpoint(
              "POST",
              "/settings/inbox/routes/{inboxRoute}",
              "name=matrix&assignTo=user:{user}",
              USERS_ADMIN),
          endpoint("POST", "/settings/inbox/routes/{inboxRoute}/move", "up=true", USERS_ADMIN),
          endpoint("POST", "/settings/inbox/routes/{inboxRoute}/delete", NO_BODY, USERS_ADMIN),
          endpoint("POST", "/settings/inbox/queue", "queueTeamId=", USERS_ADMIN),
          endpoint("POST", "/settings/inbox/sla", "sla.praise=480", USERS_ADMIN),
          endpoint(
              "POST",
              "/settings/inbox/calendar",
              "zone=UTC&days=MONDAY&days=TUESDAY&days=WEDNESDAY&days=THURSDAY&days=FRIDAY"
                  + "&opens=09:00&closes=17:00",
              USERS_ADMIN),
          // sales: opportunities ({deal} a shared open deal, {freshDeal} one made for the call)
          endpoint("GET", "/api/v1/opportunities?size=5", NO_BODY, DEALS_READ),
          endpoint(
              "POST",
              "/api/v1/opportunities",
              "{'name':'m{n}','amount':10,'currency':'EUR','closeDate':'2030-01-01',"
                  + "'primaryPersonId':{person}}",
              DEALS_WRITE),
          endpoint("GET", "/api/v1/opportunities/stale", NO_BODY, DEALS_READ),
          endpoint("GET", "/api/v1/opportunities/{deal}", NO_BODY, DEALS_READ),
          endpoint("PATCH", "/api/v1/opportunities/{freshDeal}", "{'amount':1234}", DEALS_WRITE),
          endpoint(
              "POST",
              "/api/v1/opportunities/{freshDeal}/stage",
              "{'stageId':{dealStage}}",
              DEALS_WRITE),
          endpoint(
              "POST", "/api/v1/opportunities/{freshDeal}/gates/1", "{'evidence':'e'}", DEALS_WRITE),
          endpoint("DELETE", "/api/v1/opportunities/{gatedDeal}/gates/1", NO_BODY, DEALS_WRITE),
          endpoint("GET", "/api/v1/opportunities/{deal}/stakeholders", NO_BODY, DEALS_READ),
          endpoint(
              "PUT",
              "/api/v1/opportunities/{freshDeal}/stakeholders/{person}",
              "{'role':'champion','access':true}",
              DEALS_WRITE),
          endpoint(
              "DELETE",
              "/api/v1/opportunities/{stakeholderDeal}/stakeholders/{person}",
              NO_BODY,
              DEALS_WRITE),
          endpoint("GET", "/api/v1/opportunities/{deal}/history", NO_BODY, DEALS_READ),
          endpoint(
              "POST",
              "/api/v1/opportunities/{winnableDeal}/win",
              "{'reasonId':{wonReason}}",
              DEALS_WRITE),
          endpoint(
              "POST",
              "/api/v1/opportunities/{freshDeal}/lose",
              "{'reasonId':{lostReason}}",
              DEALS_WRITE),
          endpoint("GET", "/api/v1/persons/{person}/opportunities", NO_BODY, DEALS_READ),
          endpoint("GET", "/api/v1/pipelines", NO_BODY, DEALS_READ),
          endpoint("GET", "/api/v1/pipelines/{pipeline}", NO_BODY, DEALS_READ),
          endpoint(
              "POST",
              "/api/v1/pipelines",
              "{'name':'P{n}','stages':[{'name':'S','probability':10,"
                  + "'forecastCategory':'PIPELINE','staleAfterDays':14}]}",
              DEALS_ADMIN),
          endpoint("PUT", "/api/v1/pipelines/{freshPipeline}", "{'name':'Q{n}'}", DEALS_ADMIN),
          endpoint(
              "POST",
              "/api/v1/pipelines/{freshPipeline}/stages",
              "{'name':'T','probability':20,'forecastCategory':'BEST_CASE','staleAfterDays':7}",
              DEALS_ADMIN),
          endpoint(
              "PUT", "/api/v1/pipelines/{freshPipelineStage}", "{'probability':15}", DEALS_ADMIN),
          endpoint("DELETE", "/api/v1/pipelines/{freshPipelineExtraStage}", NO_BODY, DEALS_ADMIN),
          endpoint("GET", "/api/v1/deal-reasons", NO_BODY, DEALS_READ),
          endpoint(
              "POST", "/api/v1/deal-reasons", "{'outcome':'LOST','label':'L{n}'}", DEALS_ADMIN),
          endpoint("PUT", "/api/v1/deal-reasons/{freshReason}", "{'label':'R{n}'}", DEALS_ADMIN),
          endpoint("GET", "/deals", NO_BODY, DEALS_READ),
          endpoint("GET", "/deals/new?person={person}", NO_BODY, DEALS_WRITE),
          endpoint(
              "POST",
              "/deals",
              "name=m{n}&amount=10&currency=EUR&closeDate=2030-01-01&person={person}",
              DEALS_WRITE),
          endpoint("GET", "/deals/{deal}", NO_BODY, DEALS_READ),
          endpoint("POST", "/deals/{freshDeal}/stage", "stageId={dealStage}", DEALS_WRITE),
          endpoint("POST", "/deals/{freshDeal}/gates/1", "evidence=e", DEALS_WRITE),
          endpoint(
              "POST",
              "/deals/{freshDeal}/stakeholders",
              "person={person}&role=CHAMPION",
              DEALS_WRITE),
          endpoint("POST", "/deals/{winnableDeal}/win", "reasonId={wonReason}", DEALS_WRITE),
          endpoint("POST", "/deals/{freshDeal}/lose", "reasonId={lostReason}", DEALS_WRITE),
          // sales: the deal board, the deal list and the forecast
          endpoint("GET", "/deals/board", NO_BODY, DEALS_READ),
          endpoint("GET", "/deals/board?closeMonth=2026-12", NO_BODY, DEALS_READ),
          endpoint("POST", "/deals/board/move", "id={boardDeal}&stageId={dealStage2}", DEALS_WRITE),
          endpoint("GET", "/deals/list?status=all&sort=amount&dir=desc", NO_BODY, DEALS_READ),
          endpoint("GET", "/deals/export.csv", NO_BODY, DEALS_READ),
          endpoint("GET", "/forecast", NO_BODY, DEALS_READ),
          endpoint("GET", "/forecast?groupBy=team&period=quarter", NO_BODY, DEALS_READ),
          endpoint(
              "GET",
              "/forecast/deals?groupBy=owner&id=0&period=2026-12&currency=EUR",
              NO_BODY,
              DEALS_READ),
          endpoint(
              "POST",
              "/forecast/overrides",
              "groupBy=owner&id=0&period=2026-12&currency=EUR&amount=10",
              DEALS_ADMIN),
          endpoint("POST", "/forecast/snapshots", NO_BODY, DEALS_ADMIN),
          endpoint("GET", "/api/v1/forecast", NO_BODY, DEALS_READ),
          endpoint(
              "GET",
              "/api/v1/forecast/deals?groupBy=owner&id=0&period=2026-12&currency=EUR",
              NO_BODY,
              DEALS_READ),
          endpoint(
              "POST",
              "/api/v1/forecast/overrides",
              "{'groupBy':'owner','id':0,'period':'2026-12','currency':'EUR','amount':10}",
              DEALS_ADMIN),
          endpoint("GET", "/api/v1/forecast/snapshots", NO_BODY, DEALS_READ),
          endpoint("POST", "/api/v1/forecast/snapshots", NO_BODY, DEALS_ADMIN),
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
  @Autowired dev.rapport.sales.Opportunities opportunities;
  @Autowired dev.rapport.sales.Opportunities deals;

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
    return inboxItem(c, person());
  }

  /** As {@link #inboxItem(Caller)}, about a fresh person (making them a lead changes them). */
  private long inboxLeadItem(Caller c) {
    return inboxItem(c, newPerson());
  }

  private long inboxItem(Caller c, PersonId about) {
    long mention = seq.incrementAndGet() + 8_000_000_000L + System.nanoTime() % 1_000_000_000L;
    jdbc.sql(
            "insert into inbox_item (mention_id, person_id, network, readings, sla_reading,"
                + " caution, rule_ids, status, assignee_user_id, created_at, due_at)"
                + " values (:m, :p, 'mastodon', 'complaint', 'complaint', false, '', :s, :u,"
                + " current_timestamp, current_timestamp)")
        .param("m", mention)
        .param("p", about.value())
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

  /** A fresh open case about the shared person, made straight in the table. */
  private long careCase() {
    String thread = "matrix|" + UUID.randomUUID();
    jdbc.sql(
            "insert into care_case (person_id, thread_key, open_thread_key, network, reason,"
                + " excerpt, priority, status, routed_by, sla_minutes, opened_at, due_at)"
                + " values (:p, :t, :t, 'mastodon', 'complaint', 'matrix case', 'high', 'new',"
                + " 'matrix', 240, current_timestamp, current_timestamp)")
        .param("p", person().value())
        .param("t", thread)
        .update();
    return jdbc.sql("select id from care_case where thread_key = :t")
        .param("t", thread)
        .query(Long.class)
        .single();
  }

  /** A fresh brand, and a fresh case routing rule (the delete endpoints remove them). */
  private long careRow(String table) {
    String name = "matrix " + UUID.randomUUID();
    if (table.equals("care_brand")) {
      jdbc.sql(
              "insert into care_brand (name, kind, created_at) values (:n, 'brand',"
                  + " current_timestamp)")
          .param("n", name)
          .update();
    } else {
      jdbc.sql(
              "insert into care_route (position, name, reason, brand, assign_user_id,"
                  + " created_at) values (1000, :n, 'question', :n, :u, current_timestamp)")
          .param("n", name)
          .param("u", someUser.id())
          .update();
    }
    return jdbc.sql("select id from " + table + " where name = :n")
        .param("n", name)
        .query(Long.class)
        .single();
  }

  /**
   * A fresh deal without an owner (every role sees it) in the default pipeline's first stage with
   * gate 1 confirmed, so that moving it to the second stage is allowed (the board's move).
   */
  private long boardDeal() {
    dev.rapport.sales.Opportunity deal =
        deals.create(
            new dev.rapport.sales.NewOpportunity(
                "Matrix deal " + seq.incrementAndGet(),
                null,
                null,
                java.math.BigDecimal.TEN,
                "EUR",
                null,
                java.time.LocalDate.now().plusDays(30),
                null,
                null,
                person(),
                null,
                dev.rapport.sales.DealSource.MANUAL,
                null,
                null));
    deals.confirmGate(
        deal.id(),
        dev.rapport.sales.Gate.PROBLEM,
        new dev.rapport.sales.GateEvidence("matrix", null, null));
    return deal.id();
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

  /** A fresh brand tag for a call that reads, changes or removes one. */
  private long brandTag() {
    String tag = "#matrixtag" + seq.incrementAndGet();
    jdbc.sql(
            "insert into listening_brand_tag (tag, tag_key, kind, created_at)"
                + " values (:t, :t, 'HASHTAG', current_timestamp)")
        .param("t", tag)
        .update();
    return jdbc.sql("select id from listening_brand_tag where tag_key = :t")
        .param("t", tag)
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

  /** A comment by the user on the shared person's feed, made straight in the table. */
  private long feedEntry(Long author) {
    String key = "matrix-" + UUID.randomUUID();
    jdbc.sql(
            "insert into collab_entry (subject_type, subject_id, kind, body, author_user_id,"
                + " author_name, source_key, created_at) values ('PERSON', :p, 'COMMENT',"
                + " 'matrix comment', :u, 'matrix', :k, current_timestamp)")
        .param("p", person().value())
        .param("u", author)
        .param("k", key)
        .update();
    return jdbc.sql("select id from collab_entry where source_key = :k")
        .param("k", key)
        .query(Long.class)
        .single();
  }

  /** An unread notification of the user about a fresh comment. */
  private String notification(long user) {
    long entry = feedEntry(null);
    jdbc.sql(
            "insert into collab_notification (user_id, entry_id, reason, created_at)"
                + " values (:u, :e, 'MENTION', current_timestamp)")
        .param("u", user)
        .param("e", entry)
        .update();
    return String.valueOf(
        jdbc.sql("select id from collab_notification where user_id = :u and entry_id = :e")
            .param("u", user)
            .param("e", entry)
            .query(Long.class)
            .single());
  }

  private Long deal;

  /** One open deal on the shared person, without an owner so that every role may see it. */
  private long deal() {
    if (deal == null) {
      deal = freshDeal();
    }
    return deal;
  }

  private long freshDeal() {
    return opportunities
        .create(
            new dev.rapport.sales.NewOpportunity(
                "matrix deal " + seq.incrementAndGet(),
                null,
                null,
                java.math.BigDecimal.TEN,
                "EUR",
                null,
                java.time.LocalDate.now().plusMonths(1),
                null,
                null,
                person(),
                List.of(),
                null,
                null,
                null))
        .id();
  }

  private long gatedDeal() {
    long id = freshDeal();
    opportunities.confirmGate(
        id, dev.rapport.sales.Gate.PROBLEM, new dev.rapport.sales.GateEvidence("e", null, null));
    return id;
  }

  private long stakeholderDeal() {
    long id = freshDeal();
    opportunities.putStakeholder(
        id,
        new dev.rapport.sales.NewStakeholder(
            person(), dev.rapport.sales.StakeholderRole.CHAMPION, null, null, false));
    return id;
  }

  /** A deal with every gate held, in the last open stage: winning it is allowed. */
  private long winnableDeal() {
    long id = freshDeal();
    for (dev.rapport.sales.Gate g : dev.rapport.sales.Gate.values()) {
      if (!g.derived()) {
        opportunities.confirmGate(id, g, new dev.rapport.sales.GateEvidence("e", null, null));
      }
    }
    opportunities.putStakeholder(
        id,
        new dev.rapport.sales.NewStakeholder(
            person(), dev.rapport.sales.StakeholderRole.DECISION_MAKER, null, null, true));
    return id;
  }

  private long reason(dev.rapport.sales.DealStatus outcome) {
    return opportunities.reasons(outcome, false).get(0).id();
  }

  /** A pipeline made for the call, with one open stage. */
  private dev.rapport.sales.Pipeline freshPipeline() {
    String name = "matrix pipeline " + seq.incrementAndGet() + " " + UUID.randomUUID();
    jdbc.sql(
            "insert into deal_pipeline (name, position, is_default, created_at)"
                + " values (:n, 99, false, current_timestamp)")
        .param("n", name)
        .update();
    long id =
        jdbc.sql("select id from deal_pipeline where name = :n")
            .param("n", name)
            .query(Long.class)
            .single();
    for (String stage : List.of("One", "Won", "Lost")) {
      jdbc.sql(
              "insert into deal_stage (pipeline_id, name, position, probability, forecast_category,"
                  + " stale_after_days, required_gates, outcome) values (:p, :n, :pos, 10, :c, 14,"
                  + " '', :o)")
          .param("p", id)
          .param("n", stage)
          .param("pos", stage.equals("One") ? 1 : stage.equals("Won") ? 2 : 3)
          .param("c", stage.equals("One") ? "PIPELINE" : "CLOSED")
          .param("o", stage.equals("One") ? null : stage.toUpperCase(java.util.Locale.ROOT))
          .update();
    }
    return opportunities.pipeline(id);
  }

  /** Adds a second open stage (deletable: one open stage remains). */
  private dev.rapport.sales.Pipeline withSecondStage(long id) {
    jdbc.sql(
            "insert into deal_stage (pipeline_id, name, position, probability, forecast_category,"
                + " stale_after_days, required_gates) values (:p, 'Two', 2, 20, 'PIPELINE', 14, '')")
        .param("p", id)
        .update();
    return opportunities.pipeline(id);
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
        Map.entry("inboxLeadItem", c -> String.valueOf(inboxLeadItem(c))),
        Map.entry("inboxRoute", c -> String.valueOf(inboxRoute())),
        Map.entry("careCase", c -> String.valueOf(careCase())),
        Map.entry("careBrand", c -> String.valueOf(careRow("care_brand"))),
        Map.entry("careRoute", c -> String.valueOf(careRow("care_route"))),
        Map.entry("brandTag", c -> String.valueOf(brandTag())),
        Map.entry("boardDeal", c -> String.valueOf(boardDeal())),
        Map.entry(
            "dealStage2", c -> String.valueOf(deals.defaultPipeline().openStages().get(1).id())),
        Map.entry("leadThresholds", c -> leadThresholds()),
        Map.entry("soon", c -> java.time.Instant.now().plusSeconds(86_400).toString()),
        Map.entry("myMailbox", c -> c == null ? "1" : mailboxId(c.user())),
        Map.entry("myComment", c -> c == null ? "1" : String.valueOf(feedEntry(c.user().id()))),
        Map.entry("myNotification", c -> c == null ? "1" : notification(c.user().id())),
        Map.entry("deal", c -> String.valueOf(deal())),
        Map.entry("freshDeal", c -> String.valueOf(freshDeal())),
        Map.entry("gatedDeal", c -> String.valueOf(gatedDeal())),
        Map.entry("stakeholderDeal", c -> String.valueOf(stakeholderDeal())),
        Map.entry("winnableDeal", c -> String.valueOf(winnableDeal())),
        Map.entry(
            "dealStage", c -> String.valueOf(opportunities.defaultPipeline().stages().get(0).id())),
        Map.entry("wonReason", c -> String.valueOf(reason(dev.rapport.sales.DealStatus.WON))),
        Map.entry("lostReason", c -> String.valueOf(reason(dev.rapport.sales.DealStatus.LOST))),
        Map.entry("pipeline", c -> String.valueOf(opportunities.defaultPipeline().id())),
        Map.entry("freshPipeline", c -> String.valueOf(freshPipeline().id())),
        Map.entry(
            "freshPipelineStage",
            c -> {
              var p = freshPipeline();
              return p.id() + "/stages/" + p.stages().get(0).id();
            }),
        Map.entry(
            "freshPipelineExtraStage",
            c -> {
              var p = freshPipeline();
              p = withSecondStage(p.id());
              return p.id()
                  + "/stages/"
                  + p.stages().stream()
                      .filter(st -> st.name().equals("Two"))
                      .findFirst()
                      .orElseThrow()
                      .id();
            }),
        Map.entry(
            "freshReason",
            c ->
                String.valueOf(
                    jdbc.sql("select max(id) from deal_close_reason where outcome = 'LOST'")
                        .query(Long.class)
                        .single())),
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

  /** A mailbox of {@code user} on a closed loopback port, made straight in the table. */
  private String mailboxId(TestUser user) {
    jdbc.sql(
            "insert into sales_mailbox (user_id, address, imap_host, imap_port, imap_security,"
                + " smtp_host, smtp_port, smtp_security, username, password_enc, created_at)"
                + " values (:u, 'matrix@rapport.test', '127.0.0.1', 1, 'NONE', '127.0.0.1', 1,"
                + " 'NONE', 'matrix', 'v1:none', current_timestamp)")
        .param("u", user.id())
        .update();
    return String.valueOf(
        jdbc.sql("select max(id) from sales_mailbox where user_id = :u")
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
