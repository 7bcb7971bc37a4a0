package dev.rapport.people.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rapport.access.Actor;
import dev.rapport.access.AuditLog;
import dev.rapport.access.RecordVisibility;
import dev.rapport.access.Role;
import dev.rapport.access.Users;
import dev.rapport.shared.NotFoundException;
import dev.rapport.support.AccessFixtures;
import dev.rapport.support.PersistenceTest;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Visibility "team" for persons, written against the RecordVisibility contract: a sales user sees
 * persons owned by their team and gets "not found" for another team's, so existence does not leak.
 */
@PersistenceTest
class VisibilityTest {

  @Autowired PersonStore store;
  @Autowired AccountStore accounts;
  @Autowired Ids ids;
  @Autowired AuditLog audit;
  @Autowired ApplicationEventPublisher events;
  @Autowired MergeProposals proposals;
  @Autowired JdbcClient jdbc;
  @Autowired AccessFixtures access;
  @Autowired Users users;

  // real users (owners must exist): sam and a teammate in team 1, a stranger in team 2
  long sam;
  long teammate;
  long stranger;
  Map<Long, Long> teamOf = Map.of();
  final RecordVisibility teamVisibility =
      (actor, type) ->
          actor.isAdmin()
              ? Optional.empty()
              : Optional.of(
                  teamOf.entrySet().stream()
                      .filter(e -> actor.teamIds().contains(e.getValue()))
                      .map(Map.Entry::getKey)
                      .collect(Collectors.toSet()));

  PersonService as(Actor actor) {
    Visible visible = new Visible(() -> actor, teamVisibility);
    Owners owners = new Owners(() -> actor, teamVisibility, users, "");
    return new PersonService(store, accounts, ids, audit, visible, events, proposals, jdbc, owners);
  }

  @Test
  void aSalesUserCannotReadAPersonPrivateToAnotherTeam() {
    String run = UUID.randomUUID().toString().substring(0, 8);
    sam = access.user(Role.SALES).id();
    teammate = access.user(Role.SALES).id();
    stranger = access.user(Role.SALES).id();
    teamOf = Map.of(sam, 1L, teammate, 1L, stranger, 2L);
    Actor admin = Actor.SYSTEM;
    Actor sales = new Actor(sam, "sam", Set.of(Role.SALES), Set.of(1L));
    PersonService asAdmin = as(admin);
    long ours = asAdmin.create(draft("Ours" + run, teammate), "test").value();
    long theirs = asAdmin.create(draft("Theirs" + run, stranger), "test").value();
    long nobodys = asAdmin.create(draft("Nobodys" + run, null), "test").value();

    PersonService asSales = as(sales);
    assertThat(asSales.get(ours).lastName()).isEqualTo("Ours" + run);
    assertThat(asSales.get(nobodys).lastName()).isEqualTo("Nobodys" + run);
    assertThatThrownBy(() -> asSales.get(theirs))
        .isInstanceOf(NotFoundException.class)
        .hasMessage("person " + theirs + " was not found");
    assertThatThrownBy(() -> asSales.update(theirs, draft("Changed", sam)))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> asSales.delete(theirs)).isInstanceOf(NotFoundException.class);
    assertThat(asAdmin.get(theirs).lastName()).isEqualTo("Theirs" + run);

    ListQuery query = ListQuery.of(run, null, null, null, null, 0, 50, PersonStore.SORTABLE);
    assertThat(asSales.list(query).items())
        .extracting(Person::id)
        .containsExactlyInAnyOrder(ours, nobodys);
    assertThat(asAdmin.list(query).items()).hasSize(3);
  }

  PersonDraft draft(String last, Long owner) {
    return new PersonDraft(
        "Vis", last, List.of(), List.of(), null, null, owner, List.of(), false, null);
  }
}
