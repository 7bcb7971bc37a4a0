package dev.rapport.sales.mail;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.access.Role;
import dev.rapport.access.VisibilityLevel;
import dev.rapport.access.visibility.RecordVisibilityFacade;
import dev.rapport.people.PersonEmails;
import dev.rapport.people.PersonId;
import dev.rapport.support.AccessFixtures;
import dev.rapport.support.AccessFixtures.TestUser;
import dev.rapport.support.PersistenceTest;
import jakarta.mail.internet.MimeMessage;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Email on the timeline against a real IMAP and SMTP server in the same process (GreenMail on
 * loopback, allowed through rapport.listening.allowed-hosts in the test configuration): import,
 * threading, idempotent re-reads, a server that dies midway, sending, refusals and timeouts, the
 * password at rest, hostile HTML, unknown senders and who may see which mailbox.
 */
@PersistenceTest
class MailTimelineTest {

  @Autowired AccessFixtures access;
  @Autowired JdbcClient jdbc;
  @Autowired ObjectMapper json;
  @Autowired PersonEmails emails;
  @Autowired MailImport imports;
  @Autowired MailPoller poller;
  @Autowired RecordVisibilityFacade visibility;

  MailServer server;
  TestUser seller;
  String tag;

  @BeforeEach
  void start() {
    server = new MailServer().start();
    seller = access.user(Role.SALES);
    tag = UUID.randomUUID().toString().substring(0, 8);
  }

  @AfterEach
  void stop() {
    imports.batchSize = 50;
    imports.afterBatch = uid -> {};
    server.stop();
  }

  // ---- helpers ----

  MockHttpServletResponse api(TestUser as, String method, String path, String body)
      throws Exception {
    MockHttpServletRequestBuilder r =
        MockMvcRequestBuilders.request(HttpMethod.valueOf(method), path)
            .accept(MediaType.APPLICATION_JSON)
            .with(AccessFixtures.bearer(access.token(as)));
    if (body != null) {
      r.contentType(MediaType.APPLICATION_JSON).content(body);
    }
    return access.mvc().perform(r).andReturn().getResponse();
  }

  JsonNode ok(MockHttpServletResponse r, int status) throws Exception {
    assertThat(r.getStatus()).as(r.getContentAsString()).isEqualTo(status);
    return r.getContentAsString().isEmpty() ? null : json.readTree(r.getContentAsString());
  }

  long connect() throws Exception {
    return ok(api(seller, "POST", "/api/v1/mailboxes", server.connectJson()), 201)
        .get("id")
        .asLong();
  }

  JsonNode check(long mailbox) throws Exception {
    return ok(api(seller, "POST", "/api/v1/mailboxes/" + mailbox + "/check", null), 200);
  }

  PersonId person(String email, String name) {
    return emails.createWithEmail(email, name);
  }

  String addr(String who) {
    return who + "-" + tag + "@customer.test";
  }

  String id(String local) {
    return "<" + local + "-" + tag + "@customer.test>";
  }

  List<Map<String, Object>> touchpoints(PersonId p) {
    return jdbc.sql(
            "select kind, direction, summary, source_type, source_id, channel from touchpoint"
                + " where person_id = :p and kind = 'EMAIL' order by occurred_at, id")
        .param("p", p.value())
        .query()
        .listOfRows();
  }

  // ---- import ----

  @Test
  void mailToAndFromAKnownPersonBecomesThreadedEmailTouchpoints() throws Exception {
    PersonId ada = person(addr("ada"), "Ada Lovelace");
    server.append(
        "INBOX",
        MailServer.message(
            id("q1"),
            "Ada Lovelace <" + addr("ada") + ">",
            MailServer.ADDRESS,
            "Pricing for 40 seats",
            "Hi, could you send pricing for 40 seats?\n\nThanks, Ada"));
    // the seller's answer, in the sent folder, quoting Ada
    server.append(
        "Sent",
        MailServer.message(
            id("a1"),
            MailServer.ADDRESS,
            addr("ada"),
            "Re: Pricing for 40 seats",
            "Sure: 40 seats are 12 per seat.\n\nOn Monday Ada wrote:\n> could you send pricing",
            "In-Reply-To",
            id("q1"),
            "References",
            id("q1")));
    long mailbox = connect();

    JsonNode result = check(mailbox);
    assertThat(result.get("error").isNull()).as(result.toString()).isTrue();
    assertThat(result.get("filed").asInt()).isEqualTo(2);

    List<Map<String, Object>> tps = touchpoints(ada);
    assertThat(tps).hasSize(2);
    assertThat(tps.get(0))
        .containsEntry("kind", "EMAIL")
        .containsEntry("direction", "IN")
        .containsEntry("channel", "email")
        .containsEntry("source_type", "sales.mail")
        .containsEntry(
            "summary",
            "Pricing for 40 seats — Hi, could you send pricing for 40 seats? Thanks, Ada");
    assertThat(tps.get(1)).containsEntry("direction", "OUT");
    // the quoted part of the reply is cut
    assertThat((String) tps.get(1).get("summary"))
        .isEqualTo("Re: Pricing for 40 seats — Sure: 40 seats are 12 per seat.");

    // threaded: the reply is in the question's thread
    JsonNode mails =
        ok(api(seller, "GET", "/api/v1/persons/" + ada.value() + "/emails", null), 200);
    assertThat(mails).hasSize(2);
    assertThat(mails.get(0).get("thread").asString()).isEqualTo(id("q1"));
    assertThat(mails.get(1).get("thread").asString()).isEqualTo(id("q1"));
    assertThat(mails.get(0).get("inReplyTo").asString()).isEqualTo(id("q1"));
  }

  @Test
  void readingAgainFilesNothingTwiceEvenFromTheStart() throws Exception {
    PersonId bob = person(addr("bob"), "Bob Stone");
    server.append(
        "INBOX",
        MailServer.message(id("b1"), addr("bob"), MailServer.ADDRESS, "Hello", "First"),
        MailServer.message(id("b2"), addr("bob"), MailServer.ADDRESS, "Again", "Second"));
    long mailbox = connect();
    // the scheduled poll (the system, no user signed in) files them
    poller.pollAll();
    assertThat(touchpoints(bob)).hasSize(2);
    assertThat(check(mailbox).get("read").asInt()).as("nothing new after the cursor").isZero();
    // forget the cursor (as a changed UIDVALIDITY would): everything is read again, filed once
    jdbc.sql("delete from sales_mail_cursor where mailbox_id = :m").param("m", mailbox).update();
    JsonNode again = check(mailbox);
    assertThat(again.get("read").asInt()).isEqualTo(2);
    assertThat(again.get("filed").asInt()).isZero();
    assertThat(touchpoints(bob)).hasSize(2);
  }

  @Test
  void aServerThatDiesMidwayLosesNothingAndTheNextCheckResumes() throws Exception {
    PersonId cy = person(addr("cy"), "Cy Young");
    List<MimeMessage> three = new ArrayList<>();
    for (int i = 1; i <= 3; i++) {
      three.add(
          MailServer.message(
              id("c" + i), addr("cy"), MailServer.ADDRESS, "Part " + i, "Text " + i));
    }
    server.append("INBOX", three.toArray(MimeMessage[]::new));
    long mailbox = connect();

    // one message per transaction, and the server goes away after the first is committed
    imports.batchSize = 1;
    imports.afterBatch = uid -> server.green.stop();
    JsonNode failed = check(mailbox);
    imports.afterBatch = uid -> {};

    assertThat(failed.get("error").asString())
        .startsWith("IMAP server 127.0.0.1:" + server.imapPort)
        .doesNotContain(MailServer.PASSWORD);
    assertThat(touchpoints(cy)).hasSize(1);
    long cursor =
        jdbc.sql(
                "select last_uid from sales_mail_cursor where mailbox_id = :m and folder = 'INBOX'")
            .param("m", mailbox)
            .query(Long.class)
            .single();
    assertThat(cursor).as("the cursor stops at the last committed message").isEqualTo(1);
    JsonNode box = ok(api(seller, "GET", "/api/v1/mailboxes/" + mailbox, null), 200);
    assertThat(box.get("lastError").asString()).isEqualTo(failed.get("error").asString());

    // while it is down: a clear error, nothing changes
    JsonNode down = check(mailbox);
    assertThat(down.get("error").asString()).contains("refused the connection");
    assertThat(touchpoints(cy)).hasSize(1);

    // back up (GreenMail starts empty, so the mail is there again, as after a server restore):
    // the rest is filed, nothing twice
    server.start();
    server.append("INBOX", three.toArray(MimeMessage[]::new));
    imports.batchSize = 50;
    JsonNode resumed = check(mailbox);
    assertThat(resumed.get("error").isNull()).as(resumed.toString()).isTrue();
    assertThat(touchpoints(cy))
        .extracting(t -> (String) t.get("summary"))
        .containsExactly("Part 1 — Text 1", "Part 2 — Text 2", "Part 3 — Text 3");
    box = ok(api(seller, "GET", "/api/v1/mailboxes/" + mailbox, null), 200);
    assertThat(box.get("lastError").isNull()).isTrue();
  }

  @Test
  void htmlMailIsReducedToTextAndScriptsNeverReachThePage() throws Exception {
    PersonId dee = person(addr("dee"), "Dee Dee");
    server.append(
        "INBOX",
        MailServer.html(
            id("h1"),
            addr("dee"),
            MailServer.ADDRESS,
            "Offer <b>now</b>",
            "<html><head><style>p{color:red}</style></head><body><p>Hello <b>there</b></p>"
                + "<script>alert('x')</script><img src=x onerror=alert(1)>"
                + "<blockquote>old quoted text</blockquote></body></html>"),
        MailServer.message(
            id("h2"),
            addr("dee"),
            MailServer.ADDRESS,
            "Plain",
            "Type <script>alert(2)</script> here"));
    long mailbox = connect();
    check(mailbox);
    List<String> summaries = touchpoints(dee).stream().map(t -> (String) t.get("summary")).toList();
    assertThat(summaries)
        .containsExactly(
            "Offer <b>now</b> — Hello there", "Plain — Type <script>alert(2)</script> here");

    // shown as text on the person's timeline and email panel, never as markup
    for (String page :
        List.of("/timeline/persons/" + dee.value(), "/mail/persons/" + dee.value() + "/panel")) {
      String html =
          access
              .mvc()
              .perform(MockMvcRequestBuilders.get(page).with(seller.session()))
              .andReturn()
              .getResponse()
              .getContentAsString();
      assertThat(html).as(page).contains("Type &lt;script&gt;alert(2)&lt;/script&gt; here");
      assertThat(html).as(page).doesNotContain("<script>alert").doesNotContain("<b>now");
    }
  }

  // ---- unknown senders ----

  @Test
  void anUnknownSenderWaitsAndIsAddedAsAPersonWithTheirMail() throws Exception {
    String stranger = addr("eve");
    server.append(
        "INBOX",
        MailServer.message(
            id("u1"), "Eve Adams <" + stranger + ">", MailServer.ADDRESS, "Intro", "Hi there"));
    long mailbox = connect();
    assertThat(check(mailbox).get("filed").asInt()).isZero();
    JsonNode unknown =
        ok(api(seller, "GET", "/api/v1/mailboxes/" + mailbox + "/unknown-senders", null), 200);
    assertThat(unknown).hasSize(1);
    assertThat(unknown.get(0).get("address").asString()).isEqualTo(stranger);
    assertThat(unknown.get(0).get("name").asString()).isEqualTo("Eve Adams");

    JsonNode added =
        ok(
            api(
                seller,
                "POST",
                "/api/v1/mailboxes/" + mailbox + "/unknown-senders",
                "{\"address\":\"" + stranger + "\"}"),
            201);
    PersonId eve = new PersonId(added.get("person").asLong());
    assertThat(touchpoints(eve))
        .singleElement()
        .satisfies(t -> assertThat(t).containsEntry("direction", "IN"));
    assertThat(
            jdbc.sql("select owner_user_id from person where id = :p")
                .param("p", eve.value())
                .query(Long.class)
                .single())
        .isEqualTo(seller.id());
    assertThat(
            ok(api(seller, "GET", "/api/v1/mailboxes/" + mailbox + "/unknown-senders", null), 200))
        .isEmpty();
    // a sender that is not waiting is refused, naming the field
    MockHttpServletResponse r =
        api(
            seller,
            "POST",
            "/api/v1/mailboxes/" + mailbox + "/unknown-senders",
            "{\"address\":\"nobody@nowhere.test\"}");
    assertThat(r.getStatus()).isEqualTo(400);
    assertThat(r.getContentAsString()).contains("\"field\":\"address\"");
  }

  // ---- sending ----

  @Test
  void sendingFromRapportDeliversAndRecordsAnOutgoingTouchpoint() throws Exception {
    PersonId fay = person(addr("fay"), "Fay Wray");
    long mailbox = connect();
    JsonNode sent =
        ok(
            api(
                seller,
                "POST",
                "/api/v1/mailboxes/" + mailbox + "/messages",
                "{\"person\":"
                    + fay.value()
                    + ",\"subject\":\"Our call\",\"body\":\"Thanks for the call.\"}"),
            201);
    assertThat(sent.get("status").asString()).isEqualTo("SENT");
    MimeMessage[] received = server.green.getReceivedMessages();
    assertThat(received).hasSize(1);
    assertThat(received[0].getSubject()).isEqualTo("Our call");
    assertThat(received[0].getAllRecipients()[0].toString()).isEqualTo(addr("fay"));
    assertThat(received[0].getMessageID()).isEqualTo(sent.get("messageId").asString());
    assertThat(touchpoints(fay))
        .singleElement()
        .satisfies(
            t ->
                assertThat(t)
                    .containsEntry("direction", "OUT")
                    .containsEntry("summary", "Our call — Thanks for the call."));

    // its copy in the sent folder is the same touchpoint, not a second one
    server.append("Sent", received[0]);
    check(mailbox);
    assertThat(touchpoints(fay)).hasSize(1);
  }

  @Test
  void aRefusingOrSilentSmtpServerKeepsTheMessageForARetry() throws Exception {
    PersonId gil = person(addr("gil"), "Gil Scott");
    long mailbox = connect();
    String send =
        "{\"person\":" + gil.value() + ",\"subject\":\"Follow-up\",\"body\":\"Draft text\"}";

    // refused: nothing listens on the SMTP port
    server.stop();
    MockHttpServletResponse refused =
        api(seller, "POST", "/api/v1/mailboxes/" + mailbox + "/messages", send);
    assertThat(refused.getStatus()).isEqualTo(502);
    JsonNode problem = json.readTree(refused.getContentAsString());
    assertThat(problem.get("detail").asString())
        .contains("SMTP server 127.0.0.1:" + server.smtpPort + " refused the connection")
        .contains("is kept");
    long outbound = problem.get("outbound").asLong();
    assertThat(touchpoints(gil)).isEmpty();

    // silent: a server that accepts and never answers times out (rapport.mail.read-timeout=3s)
    try (ServerSocket silent = new ServerSocket(0)) {
      Thread t =
          new Thread(
              () -> {
                try (Socket s = silent.accept()) {
                  Thread.sleep(10_000);
                } catch (Exception ignored) {
                  // the test is over
                }
              });
      t.setDaemon(true);
      t.start();
      jdbc.sql("update sales_mailbox set smtp_port = :p where id = :m")
          .param("p", silent.getLocalPort())
          .param("m", mailbox)
          .update();
      MockHttpServletResponse timedOut =
          api(
              seller,
              "POST",
              "/api/v1/mailboxes/" + mailbox + "/outbox/" + outbound + "/retry",
              null);
      assertThat(timedOut.getStatus()).isEqualTo(502);
      assertThat(timedOut.getContentAsString()).contains("did not answer in time");
    }

    JsonNode outbox = ok(api(seller, "GET", "/api/v1/mailboxes/" + mailbox + "/outbox", null), 200);
    assertThat(outbox)
        .singleElement()
        .satisfies(
            o -> {
              assertThat(o.get("status").asString()).isEqualTo("FAILED");
              assertThat(o.get("body").asString()).isEqualTo("Draft text");
            });

    // the server is back: the retry sends the kept message and records it
    server.start();
    jdbc.sql("update sales_mailbox set smtp_port = :p where id = :m")
        .param("p", server.smtpPort)
        .param("m", mailbox)
        .update();
    JsonNode retried =
        ok(
            api(
                seller,
                "POST",
                "/api/v1/mailboxes/" + mailbox + "/outbox/" + outbound + "/retry",
                null),
            200);
    assertThat(retried.get("status").asString()).isEqualTo("SENT");
    assertThat(server.green.getReceivedMessages()).hasSize(1);
    assertThat(touchpoints(gil)).hasSize(1);
  }

  // ---- secrets, hosts and who sees what ----

  @Test
  void thePasswordIsEncryptedAtRestAndNeverAnswered() throws Exception {
    MockHttpServletResponse created =
        api(seller, "POST", "/api/v1/mailboxes", server.connectJson());
    assertThat(created.getStatus()).isEqualTo(201);
    assertThat(created.getContentAsString())
        .doesNotContain(MailServer.PASSWORD)
        .doesNotContain("password");
    long mailbox = json.readTree(created.getContentAsString()).get("id").asLong();
    String stored =
        jdbc.sql("select password_enc from sales_mailbox where id = :m")
            .param("m", mailbox)
            .query(String.class)
            .single();
    assertThat(stored).startsWith("v1:").doesNotContain(MailServer.PASSWORD);
    assertThat(new String(java.util.Base64.getDecoder().decode(stored.substring(3))))
        .doesNotContain(MailServer.PASSWORD);
    assertThat(api(seller, "GET", "/api/v1/mailboxes", null).getContentAsString())
        .doesNotContain(MailServer.PASSWORD)
        .doesNotContain(stored);
  }

  @Test
  void privateAndMetadataHostsAreRefusedNamingTheField() throws Exception {
    String json =
        server
            .connectJson()
            .replace("\"imapHost\":\"127.0.0.1\"", "\"imapHost\":\"10.1.2.3\"")
            .replace("\"smtpHost\":\"127.0.0.1\"", "\"smtpHost\":\"169.254.169.254\"");
    MockHttpServletResponse r = api(seller, "POST", "/api/v1/mailboxes", json);
    assertThat(r.getStatus()).isEqualTo(400);
    assertThat(r.getContentAsString())
        .contains("\"field\":\"imapHost\"")
        .contains("a private address")
        .contains("\"field\":\"smtpHost\"")
        .contains("link-local");
    MockHttpServletResponse bad =
        api(
            seller,
            "POST",
            "/api/v1/mailboxes",
            "{\"address\":\"not-an-address\",\"imapPort\":99999}");
    assertThat(bad.getStatus()).isEqualTo(400);
    assertThat(bad.getContentAsString())
        .contains("\"field\":\"address\"")
        .contains("\"field\":\"imapPort\"")
        .contains("\"field\":\"password\"");
  }

  @Test
  void aMailboxIsItsOwnersAndAnAdminsAndSendingAsksThePersonsVisibility() throws Exception {
    long mailbox = connect();
    TestUser other = access.user(Role.SALES, access.team());
    TestUser admin = access.user(Role.ADMIN);
    assertThat(api(other, "GET", "/api/v1/mailboxes/" + mailbox, null).getStatus()).isEqualTo(404);
    assertThat(api(other, "POST", "/api/v1/mailboxes/" + mailbox + "/check", null).getStatus())
        .isEqualTo(404);
    assertThat(api(other, "GET", "/api/v1/mailboxes", null).getContentAsString())
        .doesNotContain(MailServer.ADDRESS);
    assertThat(api(admin, "GET", "/api/v1/mailboxes/" + mailbox, null).getStatus()).isEqualTo(200);
    assertThat(api(access.user(Role.VIEWER), "GET", "/api/v1/mailboxes", null).getStatus())
        .isEqualTo(403);

    // a person hidden from the seller (owned by a user of another team): not found, nothing sent
    PersonId hidden = person(addr("hid"), "Hidden Person");
    jdbc.sql("update person set owner_user_id = :o where id = :p")
        .param("o", other.id())
        .param("p", hidden.value())
        .update();
    VisibilityLevel before = visibility.level("person");
    visibility.set("person", "team");
    try {
      MockHttpServletResponse r =
          api(
              seller,
              "POST",
              "/api/v1/mailboxes/" + mailbox + "/messages",
              "{\"person\":" + hidden.value() + ",\"subject\":\"x\",\"body\":\"y\"}");
      assertThat(r.getStatus()).isEqualTo(404);
      assertThat(server.green.getReceivedMessages()).isEmpty();
      assertThat(
              api(seller, "GET", "/api/v1/persons/" + hidden.value() + "/emails", null).getStatus())
          .isEqualTo(404);
    } finally {
      visibility.set("person", before.name());
    }
  }
}
