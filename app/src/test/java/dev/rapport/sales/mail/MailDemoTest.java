package dev.rapport.sales.mail;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.access.NewUser;
import dev.rapport.access.Users;
import dev.rapport.people.DemoPeopleLoaded;
import dev.rapport.people.PersonEmails;
import dev.rapport.people.PersonId;
import dev.rapport.support.PersistenceTest;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The demo's mail: Maria's mailbox with threads on persons' timelines, strangers, a kept draft. */
@PersistenceTest
class MailDemoTest {

  @Autowired MailDemo demo;
  @Autowired MailStore store;
  @Autowired Users users;
  @Autowired PersonEmails emails;
  @Autowired JdbcClient jdbc;

  @Test
  void mariaGetsAMailboxWithThreadsUnknownSendersAndAFailedDraft() {
    long maria =
        users
            .byUsername("maria")
            .orElseGet(
                () ->
                    users.create(
                        new NewUser(
                            "maria",
                            "Maria Santos",
                            "maria-demo-password-long",
                            List.of("sales"),
                            List.of(),
                            true)))
            .id();
    List<PersonId> persons = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      persons.add(emails.createWithEmail("demo" + i + "-" + UUID.randomUUID() + "@x.test", null));
    }
    demo.on(new DemoPeopleLoaded(persons, List.of()));

    Mailbox box = store.forUser(maria).get(store.forUser(maria).size() - 1);
    assertThat(box.lastError()).contains("could not be found");
    assertThat(store.forPerson(persons.get(0), 10)).hasSize(3);
    assertThat(store.forPerson(persons.get(0), 10))
        .extracting(MailStore.Message::threadKey)
        .containsOnly("<demo-" + persons.get(0).value() + "-1@rapport-demo.invalid>");
    assertThat(store.forPerson(persons.get(3), 10)).isEmpty();
    assertThat(
            jdbc.sql("select count(*) from touchpoint where kind = 'EMAIL' and person_id in (:p)")
                .param("p", persons.stream().map(PersonId::value).toList())
                .query(Long.class)
                .single())
        .isEqualTo(3 + 2 + 2);
    assertThat(store.unknownSenders(box.id(), 10))
        .extracting(MailStore.UnknownSender::name)
        .containsExactlyInAnyOrder("Jordan Lee", "Priya Raman");
    assertThat(store.outboundOf(box.id(), 10))
        .singleElement()
        .satisfies(o -> assertThat(o.status()).isEqualTo("FAILED"));
  }
}
