package dev.rapport.sales.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rapport.access.Role;
import dev.rapport.access.Team;
import dev.rapport.listening.MentionDetails;
import dev.rapport.people.AccountId;
import dev.rapport.people.PersonId;
import dev.rapport.shared.InvalidInputException;
import dev.rapport.support.AccessFixtures;
import dev.rapport.support.PersistenceTest;
import dev.rapport.support.TestRecords;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Routing rules send each new item to a user, round-robin in a team, or to the queue. */
@PersistenceTest
class InboxRoutingTest {

  @Autowired InboxIntake intake;
  @Autowired InboxItems items;
  @Autowired Routes routes;
  @Autowired AccessFixtures fixtures;
  @Autowired TestRecords records;
  @Autowired JdbcClient jdbc;

  /** A language tag no other test's items carry, so these rules route only these items. */
  String language;

  final List<Long> made = new ArrayList<>();

  @BeforeEach
  void language() {
    language = "zz-" + UUID.randomUUID().toString().substring(0, 6);
  }

  @AfterEach
  void removeRules() {
    made.forEach(routes::delete);
    routes.setQueueTeam(null);
  }

  Item item(String lang) {
    return item(lang, new PersonId(InboxWorkTest.random()));
  }

  Item item(String lang, PersonId person) {
    return intake
        .take(
            new MentionDetails.Detail(
                InboxWorkTest.random(),
                person,
                "mastodon",
                "n-" + InboxWorkTest.random(),
                "@r@example.social",
                lang,
                "t",
                null,
                Instant.now(),
                null,
                "neutral",
                List.of(new MentionDetails.Reading("intent", "BUYING", false, 0.9, List.of())),
                List.of()),
            Instant.now())
        .orElseThrow();
  }

  Route rule(String name, Long user, Long team) {
    Route r =
        routes.create(
            new Routes.Form(
                name, true, null, "buying", null, language, null, null, user, team, null));
    made.add(r.id());
    return r;
  }

  @Test
  void theFirstMatchingRuleAssignsToItsUserAndSaysWhy() {
    var ana = fixtures.user(Role.SALES);
    var bo = fixtures.user(Role.SALES);
    rule("Buying to Ana", ana.id(), null);
    Route second = rule("Buying to Bo", bo.id(), null);

    Item first = item(language);
    assertThat(first.status()).isEqualTo(Status.ASSIGNED);
    assertThat(first.assigneeUserId()).isEqualTo(ana.id());
    assertThat(items.changes(first.id()))
        .extracting(InboxItems.Change::detail)
        .anySatisfy(d -> assertThat(d).contains("Buying to Ana", ana.user().displayName()));

    routes.move(second.id(), true);
    assertThat(item(language).assigneeUserId()).isEqualTo(bo.id());
  }

  @Test
  void aTeamRuleTakesTurnsAmongItsEnabledMembers() {
    Team team = fixtures.team();
    var a = fixtures.user(Role.SALES, team);
    var b = fixtures.user(Role.SALES, team);
    rule("Buying round-robin", null, team.id());

    List<Long> assignees =
        List.of(item(language), item(language), item(language)).stream()
            .map(Item::assigneeUserId)
            .toList();
    assertThat(assignees).containsExactly(a.id(), b.id(), a.id());
    assertThat(items.byMention(item(language).mentionId()).orElseThrow().teamId())
        .isEqualTo(team.id());
  }

  @Test
  void anItemNoRuleTakesWaitsUnassignedInTheQueueTeam() {
    Team support = fixtures.team();
    routes.setQueueTeam(support.id());
    rule("Only another language", fixtures.user(Role.SALES).id(), null);

    Item item = item("pt");
    assertThat(item.status()).isEqualTo(Status.NEW);
    assertThat(item.assigneeUserId()).isNull();
    assertThat(item.teamId()).isEqualTo(support.id());
  }

  @Test
  void aRuleThatCouldNeverMatchOrAssignIsRefusedNamingTheField() {
    Team empty = fixtures.team();
    long user = fixtures.user(Role.SALES).id();
    assertThatThrownBy(
            () ->
                routes.create(
                    new Routes.Form(
                        "x", true, "987654321", null, null, null, null, null, user, null, null)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("listeningRuleId");
    assertThatThrownBy(
            () ->
                routes.create(
                    new Routes.Form(
                        "x", true, null, null, null, null, null, null, null, empty.id(), null)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("assignTeamId")
        .hasMessageContaining("no enabled members");
    assertThatThrownBy(
            () ->
                routes.create(
                    new Routes.Form(
                        "x", true, null, "gossip", "myspace", "english", null, null, null, null,
                        "!!")))
        .isInstanceOf(InvalidInputException.class)
        .satisfies(
            e ->
                assertThat(((InvalidInputException) e).errors())
                    .extracting(InvalidInputException.FieldError::field)
                    .containsExactlyInAnyOrder(
                        "reading", "network", "language", "assignUserId", "territory"));
  }

  /** A real person working at an account located where {@code location} says. */
  PersonId personAt(String location) {
    PersonId person = records.person();
    AccountId account = records.account();
    jdbc.sql("update account set location = :l where id = :a")
        .param("l", location)
        .param("a", account.value())
        .update();
    jdbc.sql("update person set account_id = :a where id = :p")
        .param("a", account.value())
        .param("p", person.value())
        .update();
    return person;
  }

  @Test
  void aTerritoryRuleTakesItemsWhosePersonsAccountLiesInIt() {
    var dach = fixtures.user(Role.SALES);
    var rest = fixtures.user(Role.SALES);
    Route r =
        routes.create(
            new Routes.Form(
                "DACH",
                true,
                null,
                null,
                null,
                language,
                null,
                null,
                dach.id(),
                null,
                " germany ,Austria,  Switzerland"));
    made.add(r.id());
    assertThat(r.territory()).isEqualTo("germany, Austria, Switzerland");
    rule("Everyone else", rest.id(), null);

    assertThat(item(language, personAt("Berlin, Germany")).assigneeUserId()).isEqualTo(dach.id());
    assertThat(item(language, personAt("VIENNA (AUSTRIA)")).assigneeUserId()).isEqualTo(dach.id());
    // whole words only: "Germanyville" is not Germany; no account location never matches
    assertThat(item(language, personAt("Germanyville, Texas")).assigneeUserId())
        .isEqualTo(rest.id());
    assertThat(item(language, records.person()).assigneeUserId()).isEqualTo(rest.id());
    assertThat(item(language).assigneeUserId()).isEqualTo(rest.id());
  }

  @Test
  void territoryMatchingIsByWholePlaceNames() {
    assertThat(Route.inTerritory("United States, Canada", "Austin, TX, United States")).isTrue();
    assertThat(Route.inTerritory("India", "Indianapolis, Indiana")).isFalse();
    assertThat(Route.inTerritory("São Paulo", "são paulo, brazil")).isTrue();
    assertThat(Route.inTerritory("Germany", null)).isFalse();
    assertThat(Route.inTerritory("Germany", "  ")).isFalse();
  }

  @Test
  void aTerritoryThatCouldNeverMatchIsRefused() {
    long user = fixtures.user(Role.SALES).id();
    for (String bad : List.of("Germany,,Austria", "---", "x".repeat(201), "<script>")) {
      assertThatThrownBy(
              () ->
                  routes.create(
                      new Routes.Form(
                          "t", true, null, null, null, null, null, null, user, null, bad)))
          .isInstanceOf(InvalidInputException.class)
          .hasMessageContaining("territory");
    }
  }
}
