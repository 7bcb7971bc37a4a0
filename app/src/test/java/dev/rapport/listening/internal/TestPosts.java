package dev.rapport.listening.internal;

import dev.rapport.listening.NormalizedPost;
import java.time.Instant;
import java.util.Map;

/** Test helper: a plain Mastodon post as a connector would hand it over. */
final class TestPosts {

  private TestPosts() {}

  static NormalizedPost post(
      String id, String handle, String displayName, String text, long ageSeconds) {
    return new NormalizedPost(
        "mastodon",
        id,
        new NormalizedPost.Author(handle, displayName, null),
        text,
        null,
        Instant.now().minusSeconds(ageSeconds),
        "en",
        null,
        null,
        null,
        Map.of(),
        null);
  }
}
