package dev.rapport.listening.internal;

import dev.rapport.listening.BrandTagsUsed;
import dev.rapport.listening.NormalizedPost;
import dev.rapport.people.PersonId;
import dev.rapport.people.SocialIdentities;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Counts brand tags on the ingest path, for every post that passed validation and the erasure
 * blocklist, matched by a rule or not: which tags a post carries ({@link BrandTagIndex}, outside
 * the transaction), then, in the batch's storing transaction, one row per new post in
 * listening_brand_tag_post (unique on network and native id, so a replayed or redelivered post
 * counts nothing), the batch's counts added per (tag, network, UTC day, author) in one batch of
 * updates and one of inserts, and a {@link BrandTagsUsed} per new post, recorded durably with the
 * transaction.
 */
@Component
class BrandTagCounts {

  /** A post and the brand tags it carries (at least one). */
  record Tagged(NormalizedPost post, List<BrandTagIndex.Entry> tags) {}

  private final BrandTags tags;
  private final SocialIdentities identities;
  private final ApplicationEventPublisher events;
  private final JdbcTemplate jdbc;

  BrandTagCounts(
      BrandTags tags,
      SocialIdentities identities,
      ApplicationEventPublisher events,
      JdbcTemplate jdbc) {
    this.tags = tags;
    this.identities = identities;
    this.events = events;
    this.jdbc = jdbc;
  }

  /** The posts of a batch that carry brand tags: O(tokens) each, nothing when no tag is set. */
  List<Tagged> tagged(List<NormalizedPost> posts) {
    BrandTagIndex index = tags.index();
    if (index.isEmpty()) {
      return List.of();
    }
    List<Tagged> out = null;
    for (NormalizedPost p : posts) {
      List<BrandTagIndex.Entry> found = index.find(p.text());
      if (!found.isEmpty()) {
        if (out == null) {
          out = new ArrayList<>();
        }
        out.add(new Tagged(p, found));
      }
    }
    return out == null ? List.of() : out;
  }

  /**
   * The author's person for each tagged post: the one the batch resolved (a matched post's author),
   * else the person the handle is already linked to, else null. Nobody is created for a post that
   * matched no rule.
   */
  List<PersonId> authors(List<Tagged> tagged, Map<String, PersonId> resolved) {
    if (tagged.isEmpty()) {
      return List.of();
    }
    PersonId[] out = new PersonId[tagged.size()];
    List<Integer> unknown = new ArrayList<>();
    List<SocialIdentities.Author> ask = new ArrayList<>();
    for (int i = 0; i < tagged.size(); i++) {
      NormalizedPost p = tagged.get(i).post();
      out[i] = resolved.get(MentionAuthors.key(p));
      if (out[i] == null) {
        unknown.add(i);
        ask.add(
            new SocialIdentities.Author(
                MentionAuthors.network(p.network()), p.author().handle(), null, null, null, null));
      }
    }
    if (!ask.isEmpty()) {
      List<PersonId> known = identities.knownAuthors(ask);
      for (int k = 0; k < unknown.size(); k++) {
        out[unknown.get(k)] = known.get(k);
      }
    }
    return java.util.Arrays.asList(out);
  }

  /**
   * Counts the tagged posts not counted before; runs inside the batch's storing transaction.
   * Returns how many posts were new.
   */
  int count(List<Tagged> tagged, List<PersonId> authors, Instant now) {
    if (tagged.isEmpty()) {
      return 0;
    }
    Timestamp at = Timestamp.from(now);
    List<Object[]> rows = new ArrayList<>(tagged.size());
    for (int i = 0; i < tagged.size(); i++) {
      Tagged t = tagged.get(i);
      NormalizedPost p = t.post();
      PersonId person = authors.get(i);
      rows.add(
          new Object[] {
            p.network(),
            p.nativeId(),
            p.author().handle(),
            personId(person),
            Timestamp.from(p.createdAt()),
            keys(t.tags()),
            at
          });
    }
    int[] inserted =
        jdbc.batchUpdate(
            "insert into listening_brand_tag_post (network, native_id, author_handle, person_id,"
                + " posted_at, tags, counted_at) values (?, ?, ?, ?, ?, ?, ?) on conflict do"
                + " nothing",
            rows);
    // sorted, so that two batches touching the same rows lock them in the same order
    requireCounts(inserted);
    Map<CountKey, long[]> sums = new java.util.TreeMap<>(CountKey.ORDER);
    Map<CountKey, PersonId> persons = new java.util.HashMap<>();
    List<BrandTagsUsed> used = new ArrayList<>();
    for (int i = 0; i < tagged.size(); i++) {
      if (inserted[i] <= 0) {
        continue;
      }
      Tagged t = tagged.get(i);
      NormalizedPost p = t.post();
      LocalDate day = LocalDate.ofInstant(p.createdAt(), ZoneOffset.UTC);
      List<String> spelled = new ArrayList<>(t.tags().size());
      for (BrandTagIndex.Entry e : t.tags()) {
        CountKey k = new CountKey(e.key(), p.network(), day, p.author().handle());
        sums.computeIfAbsent(k, x -> new long[1])[0]++;
        if (authors.get(i) != null) {
          persons.put(k, authors.get(i));
        }
        spelled.add(e.tag());
      }
      used.add(
          new BrandTagsUsed(
              p.network(),
              p.nativeId(),
              p.author().handle(),
              authors.get(i),
              spelled,
              p.url(),
              p.createdAt()));
    }
    if (!sums.isEmpty()) {
      add(sums, persons);
    }
    used.forEach(events::publishEvent);
    return used.size();
  }

  /**
   * Adds the sums: an update per existing row, then an insert for the rest. A row another batch
   * inserts meanwhile makes the insert fail on its key: the whole transaction is then run again
   * ({@link StoreRetries}), and finds the row.
   */
  private void add(Map<CountKey, long[]> sums, Map<CountKey, PersonId> persons) {
    List<CountKey> keys = new ArrayList<>(sums.keySet());
    List<Object[]> updates = new ArrayList<>(keys.size());
    for (CountKey k : keys) {
      PersonId p = persons.get(k);
      updates.add(
          new Object[] {
            sums.get(k)[0], personId(p), k.tag(), k.network(), Date.valueOf(k.day()), k.author()
          });
    }
    int[] updated =
        jdbc.batchUpdate(
            "update listening_brand_tag_count set posts = posts + ?,"
                + " person_id = coalesce(?, person_id)"
                + " where tag_key = ? and network = ? and count_day = ? and author_handle = ?",
            updates);
    requireCounts(updated);
    List<Object[]> inserts = new ArrayList<>();
    for (int i = 0; i < keys.size(); i++) {
      if (updated[i] == 0) {
        Object[] u = updates.get(i);
        inserts.add(new Object[] {u[2], u[3], u[4], u[5], u[1], u[0]});
      }
    }
    if (!inserts.isEmpty()) {
      jdbc.batchUpdate(
          "insert into listening_brand_tag_count (tag_key, network, count_day, author_handle, person_id,"
              + " posts) values (?, ?, ?, ?, ?, ?)",
          inserts);
    }
  }

  /** The latest day anything was counted, not after {@code today}; empty before the first. */
  java.util.Optional<LocalDate> latestDay(LocalDate today) {
    Date d =
        jdbc.queryForObject(
            "select max(count_day) from listening_brand_tag_count where count_day <= ?",
            Date.class,
            Date.valueOf(today));
    return java.util.Optional.ofNullable(d).map(Date::toLocalDate);
  }

  /** How counts are grouped: per tag and day, per tag and network, or per tag and author. */
  enum GroupBy {
    DAY,
    NETWORK,
    AUTHOR
  }

  /**
   * One line of counts: the tag as configured (its key when the tag was deleted since) and the
   * posts that carried it, with the day, the network or the author (network, handle and person when
   * known) the line is for.
   */
  @com.fasterxml.jackson.annotation.JsonInclude(
      com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
  record CountRow(
      String tag, LocalDate day, String network, String author, Long person, long posts) {}

  /**
   * The counts between two UTC days (both included), optionally for one tag key and one network;
   * per author only the authors {@code authorScope} lets the caller see (at most 500, most posts
   * first).
   */
  List<CountRow> counts(
      String tagKey,
      String network,
      LocalDate from,
      LocalDate to,
      GroupBy groupBy,
      dev.rapport.people.VisiblePersons.Condition authorScope) {
    Map<String, Object> params = new java.util.HashMap<>();
    StringBuilder where = new StringBuilder(" where count_day >= :from and count_day <= :to");
    params.put("from", Date.valueOf(from));
    params.put("to", Date.valueOf(to));
    if (tagKey != null) {
      where.append(" and tag_key = :tag");
      params.put("tag", tagKey);
    }
    if (network != null) {
      where.append(" and network = :network");
      params.put("network", network);
    }
    String sql =
        switch (groupBy) {
          case DAY ->
              "select tag_key, count_day, sum(posts) as posts from listening_brand_tag_count"
                  + where
                  + " group by tag_key, count_day order by count_day, tag_key";
          case NETWORK ->
              "select tag_key, network, sum(posts) as posts from listening_brand_tag_count"
                  + where
                  + " group by tag_key, network order by tag_key, network";
          case AUTHOR -> {
            params.putAll(authorScope.params());
            yield "select tag_key, network, author_handle, max(person_id) as person_id,"
                + " sum(posts) as posts from listening_brand_tag_count"
                + where
                + " and ("
                + authorScope.sql()
                + ") group by tag_key, network, author_handle"
                + " order by posts desc, tag_key, network, author_handle limit 500";
          }
        };
    Map<String, String> spelled = tags.spellings();
    return org.springframework.jdbc.core.simple.JdbcClient.create(jdbc)
        .sql(sql)
        .params(params)
        .query(
            (rs, n) -> {
              String key = rs.getString("tag_key");
              String tag = spelled.getOrDefault(key, key);
              long posts = rs.getLong("posts");
              return switch (groupBy) {
                case DAY ->
                    new CountRow(
                        tag, rs.getDate("count_day").toLocalDate(), null, null, null, posts);
                case NETWORK -> new CountRow(tag, null, rs.getString("network"), null, null, posts);
                case AUTHOR -> {
                  long person = rs.getLong("person_id");
                  yield new CountRow(
                      tag,
                      null,
                      rs.getString("network"),
                      rs.getString("author_handle"),
                      rs.wasNull() ? null : person,
                      posts);
                }
              };
            })
        .list();
  }

  /**
   * Which rows were new is read from the batch's per-row counts; a driver that reports none (a
   * rewritten batch) is refused rather than guessed at, as {@code InsertedKeys} does.
   */
  private static void requireCounts(int[] counts) {
    for (int n : counts) {
      if (n < 0) {
        throw new IllegalStateException("the database reported no count per row of a batch");
      }
    }
  }

  private static String keys(List<BrandTagIndex.Entry> tags) {
    StringBuilder b = new StringBuilder();
    for (BrandTagIndex.Entry e : tags) {
      if (b.length() > 0) {
        b.append(' ');
      }
      b.append(e.key());
    }
    return b.length() > 4000 ? b.substring(0, 4000) : b.toString();
  }

  private static org.springframework.jdbc.core.SqlParameterValue personId(PersonId p) {
    return new org.springframework.jdbc.core.SqlParameterValue(
        java.sql.Types.BIGINT, p == null ? null : p.value());
  }

  private record CountKey(String tag, String network, LocalDate day, String author) {
    static final java.util.Comparator<CountKey> ORDER =
        java.util.Comparator.comparing(CountKey::tag)
            .thenComparing(CountKey::network)
            .thenComparing(CountKey::day)
            .thenComparing(CountKey::author);
  }
}
