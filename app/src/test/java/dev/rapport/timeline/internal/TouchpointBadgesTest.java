package dev.rapport.timeline.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.shared.Badge;
import dev.rapport.shared.TouchpointBadges;
import dev.rapport.support.PersistenceTest;
import dev.rapport.timeline.SourceRef;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Badges other features attach to touchpoints are stored cleaned and replaced on a second put. */
@PersistenceTest
class TouchpointBadgesTest {

  @Autowired TouchpointBadges badges;
  @Autowired TouchpointBadgesFacade store;

  @Test
  void badgesAreCleanedAndAPutReplacesThem() {
    String id = UUID.randomUUID().toString();
    badges.putAll(
        List.of(
            new TouchpointBadges.Badges(
                "test.thing",
                id,
                "javascript:alert(1)",
                List.of(
                    new Badge("Positive +0.5", "positive", "because"),
                    new Badge("Odd", "<script>", null),
                    new Badge(" ", "neutral", null)),
                List.of("word"))));
    TouchpointBadgesFacade.Shown shown =
        store
            .find(List.of(new SourceRef("test.thing", id, null)))
            .get(TouchpointBadgesFacade.key("test.thing", id));
    assertThat(shown.href()).isNull();
    assertThat(shown.badges())
        .containsExactly(
            new Badge("Positive +0.5", "positive", "because"), new Badge("Odd", "info", null));
    assertThat(shown.highlights()).containsExactly("word");

    badges.putAll(
        List.of(
            new TouchpointBadges.Badges(
                "test.thing",
                id,
                "/listening/mentions/7",
                List.of(new Badge("Again", "rule", null)),
                List.of())));
    shown =
        store
            .find(List.of(new SourceRef("test.thing", id, null)))
            .get(TouchpointBadgesFacade.key("test.thing", id));
    assertThat(shown.href()).isEqualTo("/listening/mentions/7");
    assertThat(shown.badges()).containsExactly(new Badge("Again", "rule", null));
  }

  @Test
  void outsideLinksAreRefused() {
    for (String href : List.of("//evil.example/x", "/\\evil.example", "https://evil.example/")) {
      String id = UUID.randomUUID().toString();
      badges.putAll(
          List.of(new TouchpointBadges.Badges("test.thing", id, href, List.of(), List.of())));
      assertThat(
              store
                  .find(List.of(new SourceRef("test.thing", id, null)))
                  .get(TouchpointBadgesFacade.key("test.thing", id))
                  .href())
          .as(href)
          .isNull();
    }
  }

  @Test
  void summaryIsCutAroundHighlightedWordsAndJoinsBack() {
    List<TimelinePageController.Segment> segments =
        TimelinePageController.Segment.cut(
            "New job! <b>new job</b> New job", List.of("New job", "<b>"));
    assertThat(
            String.join("", segments.stream().map(TimelinePageController.Segment::text).toList()))
        .isEqualTo("New job! <b>new job</b> New job");
    assertThat(
            segments.stream()
                .filter(TimelinePageController.Segment::marked)
                .map(TimelinePageController.Segment::text))
        .containsExactly("New job", "<b>", "New job");
  }
}
