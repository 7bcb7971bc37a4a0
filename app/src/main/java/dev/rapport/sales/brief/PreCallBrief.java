package dev.rapport.sales.brief;

import dev.rapport.people.PersonId;
import java.time.Instant;
import java.util.List;

/**
 * What a seller reads before a call: recent posts, interests with the posts that show them,
 * triggers and cautions, the last touch and a few openers (none while a caution is recent).
 */
record PreCallBrief(
    PersonId person,
    String name,
    String title,
    String company,
    List<PostView> recentPosts,
    int postsRead,
    List<InterestView> interests,
    List<Moment> triggers,
    List<Moment> cautions,
    boolean holdBack,
    LastTouch lastTouch,
    List<String> openers,
    Instant at) {

  /** A captured post as the brief shows it (text is shown as text, never as HTML). */
  record PostView(long id, String network, String text, String url, Instant at) {

    /** The first words of the post on one line, for quoting in an opener. */
    public String excerpt(int max) {
      String oneLine = text.replaceAll("\\s+", " ").strip();
      return oneLine.length() <= max ? oneLine : oneLine.substring(0, max).strip() + "…";
    }

    public boolean hasWebUrl() {
      return url != null && (url.startsWith("https://") || url.startsWith("http://"));
    }
  }

  /** A topic with its share of the person's posts and up to three of those posts. */
  record InterestView(String topic, int percent, int posts, List<PostView> examples) {}

  /** A life event or sales trigger read in a post: what, about whom, the words, and when. */
  record Moment(String event, String label, String subject, String evidence, PostView post) {}

  /** The latest contact on the timeline. */
  record LastTouch(String kind, String direction, String summary, Instant at) {}
}
