package dev.rapport.listening.internal;

import dev.rapport.listening.NormalizedPost;
import dev.rapport.people.ErasureBlocklist;
import dev.rapport.people.Network;
import dev.rapport.people.PersonDeleted;
import dev.rapport.people.PersonId;
import dev.rapport.people.PersonsMerged;
import dev.rapport.people.SocialIdentities;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.stereotype.Component;

/**
 * Ties a mention's author to a person through people's identity resolution: a known identity (by
 * profile URL, or handle on the same network) returns its person, otherwise one is created. Each
 * resolution is its own short transaction, before the batch that stores the mentions; when two
 * workers create the same new author at once, the loser's unique-key failure is retried and finds
 * the winner's identity. An author resolved for a batch that then fails stays resolved: the retry
 * finds it again.
 */
@Component
class MentionAuthors {

  private final SocialIdentities identities;
  private final ErasureBlocklist blocklist;

  MentionAuthors(SocialIdentities identities, ErasureBlocklist blocklist) {
    this.identities = identities;
    this.blocklist = blocklist;
  }

  /**
   * The posts whose authors are not on the erasure blocklist (an erased person's handle or profile
   * URL), in order: asked before any author is resolved, so an erased person is not created again.
   */
  List<NormalizedPost> notBlocked(List<NormalizedPost> posts) {
    if (posts.isEmpty()) {
      return posts;
    }
    List<Boolean> blocked = blocklist.blocked(posts.stream().map(MentionAuthors::author).toList());
    if (!blocked.contains(Boolean.TRUE)) {
      return posts;
    }
    List<NormalizedPost> out = new java.util.ArrayList<>(posts.size());
    for (int i = 0; i < posts.size(); i++) {
      if (!blocked.get(i)) {
        out.add(posts.get(i));
      }
    }
    return out;
  }

  /** The key of a post's author in {@link #resolveAll}'s answer: network and handle. */
  static String key(NormalizedPost post) {
    return post.network() + "\u0000" + post.author().handle();
  }

  /**
   * Resolves the authors of a batch, by {@link #key}. Those not yet known are resolved together by
   * people's bulk resolution in one short transaction (a few statements for all of them, not
   * several each: on PostgreSQL each is a round trip). If that transaction loses a race with
   * another worker creating one of the same authors, it is rolled back and each author is resolved
   * in its own transaction, which finds the winner's identity.
   */
  Map<String, PersonId> resolveAll(List<NormalizedPost> posts) {
    Map<String, PersonId> out = new HashMap<>();
    Map<String, NormalizedPost> missing = new LinkedHashMap<>();
    for (NormalizedPost p : posts) {
      String key = key(p);
      PersonId cached = known.get(key);
      if (cached != null) {
        out.put(key, cached);
      } else {
        missing.putIfAbsent(key, p);
      }
    }
    if (missing.isEmpty()) {
      return out;
    }
    List<PersonId> persons = null;
    if (missing.size() > 1) {
      try {
        persons =
            identities.resolveAuthors(
                missing.values().stream().map(MentionAuthors::author).toList());
      } catch (DataAccessException raced) {
        persons = null;
      }
    }
    int i = 0;
    for (Map.Entry<String, NormalizedPost> e : missing.entrySet()) {
      out.put(
          e.getKey(),
          persons == null ? resolve(e.getValue()) : remember(e.getKey(), persons.get(i)));
      i++;
    }
    return out;
  }

  private static SocialIdentities.Author author(NormalizedPost post) {
    NormalizedPost.Author a = post.author();
    return new SocialIdentities.Author(
        network(post.network()),
        a.handle(),
        a.profileUrl(),
        a.displayName(),
        null,
        metric(post, "followers"));
  }

  /**
   * Authors already resolved, by network and handle: a busy author's later posts skip the lookup. A
   * merge retires a person, so every merge empties it; a deleted person is dropped from it; so does
   * growing past its bound.
   */
  private final Map<String, PersonId> known = new ConcurrentHashMap<>();

  private static final int MAX_KNOWN = 100_000;

  PersonId resolve(NormalizedPost post) {
    String key = key(post);
    PersonId cached = known.get(key);
    if (cached != null) {
      return cached;
    }
    PersonId person;
    try {
      person = resolveOnce(post);
    } catch (DataIntegrityViolationException | PessimisticLockingFailureException raced) {
      person = resolveOnce(post);
    }
    return remember(key, person);
  }

  private PersonId remember(String key, PersonId person) {
    if (known.size() >= MAX_KNOWN) {
      known.clear();
    }
    known.put(key, person);
    return person;
  }

  // Synchronous on purpose: the cache must forget in the same moment, or a batch stored right after
  // a merge or a deletion would tie posts to a person who is gone. Nothing is stored, so nothing to
  // deliver durably.
  @EventListener
  void on(PersonsMerged merged) {
    known.clear();
  }

  @EventListener
  void on(PersonDeleted deleted) {
    known.values().removeIf(deleted.person()::equals);
  }

  /** Forgets the authors of erased persons (called in the erasing transaction). */
  void forget(java.util.Collection<PersonId> persons) {
    known.values().removeIf(persons::contains);
  }

  private PersonId resolveOnce(NormalizedPost post) {
    NormalizedPost.Author author = post.author();
    SocialIdentities.Author a = author(post);
    return identities.resolveAuthor(
        a.network(), a.handle(), a.profileUrl(), a.displayName(), a.bio(), a.followers());
  }

  /** Listening's network names ("rss", "atom", "webhook" …) map onto people's list, else other. */
  static Network network(String name) {
    if (name == null) {
      return Network.OTHER;
    }
    String n = name.trim().toLowerCase(java.util.Locale.ROOT);
    if (n.equals("rss") || n.equals("atom") || n.equals("feed")) {
      return Network.BLOG;
    }
    if (n.equals("twitter")) {
      return Network.X;
    }
    try {
      return Network.parse(n);
    } catch (IllegalArgumentException e) {
      return Network.OTHER;
    }
  }

  private static Integer metric(NormalizedPost post, String key) {
    Long v = post.metrics() == null ? null : post.metrics().get(key);
    return v == null || v < 0 || v > Integer.MAX_VALUE ? null : v.intValue();
  }
}
