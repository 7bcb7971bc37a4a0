package dev.rapport.sales.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import dev.rapport.access.Role;
import dev.rapport.listening.NormalizedPost;
import dev.rapport.support.AccessFixtures;
import dev.rapport.support.PersistenceTest;
import dev.rapport.timeline.Direction;
import dev.rapport.timeline.Timeline;
import dev.rapport.timeline.TouchpointFilter;
import dev.rapport.timeline.TouchpointKind;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Replies from the inbox go out through the networks' own APIs, to loopback servers that record
 * each call; a deleted post or a refusing network changes nothing.
 */
@PersistenceTest
class InboxReplyTest {

  @Autowired RealMentions real;
  @Autowired AccessFixtures fixtures;
  @Autowired InboxItems items;
  @Autowired Timeline timeline;
  @Autowired ObjectMapper json;

  MockHttpServletResponse reply(long item, String text) throws Exception {
    return fixtures
        .mvc()
        .perform(
            post("/api/v1/inbox/items/" + item + "/reply")
                .contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(Map.of("text", text)))
                .with(fixtures.as(Role.SALES))
                .with(csrf()))
        .andReturn()
        .getResponse();
  }

  Item mastodonItem(Loopback server, String text) throws Exception {
    String word = real.rule("Reply test");
    String source =
        real.source(
            "mastodon",
            Map.of(
                "instance",
                server.base(),
                "accessToken",
                "tok-123",
                "mode",
                "hashtag",
                "tag",
                "x"));
    long mention = real.ingest(source, RealMentions.mastodon(text + " " + word, "113456"));
    return real.awaitItem(mention);
  }

  @Test
  void aMastodonReplyIsPostedInReplyToTheStatusWithTheSourcesToken() throws Exception {
    try (Loopback server = new Loopback()) {
      server.answer(
          "/api/v1/statuses", 200, "{\"id\":\"999\",\"url\":\"https://example.social/@us/999\"}");
      Item item = mastodonItem(server, "Acme support is terrible, my invoices are broken");

      MockHttpServletResponse r = reply(item.id(), "Sorry to hear that, we are on it");

      assertThat(r.getStatus()).as(r.getContentAsString()).isEqualTo(200);
      JsonNode body = json.readTree(r.getContentAsString());
      assertThat(body.get("how").asString()).isEqualTo("mastodon");
      assertThat(body.get("replyUrl").asString()).isEqualTo("https://example.social/@us/999");
      assertThat(server.calls)
          .singleElement()
          .satisfies(
              call -> {
                assertThat(call.method()).isEqualTo("POST");
                assertThat(call.path()).isEqualTo("/api/v1/statuses");
                assertThat(call.header("Authorization")).isEqualTo("Bearer tok-123");
                assertThat(call.header("Idempotency-Key")).startsWith("rapport-reply-");
                JsonNode sent = json.readTree(call.body());
                assertThat(sent.get("in_reply_to_id").asString()).isEqualTo("113456");
                assertThat(sent.get("status").asString())
                    .isEqualTo("Sorry to hear that, we are on it");
              });
      Item after = items.find(item.id()).orElseThrow();
      assertThat(after.status()).isEqualTo(Status.REPLIED);
      assertThat(after.firstResponseAt()).isNotNull();
      assertThat(timeline.forPerson(item.person(), TouchpointFilter.firstPage(20)).items())
          .filteredOn(t -> t.kind() == TouchpointKind.REPLY)
          .singleElement()
          .satisfies(
              t -> {
                assertThat(t.direction()).isEqualTo(Direction.OUT);
                assertThat(t.channel()).isEqualTo("mastodon");
                assertThat(t.summary()).contains("Sorry to hear that");
              });
    }
  }

  @Test
  void aBlueskyReplySignsInWithTheAppPasswordAndNamesRootAndParent() throws Exception {
    try (Loopback server = new Loopback()) {
      server
          .answer(
              "/xrpc/com.atproto.server.createSession",
              200,
              "{\"accessJwt\":\"jwt-1\",\"refreshJwt\":\"r\",\"did\":\"did:plc:us\","
                  + "\"handle\":\"us.bsky.social\"}")
          .answer(
              "/xrpc/com.atproto.repo.createRecord",
              200,
              "{\"uri\":\"at://did:plc:us/app.bsky.feed.post/3lnew\",\"cid\":\"bafynew\"}");
      String word = real.rule("Bluesky reply test");
      String source =
          real.source(
              "jetstream",
              Map.of(
                  "replyHandle", "us.bsky.social",
                  "appPassword", "app-pw",
                  "replyService", server.base()));
      String rkey = "3l" + UUID.randomUUID().toString().substring(0, 8);
      String did = "did:plc:" + UUID.randomUUID().toString().substring(0, 12);
      String uri = "at://" + did + "/app.bsky.feed.post/" + rkey;
      String raw =
          "{\"did\":\""
              + did
              + "\",\"commit\":{\"rkey\":\""
              + rkey
              + "\",\"cid\":\"bafyparent\",\"record\":{\"text\":\"x\",\"reply\":{\"root\":"
              + "{\"uri\":\"at://did:plc:root/app.bsky.feed.post/1\",\"cid\":\"bafyroot\"},"
              + "\"parent\":{\"uri\":\"at://did:plc:root/app.bsky.feed.post/1\","
              + "\"cid\":\"bafyroot\"}}}}}";
      NormalizedPost post =
          new NormalizedPost(
              "bluesky",
              uri,
              new NormalizedPost.Author(did, "@bo.bsky.social", "https://bsky.app/profile/" + did),
              "Can anyone recommend a good CRM? " + word,
              "https://bsky.app/profile/" + did + "/post/" + rkey,
              Instant.now().minusSeconds(60),
              "en",
              "at://did:plc:root/app.bsky.feed.post/1",
              null,
              null,
              Map.of(),
              raw);
      Item item = real.awaitItem(real.ingest(source, post));

      MockHttpServletResponse r = reply(item.id(), "What matters most to you?");

      assertThat(r.getStatus()).as(r.getContentAsString()).isEqualTo(200);
      assertThat(json.readTree(r.getContentAsString()).get("replyUrl").asString())
          .isEqualTo("https://bsky.app/profile/did:plc:us/post/3lnew");
      assertThat(server.calls).hasSize(2);
      JsonNode session = json.readTree(server.calls.get(0).body());
      assertThat(session.get("identifier").asString()).isEqualTo("us.bsky.social");
      assertThat(session.get("password").asString()).isEqualTo("app-pw");
      Loopback.Call create = server.calls.get(1);
      assertThat(create.path()).isEqualTo("/xrpc/com.atproto.repo.createRecord");
      assertThat(create.header("Authorization")).isEqualTo("Bearer jwt-1");
      JsonNode record = json.readTree(create.body());
      assertThat(record.get("repo").asString()).isEqualTo("did:plc:us");
      assertThat(record.get("collection").asString()).isEqualTo("app.bsky.feed.post");
      JsonNode reply = record.get("record").get("reply");
      assertThat(reply.get("parent").get("uri").asString()).isEqualTo(uri);
      assertThat(reply.get("parent").get("cid").asString()).isEqualTo("bafyparent");
      assertThat(reply.get("root").get("cid").asString()).isEqualTo("bafyroot");
      assertThat(record.get("record").get("text").asString())
          .isEqualTo("What matters most to you?");
    }
  }

  @Test
  void aReplyToADeletedPostIsRefusedAndNothingChanges() throws Exception {
    try (Loopback server = new Loopback()) {
      server.answer("/api/v1/statuses", 200, "{\"id\":\"1\"}");
      Item item = mastodonItem(server, "How do I export contacts from Acme?");
      real.delete(item.mentionId());

      MockHttpServletResponse r = reply(item.id(), "Like this");

      assertThat(r.getStatus()).isEqualTo(400);
      assertThat(r.getContentAsString()).contains("mention", "deleted by its author");
      assertThat(server.calls).isEmpty();
      assertThat(items.find(item.id()).orElseThrow().status()).isEqualTo(item.status());
      assertThat(items.changes(item.id()))
          .extracting(InboxItems.Change::action)
          .doesNotContain("replied");
    }
  }

  @Test
  void aNetworkThatRefusesIsABadGatewayAndTheItemStaysAsItWas() throws Exception {
    try (Loopback server = new Loopback()) {
      server.answer("/api/v1/statuses", 422, "{\"error\":\"Validation failed: Text too long\"}");
      Item item = mastodonItem(server, "Acme support is terrible again");

      MockHttpServletResponse r = reply(item.id(), "We hear you");

      assertThat(r.getStatus()).isEqualTo(502);
      assertThat(r.getContentAsString()).contains("HTTP 422", "Validation failed");
      assertThat(items.find(item.id()).orElseThrow().firstResponseAt()).isNull();
    }
  }
}
