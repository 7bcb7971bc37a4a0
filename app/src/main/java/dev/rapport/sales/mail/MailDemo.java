package dev.rapport.sales.mail;

import dev.rapport.access.Users;
import dev.rapport.people.DemoPeopleLoaded;
import dev.rapport.people.PersonId;
import dev.rapport.people.PersonSummary;
import dev.rapport.people.Persons;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Demo mail for Maria (sales): a connected mailbox (on a host that does not exist, so "Check now"
 * shows how a failing server is reported), threaded conversations with a few demo persons on their
 * timelines, two unknown senders waiting to be added, and one message the server refused, kept for
 * a retry. Needs rapport.mail.key (the demo profile sets one); without it, nothing is added.
 */
@Component
class MailDemo {

  private static final String[][] THREADS = {
    {
      "Pricing for 25 seats",
      "Hi Maria, could you send pricing for 25 seats with the listening add-on?",
      "Sure: 25 seats with listening are 14 per seat and month, billed yearly. Happy to walk you"
          + " through it on a call.",
      "Thanks, that works. Can we talk Thursday at 10?"
    },
    {
      "Security questionnaire",
      "Our IT team sent the attached questionnaire; is SSO included?",
      "Yes, SSO is included in every plan. I filled in the questionnaire, see the answers inline."
    },
    {
      "Follow-up after the webinar",
      "Thanks for joining our webinar on social listening. Here are the slides and the recording.",
      "Great session! Could you share the rule examples for Mastodon as well?"
    }
  };

  private final MailStore store;
  private final MailFiling filing;
  private final PasswordCipher cipher;
  private final Persons persons;
  private final Users users;

  MailDemo(
      MailStore store, MailFiling filing, PasswordCipher cipher, Persons persons, Users users) {
    this.store = store;
    this.filing = filing;
    this.cipher = cipher;
    this.persons = persons;
    this.users = users;
  }

  // Synchronous on purpose: demo data is loaded whole or not at all, in the demo's transaction.
  @EventListener
  @Transactional
  void on(DemoPeopleLoaded demo) {
    var maria = users.byUsername("maria");
    if (maria.isEmpty() || !cipher.ready()) {
      return;
    }
    Instant now = Instant.now().truncatedTo(ChronoUnit.MINUTES);
    long id =
        store.insert(
            new Mailbox(
                0,
                maria.get().id(),
                "maria@rapport-demo.invalid",
                "imap.rapport-demo.invalid",
                993,
                Mailbox.Security.TLS,
                "smtp.rapport-demo.invalid",
                587,
                Mailbox.Security.STARTTLS,
                "maria@rapport-demo.invalid",
                cipher.encrypt("demo-password-not-real"),
                "Sent",
                null,
                null,
                null,
                now),
            now);
    Mailbox box = store.find(id).orElseThrow();
    List<PersonSummary> withEmail = new ArrayList<>();
    for (PersonId p : demo.persons()) {
      persons.find(p).filter(s -> s.email() != null).ifPresent(withEmail::add);
      if (withEmail.size() == THREADS.length) {
        break;
      }
    }
    for (int t = 0; t < withEmail.size(); t++) {
      PersonSummary p = withEmail.get(t);
      String[] thread = THREADS[t];
      String root = null;
      String previous = null;
      Instant at = now.minus(Duration.ofDays(6L - t * 2L)).minus(Duration.ofHours(5));
      for (int i = 1; i < thread.length; i++) {
        boolean in = (i % 2 == 1) == (t != 2); // the webinar thread starts with Maria
        String messageId = "<demo-" + p.id().value() + "-" + i + "@rapport-demo.invalid>";
        root = root == null ? messageId : root;
        long row =
            store.insertMessage(
                new MailStore.Message(
                    0,
                    id,
                    messageId,
                    root,
                    previous,
                    i == 1 ? thread[0] : "Re: " + thread[0],
                    MailText.clip(thread[i]),
                    in ? "IN" : "OUT",
                    in ? p.email().toLowerCase(Locale.ROOT) : box.address(),
                    in ? p.name() : null,
                    at,
                    true));
        store.markFiled(row, p.id());
        filing.append(box, store.message(id, messageId).orElseThrow(), p.id());
        previous = messageId;
        at = at.plus(Duration.ofHours(3 + i));
      }
    }
    String[][] unknown = {
      {"jordan.lee@northwind-demo.invalid", "Jordan Lee", "Question about your API"},
      {"priya@fabrikam-demo.invalid", "Priya Raman", "Partnership idea"}
    };
    for (int u = 0; u < unknown.length; u++) {
      store.insertMessage(
          new MailStore.Message(
              0,
              id,
              "<demo-unknown-" + u + "@rapport-demo.invalid>",
              "<demo-unknown-" + u + "@rapport-demo.invalid>",
              null,
              unknown[u][2],
              "Hello Maria, we met at the meetup; could we talk next week?",
              "IN",
              unknown[u][0],
              unknown[u][1],
              now.minus(Duration.ofHours(20L + u)),
              false));
    }
    if (!withEmail.isEmpty()) {
      PersonSummary p = withEmail.get(0);
      long failed =
          store.insertOutbound(
              new MailStore.Outbound(
                  0,
                  id,
                  p.id().value(),
                  p.email(),
                  "Agenda for Thursday",
                  "Hi, here is the agenda for Thursday: your goals, a demo, pricing.",
                  null,
                  "<demo-outbound@rapport-demo.invalid>",
                  "DRAFT",
                  null,
                  maria.get().id(),
                  now.minus(Duration.ofHours(2)),
                  null));
      store.outboundFailed(
          failed,
          "SMTP server smtp.rapport-demo.invalid:587 could not be found (the host name does not"
              + " resolve) (the message is kept: retry it)");
    }
    store.checked(
        id,
        now.minus(Duration.ofMinutes(5)),
        "IMAP server imap.rapport-demo.invalid:993 could not be found (the host name does not"
            + " resolve); this is the demo's mailbox, connect a real one to read mail");
  }
}
