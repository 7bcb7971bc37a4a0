package dev.rapport.sales.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import dev.rapport.access.Role;
import dev.rapport.access.Team;
import dev.rapport.support.AccessFixtures;
import dev.rapport.support.AccessFixtures.TestUser;
import dev.rapport.support.PersistenceTest;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.util.HtmlUtils;

/**
 * Settings › Inbox through the real security chain: rules added, edited, reordered and deleted from
 * the page, each refusal shown beside its field with nothing saved, the SLA of zero refused with
 * its reason, the business hours and the queue team saved; sellers may look, not change.
 */
@PersistenceTest
class InboxSettingsPageTest {

  @Autowired AccessFixtures fixtures;
  @Autowired Routes routes;
  @Autowired InboxSettings settings;

  TestUser admin;
  Map<Signal, Integer> slasBefore;
  BusinessCalendar calendarBefore;

  @BeforeEach
  void remember() {
    admin = fixtures.user(Role.ADMIN);
    slasBefore = settings.slas();
    calendarBefore = settings.calendar();
  }

  @AfterEach
  void restore() {
    routes.all().stream()
        .filter(r -> r.name().startsWith("page-"))
        .forEach(r -> routes.delete(r.id()));
    Map<String, Integer> back = new java.util.HashMap<>();
    slasBefore.forEach((s, m) -> back.put(s.key(), m));
    settings.setSlas(back);
    settings.setCalendar(
        calendarBefore.zone().getId(),
        calendarBefore.days().stream().map(Enum::name).toList(),
        calendarBefore.opens().toString(),
        calendarBefore.closes().toString());
    routes.setQueueTeam(null);
  }

  MockHttpServletResponse send(MockHttpServletRequestBuilder req, TestUser as) throws Exception {
    return fixtures.mvc().perform(req.with(as.session()).with(csrf())).andReturn().getResponse();
  }

  String page(TestUser as) throws Exception {
    MockHttpServletResponse r = send(get("/settings/inbox"), as);
    assertThat(r.getStatus()).isEqualTo(200);
    return HtmlUtils.htmlUnescape(r.getContentAsString());
  }

  Route named(String name) {
    return routes.all().stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
  }

  @Test
  void aRuleIsAddedEditedMovedAndDeletedFromThePage() throws Exception {
    TestUser ana = fixtures.user(Role.SALES);
    Team team = fixtures.team();
    fixtures.user(Role.SALES, team);

    MockHttpServletResponse added =
        send(
            post("/settings/inbox/routes")
                .param("name", "page-first")
                .param("reading", "buying")
                .param("network", "mastodon")
                .param("territory", "Germany, Austria")
                .param("icpFit", "true")
                .param("enabled", "true")
                .param("assignTo", "user:" + ana.id()),
            admin);
    assertThat(added.getStatus()).isEqualTo(302);
    Route first = named("page-first");
    assertThat(first.assignUserId()).isEqualTo(ana.id());
    assertThat(first.territory()).isEqualTo("Germany, Austria");
    assertThat(first.icpFit()).isTrue();
    assertThat(first.reading()).isEqualTo("buying");

    send(
        post("/settings/inbox/routes")
            .param("name", "page-second")
            .param("enabled", "true")
            .param("assignTo", "team:" + team.id()),
        admin);
    Route second = named("page-second");
    assertThat(second.assignTeamId()).isEqualTo(team.id());

    String html = page(admin);
    assertThat(html)
        .contains("page-first", "Buying signal", "account in Germany, Austria", "fits the ICP")
        .contains("round-robin in " + team.name());
    assertThat(html.indexOf("page-first")).isLessThan(html.indexOf("page-second"));

    send(post("/settings/inbox/routes/" + second.id() + "/move").param("up", "true"), admin);
    assertThat(routes.all().indexOf(named("page-second")))
        .isLessThan(routes.all().indexOf(named("page-first")));

    // the edit form comes filled in; saving it with the box unticked turns the rule off
    String edit =
        HtmlUtils.htmlUnescape(
            send(get("/settings/inbox").param("edit", String.valueOf(first.id())), admin)
                .getContentAsString());
    assertThat(edit).contains("Edit rule page-first", "value=\"Germany, Austria\"");
    send(
        post("/settings/inbox/routes/" + first.id())
            .param("name", "page-first")
            .param("language", "de")
            .param("_enabled", "on")
            .param("assignTo", "user:" + ana.id()),
        admin);
    Route edited = named("page-first");
    assertThat(edited.enabled()).isFalse();
    assertThat(edited.language()).isEqualTo("de");
    assertThat(edited.territory()).isNull();

    send(post("/settings/inbox/routes/" + first.id() + "/delete"), admin);
    assertThat(routes.all()).extracting(Route::name).doesNotContain("page-first");
    assertThat(send(post("/settings/inbox/routes/" + first.id() + "/delete"), admin).getStatus())
        .isEqualTo(404);
  }

  @Test
  void aRuleThatCouldNeverMatchShowsEachReasonBesideItsFieldAndSavesNothing() throws Exception {
    int before = routes.all().size();
    MockHttpServletResponse r =
        send(
            post("/settings/inbox/routes")
                .param("name", "page-bad")
                .param("reading", "gossip")
                .param("language", "English!")
                .param("territory", ",,")
                .param("ownerUserId", "abc")
                .param("assignTo", ""),
            admin);
    assertThat(r.getStatus()).isEqualTo(200);
    String html = HtmlUtils.htmlUnescape(r.getContentAsString());
    assertThat(html)
        .contains("id=\"err-rule-reading\"", "'gossip' is not an actionable reading")
        .contains("id=\"err-rule-language\"", "must be a language code")
        .contains("id=\"err-rule-owner\"", "'abc' is not an id")
        .contains("Nothing was saved");
    // the entered name is kept in the form
    assertThat(html).contains("value=\"page-bad\"");
    assertThat(routes.all()).hasSize(before);

    String noAssignee =
        HtmlUtils.htmlUnescape(
            send(post("/settings/inbox/routes").param("name", "page-none"), admin)
                .getContentAsString());
    assertThat(noAssignee)
        .contains("id=\"err-rule-assign\"", "choose either a user or a team to assign to");
    String badTerritory =
        HtmlUtils.htmlUnescape(
            send(
                    post("/settings/inbox/routes")
                        .param("name", "page-t")
                        .param("territory", "Germany,,Austria")
                        .param("assignTo", "user:" + admin.id()),
                    admin)
                .getContentAsString());
    assertThat(badTerritory).contains("id=\"err-rule-territory\"", "is not a place");
    assertThat(routes.all()).hasSize(before);
  }

  @Test
  void anSlaOfZeroIsRefusedBesideItsReadingAndNothingChanges() throws Exception {
    MockHttpServletResponse r =
        send(
            post("/settings/inbox/sla")
                .param("sla.complaint", "0")
                .param("sla.buying", "45")
                .param("sla.question", "soon"),
            admin);
    assertThat(r.getStatus()).isEqualTo(200);
    String html = HtmlUtils.htmlUnescape(r.getContentAsString());
    assertThat(html)
        .contains("id=\"err-sla.complaint\"")
        .contains("must be at least 1 minute; an SLA of 0 could never be met")
        .contains("id=\"err-sla.question\"", "must be a whole number of minutes");
    assertThat(settings.slas()).isEqualTo(slasBefore);

    send(post("/settings/inbox/sla").param("sla.complaint", "15").param("sla.buying", "45"), admin);
    assertThat(settings.slas().get(Signal.COMPLAINT)).isEqualTo(15);
    assertThat(settings.slas().get(Signal.BUYING)).isEqualTo(45);
    assertThat(page(admin)).contains("value=\"15\"");
  }

  @Test
  void businessHoursAreSavedAndBadOnesNamedBesideTheirFields() throws Exception {
    MockHttpServletResponse bad =
        send(
            post("/settings/inbox/calendar")
                .param("zone", "Mars/Olympus")
                .param("opens", "9am")
                .param("closes", "17:00"),
            admin);
    String html = HtmlUtils.htmlUnescape(bad.getContentAsString());
    assertThat(html)
        .contains("id=\"err-zone\"", "is not a time zone")
        .contains("id=\"err-opens\"", "must be a time like 09:00");
    assertThat(settings.calendar()).isEqualTo(calendarBefore);

    String noDays =
        HtmlUtils.htmlUnescape(
            send(
                    post("/settings/inbox/calendar")
                        .param("zone", "Europe/Berlin")
                        .param("opens", "08:00")
                        .param("closes", "16:00"),
                    admin)
                .getContentAsString());
    assertThat(noDays).contains("id=\"err-days\"", "choose at least one working day");
    String closesFirst =
        HtmlUtils.htmlUnescape(
            send(
                    post("/settings/inbox/calendar")
                        .param("zone", "Europe/Berlin")
                        .param("days", "MONDAY")
                        .param("opens", "18:00")
                        .param("closes", "08:00"),
                    admin)
                .getContentAsString());
    assertThat(closesFirst).contains("id=\"err-closes\"", "must be after the opening time");
    assertThat(settings.calendar()).isEqualTo(calendarBefore);

    assertThat(
            send(
                    post("/settings/inbox/calendar")
                        .param("zone", "Europe/Berlin")
                        .param("days", "MONDAY", "TUESDAY", "SATURDAY")
                        .param("opens", "08:30")
                        .param("closes", "16:00"),
                    admin)
                .getStatus())
        .isEqualTo(302);
    BusinessCalendar saved = settings.calendar();
    assertThat(saved.zone().getId()).isEqualTo("Europe/Berlin");
    assertThat(saved.days())
        .containsExactlyInAnyOrder(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.SATURDAY);
    assertThat(saved.opens()).isEqualTo(LocalTime.of(8, 30));
  }

  @Test
  void theQueueTeamIsChosenOnThePage() throws Exception {
    Team team = fixtures.team();
    send(post("/settings/inbox/queue").param("queueTeamId", String.valueOf(team.id())), admin);
    assertThat(routes.queueTeam()).contains(team.id());
    String html =
        HtmlUtils.htmlUnescape(
            send(post("/settings/inbox/queue").param("queueTeamId", "999999999"), admin)
                .getContentAsString());
    assertThat(html).contains("id=\"err-queue\"", "no team with id 999999999");
    assertThat(routes.queueTeam()).contains(team.id());
    send(post("/settings/inbox/queue").param("queueTeamId", ""), admin);
    assertThat(routes.queueTeam()).isEmpty();
  }

  @Test
  void aSellerSeesTheSettingsButCannotChangeThem() throws Exception {
    TestUser seller = fixtures.user(Role.SALES);
    String html = page(seller);
    assertThat(html).contains("Routing rules", "Response times").doesNotContain("Add rule");
    assertThat(send(post("/settings/inbox/sla").param("sla.complaint", "5"), seller).getStatus())
        .isEqualTo(403);
    assertThat(
            send(
                    post("/settings/inbox/routes")
                        .param("name", "page-seller")
                        .param("assignTo", "user:" + seller.id()),
                    seller)
                .getStatus())
        .isEqualTo(403);
    assertThat(settings.slas()).isEqualTo(slasBefore);
  }
}
