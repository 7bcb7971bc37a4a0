package dev.rapport.listening.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.rapport.listening.BrandTagsUsed;
import dev.rapport.people.Network;
import dev.rapport.people.PersonId;
import dev.rapport.people.SocialIdentities;
import dev.rapport.shared.InvalidInputException;
import dev.rapport.support.PersistenceTest;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.ObjectMapper;

/**
 * The issue's proof for brand tags: a small corpus (test resource brand-tags-corpus.jsonl, 13
 * lines: 11 posts on mastodon and bluesky over three UTC days, two of them sent twice) replayed
 * through a FILE source gives exactly the counts worked out by hand below, per tag, network and
 * day, matched by a rule or not; replaying it again counts nothing more, and each tagged post is
 * announced once.
 */
@PersistenceTest
class BrandTagCountsTest {

  @Autowired BrandTags tags;
  @Autowired BrandTagCounts counts;
  @Autowired SourceAdmin admin;
  @Autowired SourceStore sources;
  @Autowired ListeningRules rules;
  @Autowired ListeningProperties props;
  @Autowired SocialIdentities identities;
  @Autowired JdbcClient jdbc;
  @Autowired ObjectMapper json;
  @Autowired CapturedBrandTags events;

  static final LocalDate NOV1 = LocalDate.parse("2026-11-01");
  static final LocalDate NOV2 = LocalDate.parse("2026-11-02");
  static final LocalDate NOV3 = LocalDate.parse("2026-11-03");

  @BeforeEach
  void clean() {
    jdbc.sql("delete from listening_brand_tag_count").update();
    jdbc.sql("delete from listening_brand_tag_post").update();
    jdbc.sql("delete from listening_brand_tag").update();
    tags.reload();
    events.seen().clear();
  }

  @Test
  void aReplayedCorpusGivesTheHandCountedFiguresAndAReplayCountsNothingMore() throws Exception {
    tags.create("#Nikon", "HASHTAG");
    tags.create("NikonZ6", "PRODUCT");
    tags.create("@sony", "HANDLE");
    tags.create("#SonyAlpha", "PHOTO_SITE");
    // two posts (bt-m4, bt-b2) match a rule, the rest match none and are counted all the same
    rules.create("brand tag fixture", "zoomfixture", true);
    // ana on mastodon is already someone: her unmatched posts name her person
    PersonId ana =
        identities.resolveAuthor(Network.MASTODON, "@ana@photo.social", null, "Ana", null, null);

    long first = replay("bt-first");

    // worked out by hand from the corpus, one line per post:
    //  m1 ana 11-01 #Nikon | m2 ana 11-01 #NIKON #nikon: one post (sent twice) | m3 ben 11-01
    //  #NikonZ6 (not #Nikon) | m4 ben 11-02 #Nikon @sony | m5 no tag (nikon without #) | m6 none
    //  (#Nikkon, #Nikon_Z6, @sony@other.social are other tokens) | b1 ana 11-01 #SonyAlpha (sent
    //  twice) | b2 ana 11-02 @sony #SonyAlpha | b3 dan 11-02 #Nikón = #Nikon | b4 dan 11-03 #nikon
    //  #sonyalpha | b5 dan 11-03 @sony (@sonyfan is another handle; @sony and @SONY one post)
    Map<String, Long> expected = new TreeMap<>();
    expected.put("#Nikon mastodon 2026-11-01", 2L);
    expected.put("#Nikon mastodon 2026-11-02", 1L);
    expected.put("#Nikon bluesky 2026-11-02", 1L);
    expected.put("#Nikon bluesky 2026-11-03", 1L);
    expected.put("#NikonZ6 mastodon 2026-11-01", 1L);
    expected.put("@sony mastodon 2026-11-02", 1L);
    expected.put("@sony bluesky 2026-11-02", 1L);
    expected.put("@sony bluesky 2026-11-03", 1L);
    expected.put("#SonyAlpha bluesky 2026-11-01", 1L);
    expected.put("#SonyAlpha bluesky 2026-11-02", 1L);
    expected.put("#SonyAlpha bluesky 2026-11-03", 1L);
    assertThat(perTagNetworkDay()).isEqualTo(expected);

    // per day over both networks, per network, per author
    assertThat(line(BrandTagCounts.GroupBy.DAY, "#nikon", null))
        .containsExactly("#Nikon 2026-11-01 2", "#Nikon 2026-11-02 2", "#Nikon 2026-11-03 1");
    assertThat(line(BrandTagCounts.GroupBy.NETWORK, "#nikon", null))
        .containsExactly("#Nikon bluesky 2", "#Nikon mastodon 3");
    assertThat(line(BrandTagCounts.GroupBy.AUTHOR, "#Nikon", null))
        .containsExactly(
            "#Nikon bluesky dan.bsky.social 2",
            "#Nikon mastodon @ana@photo.social 2",
            "#Nikon mastodon @ben@photo.social 1");
    assertThat(line(BrandTagCounts.GroupBy.DAY, null, "bluesky"))
        .containsExactlyInAnyOrder(
            "#SonyAlpha 2026-11-01 1",
            "#Nikon 2026-11-02 1",
            "@sony 2026-11-02 1",
            "#SonyAlpha 2026-11-02 1",
            "#Nikon 2026-11-03 1",
            "@sony 2026-11-03 1",
            "#SonyAlpha 2026-11-03 1");

    // one event per tagged post (9 of the 11), with the tags as configured
    await().atMost(Duration.ofSeconds(10)).until(() -> events.seen().size() >= 9);
    Map<String, BrandTagsUsed> byPost =
        events.seen().stream().collect(Collectors.toMap(BrandTagsUsed::nativeId, e -> e));
    assertThat(events.seen()).hasSize(9);
    assertThat(byPost.keySet())
        .containsExactlyInAnyOrder(
            "bt-m1", "bt-m2", "bt-m3", "bt-m4", "bt-b1", "bt-b2", "bt-b3", "bt-b4", "bt-b5");
    assertThat(byPost.get("bt-m4").tags()).containsExactly("#Nikon", "@sony");
    assertThat(byPost.get("bt-b4").tags()).containsExactly("#Nikon", "#SonyAlpha");
    assertThat(byPost.get("bt-m3").tags()).containsExactly("#NikonZ6");
    // a matched post's author is its mention's person; an unmatched one's when already known
    Long m4Person =
        jdbc.sql(
                "select author_person_id from listening_mention"
                    + " where network = 'mastodon' and native_id = 'bt-m4'")
            .query(Long.class)
            .single();
    assertThat(byPost.get("bt-m4").author()).isEqualTo(new PersonId(m4Person));
    assertThat(byPost.get("bt-m1").author()).isEqualTo(ana);
    assertThat(byPost.get("bt-b3").author()).isNull();
    assertThat(byPost.get("bt-m1").postedAt()).isEqualTo("2026-11-01T07:10:00Z");
    // nobody was created for dan, whose posts matched no rule
    assertThat(
            jdbc.sql("select count(*) from social_identity where handle_key = 'dan.bsky.social'")
                .query(Long.class)
                .single())
        .isZero();

    // the same corpus again through another source: nothing counted twice, nothing announced
    long second = replay("bt-second");
    assertThat(second).isNotEqualTo(first);
    assertThat(perTagNetworkDay()).isEqualTo(expected);
    Thread.sleep(300);
    assertThat(events.seen()).hasSize(9);
  }

  @Test
  void withoutBrandTagsNothingIsCounted() throws Exception {
    replay("bt-none");
    assertThat(jdbc.sql("select count(*) from listening_brand_tag_post").query(Long.class).single())
        .isZero();
    assertThat(events.seen()).isEmpty();
  }

  @Test
  void aTagWithSpacesEmojiOrControlCharactersIsRefusedNamingTheField() {
    assertRefused("#nikon z6", "HASHTAG", "tag", "without spaces");
    assertRefused("#nikon📷", "HASHTAG", "tag", "emoji");
    assertRefused("#nik\u0007on", "HASHTAG", "tag", "control character U+0007");
    assertRefused("#nik\u200Bon", "HASHTAG", "tag", "control character U+200B");
    assertRefused("", "HASHTAG", "tag", "is required");
    assertRefused("#" + "a".repeat(100), "HASHTAG", "tag", "longer than 100");
    assertRefused("#nikon-z6", "HASHTAG", "tag", "one hashtag");
    assertRefused("@nikon", "HASHTAG", "tag", "HANDLE");
    assertRefused("#nikon", "HANDLE", "tag", "@");
    assertRefused("#nikon", "TRENDING", "kind", "HASHTAG, HANDLE");
    assertRefused("#nikon", null, "kind", "required");
    tags.create("#Nikon", "HASHTAG");
    assertRefused("#NIKON", "PRODUCT", "tag", "already a brand tag");
    // a tag without its prefix gets the kind's
    assertThat(tags.create("canon", "HANDLE").tag()).isEqualTo("@canon");
    assertThat(tags.create("Pentax", "PHOTO_SITE").tag()).isEqualTo("#Pentax");
  }

  private void assertRefused(String tag, String kind, String field, String reason) {
    assertThatThrownBy(() -> tags.create(tag, kind))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e ->
                assertThat(e.errors())
                    .anySatisfy(
                        err -> {
                          assertThat(err.field()).isEqualTo(field);
                          assertThat(err.reason()).contains(reason);
                        }));
  }

  /** Replays the corpus through a new FILE source and waits until all 13 lines are through. */
  private long replay(String name) throws Exception {
    Path dir = Path.of(props.fileDir());
    Files.createDirectories(dir);
    try (InputStream in = getClass().getResourceAsStream("/listening/brand-tags-corpus.jsonl")) {
      Files.write(dir.resolve("brand-tags-corpus.jsonl"), in.readAllBytes());
    }
    long id =
        admin
            .create(
                name + "-" + System.nanoTime(),
                "FILE",
                json.readTree("{\"path\":\"brand-tags-corpus.jsonl\",\"format\":\"jsonl\"}"),
                86400)
            .source()
            .id();
    await().atMost(Duration.ofSeconds(60)).until(() -> "13".equals(sources.get(id).cursor()));
    return id;
  }

  private Map<String, Long> perTagNetworkDay() {
    Map<String, String> spelled = tags.spellings();
    Map<String, Long> out = new TreeMap<>();
    jdbc.sql(
            "select tag_key, network, count_day, sum(posts) as posts from"
                + " listening_brand_tag_count group by tag_key, network, count_day")
        .query(
            rs -> {
              out.put(
                  spelled.get(rs.getString(1)) + " " + rs.getString(2) + " " + rs.getDate(3),
                  rs.getLong(4));
            });
    return out;
  }

  private List<String> line(BrandTagCounts.GroupBy by, String tag, String network) {
    BrandTagApiController.Query q =
        BrandTagApiController.query(tag, network, "2026-11-01", "2026-11-03", by.name());
    return counts
        .counts(
            q.tagKey(),
            q.network(),
            q.from(),
            q.to(),
            q.groupBy(),
            dev.rapport.people.VisiblePersons.Condition.ALL)
        .stream()
        .map(
            r ->
                r.tag()
                    + " "
                    + (r.day() != null ? r.day().toString() : r.network())
                    + (r.author() != null ? " " + r.author() : "")
                    + " "
                    + r.posts())
        .toList();
  }
}
