package dev.rapport.people.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rapport.people.Network;
import dev.rapport.people.PersonId;
import dev.rapport.people.PersonsMerged;
import dev.rapport.people.SocialIdentities;
import dev.rapport.shared.InvalidInputException;
import dev.rapport.support.PersistenceTest;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

@PersistenceTest
@RecordApplicationEvents
class ResolutionAndMergeTest {

  @Autowired SocialIdentities socialIdentities;
  @Autowired SocialIdentitiesFacade resolution;
  @Autowired PersonService persons;
  @Autowired AccountService accounts;
  @Autowired Merges merges;
  @Autowired MergeProposals proposals;
  @Autowired IdentityStore identities;
  @Autowired JdbcClient jdbc;
  @Autowired ApplicationEvents events;

  final String run = UUID.randomUUID().toString().substring(0, 8);

  PersonDraft person(String first, String last, String email, String... tags) {
    return new PersonDraft(
        first,
        last,
        email == null ? List.of() : List.of(email),
        List.of(),
        null,
        null,
        null,
        List.of(tags),
        false,
        null);
  }

  @Test
  void anAuthorIsMatchedByHandleOnTheSameNetworkAndByProfileUrl() {
    PersonId first =
        socialIdentities.resolveAuthor(
            Network.MASTODON,
            "@ana" + run + "@mastodon.social",
            "https://mastodon.social/@ana" + run,
            "Ana Lima",
            "hi",
            10);
    PersonId byHandle =
        socialIdentities.resolveAuthor(
            Network.MASTODON, "ANA" + run + "@mastodon.social", null, "Ana L.", null, 12);
    PersonId byUrl =
        socialIdentities.resolveAuthor(
            Network.OTHER,
            "someone-else-" + run,
            "https://www.mastodon.social/@ana" + run + "/",
            null,
            null,
            null);
    PersonId otherNetwork =
        socialIdentities.resolveAuthor(
            Network.X, "ana" + run + "@mastodon.social", null, "Ana Lima", null, null);
    assertThat(byHandle).isEqualTo(first);
    assertThat(byUrl).isEqualTo(first);
    assertThat(otherNetwork).isNotEqualTo(first);
    assertThat(identities.ofPerson(first.value())).hasSize(2);
  }

  @Test
  void authorsResolvedTogetherEndWhereOneByOneWouldAndNewOnesAreAudited() {
    PersonId known =
        socialIdentities.resolveAuthor(
            Network.MASTODON,
            "@kim" + run + "@mastodon.social",
            "https://mastodon.social/@kim" + run,
            "Kim Ode",
            null,
            null);
    List<SocialIdentities.Author> batch =
        List.of(
            // new, twice in the batch: one person
            new SocialIdentities.Author(
                Network.MASTODON, "@lou" + run + "@mastodon.social", null, "Lou Pax", null, 3),
            // known by handle (case aside)
            new SocialIdentities.Author(
                Network.MASTODON, "KIM" + run + "@mastodon.social", null, null, null, null),
            new SocialIdentities.Author(
                Network.MASTODON, "@lou" + run + "@mastodon.social", null, "Lou Pax", null, 3),
            // known by profile URL on another network
            new SocialIdentities.Author(
                Network.OTHER,
                "kim-elsewhere-" + run,
                "https://www.mastodon.social/@kim" + run + "/",
                null,
                null,
                null),
            // new
            new SocialIdentities.Author(
                Network.BLUESKY, "mo" + run + ".bsky.social", null, "Mo Reyes", null, null));

    List<PersonId> resolved = socialIdentities.resolveAuthors(batch);

    assertThat(resolved).hasSize(5);
    assertThat(resolved.get(1)).isEqualTo(known);
    assertThat(resolved.get(3)).isEqualTo(known);
    assertThat(resolved.get(0)).isEqualTo(resolved.get(2)).isNotEqualTo(known);
    assertThat(resolved.get(4)).isNotIn(known, resolved.get(0));
    // the same authors one by one now find the same persons
    assertThat(
            socialIdentities.resolveAuthor(
                Network.BLUESKY, "mo" + run + ".bsky.social", null, null, null, null))
        .isEqualTo(resolved.get(4));
    assertThat(
            socialIdentities.resolveAuthor(
                Network.MASTODON, "lou" + run + "@mastodon.social", null, null, null, null))
        .isEqualTo(resolved.get(0));
    PersonId mo = resolved.get(4);
    assertThat(persons.get(mo.value()).draft().fullName()).isEqualTo("Mo Reyes");
    assertThat(identities.ofPerson(mo.value())).hasSize(1);
    assertThat(
            jdbc.sql(
                    "select count(*) from audit_log where action = 'CREATE' and object_id = :id"
                        + " and object_type in ('person', 'identity')")
                .param("id", Long.toString(mo.value()))
                .query(Long.class)
                .single())
        .as("the bulk-created person is audited")
        .isGreaterThanOrEqualTo(1);
    assertThat(events.stream(dev.rapport.people.PersonCreated.class))
        .anyMatch(e -> e.person().equals(mo));
  }

  @Test
  void aBatchWithAnInvalidAuthorIsRefusedAsOneByOneWouldBe() {
    assertThatThrownBy(
            () ->
                socialIdentities.resolveAuthors(
                    List.of(
                        new SocialIdentities.Author(
                            Network.MASTODON, "ok" + run, null, null, null, null),
                        new SocialIdentities.Author(
                            Network.MASTODON, " ", null, null, null, null))))
        .isInstanceOf(dev.rapport.shared.InvalidInputException.class);
  }

  @Test
  void anIdentityWithAKnownEmailJoinsThatPerson() {
    long id = persons.create(person("Bo", "Berg", "bo." + run + "@berg.example"), "test").value();
    SocialIdentitiesFacade.Resolution r =
        resolution.resolve(
            IdentityDraft.of("bluesky", "bo" + run + ".bsky.social", null, "Bo", null, null),
            "BO." + run + "@berg.example",
            "test");
    assertThat(r.personId()).isEqualTo(id);
    assertThat(r.matchedBy()).isEqualTo("email");
    assertThat(r.created()).isFalse();
  }

  @Test
  void sameNameAndSameCompanyDomainOnlyProposesAMerge() {
    long a =
        persons.create(person("Cem", "Demir" + run, "cem@demir" + run + ".example"), "t").value();
    long b =
        persons
            .create(person("Cem", "Demir" + run, "c.demir@demir" + run + ".example"), "t")
            .value();
    long elsewhere =
        persons.create(person("Cem", "Demir" + run, "cem@other" + run + ".example"), "t").value();
    List<MergeProposals.Proposal> pending = proposals.pendingFor(a);
    assertThat(pending).hasSize(1);
    assertThat(pending.get(0).personB()).isEqualTo(b);
    assertThat(pending.get(0).evidence()).contains("demir" + run + ".example");
    assertThat(proposals.pendingFor(elsewhere)).isEmpty();
    assertThat(persons.get(b).mergedInto()).isNull();

    merges.reject(pending.get(0).id());
    assertThat(proposals.pendingFor(a)).isEmpty();
    assertThat(persons.get(a).mergedInto()).isNull();
  }

  @Test
  void aMergeKeepsEveryIdentityEmailAndTagIsRecordedExplainedAndPublished() {
    long survivor =
        persons
            .create(person("Dana", "Fox" + run, "dana@fox" + run + ".example", "vip"), "t")
            .value();
    long merged =
        persons
            .create(person("Dana", "Fox" + run, "d.fox@fox" + run + ".example", "webinar"), "t")
            .value();
    resolution.attach(survivor, IdentityDraft.of("x", "danafox" + run, null, null, null, null));
    resolution.attach(
        merged, IdentityDraft.of("linkedin", "dana-fox-" + run, null, null, null, null));
    resolution.attach(
        merged,
        IdentityDraft.of("mastodon", "dana" + run + "@fosstodon.org", null, null, null, null));
    long proposal = proposals.pendingFor(survivor).get(0).id();

    Merges.MergeRecord record = merges.accept(proposal, survivor);

    Person after = persons.get(survivor);
    assertThat(after.emails())
        .containsExactlyInAnyOrder("dana@fox" + run + ".example", "d.fox@fox" + run + ".example");
    assertThat(after.tags()).containsExactlyInAnyOrder("vip", "webinar");
    assertThat(identities.ofPerson(survivor)).hasSize(3);
    assertThat(persons.get(merged).mergedInto()).isEqualTo(survivor);
    assertThat(record.survivorId()).isEqualTo(survivor);
    assertThat(record.mergedId()).isEqualTo(merged);
    assertThat(record.proposalId()).isEqualTo(proposal);
    assertThat(record.explanation()).contains("2 identities", "1 emails");
    assertThat(merges.list(merged)).extracting(Merges.MergeRecord::id).contains(record.id());
    assertThat(merges.explain(record.id()).reason()).contains("same company domain");
    assertThat(events.stream(PersonsMerged.class))
        .contains(new PersonsMerged(new PersonId(survivor), new PersonId(merged), record.reason()));
    assertThatThrownBy(() -> merges.merge(survivor, merged, "again", null))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("already merged");
  }

  @Test
  void anIdentityBelongsToAtMostOnePerson() {
    long a = persons.create(person("Eli", "One" + run, null), "t").value();
    long b = persons.create(person("Eli", "Two" + run, null), "t").value();
    resolution.attach(a, IdentityDraft.of("reddit", "eli" + run, null, null, null, null));
    assertThatThrownBy(
            () ->
                resolution.attach(
                    b, IdentityDraft.of("reddit", "ELI" + run, null, null, null, null)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("already belongs to person " + a);
    assertThatThrownBy(() -> IdentityDraft.of("myspace", "x", null, null, null, null))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("network");
  }
}
