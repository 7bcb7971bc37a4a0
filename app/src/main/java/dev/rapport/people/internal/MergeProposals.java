package dev.rapport.people.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Weak evidence that two persons are one: the same name and the same company domain. It never
 * merges on its own; it proposes, and a user accepts or rejects.
 */
@Component
class MergeProposals {

  /** A proposal to merge two persons, with the evidence that raised it. */
  record Proposal(
      long id,
      long personA,
      long personB,
      String evidence,
      String status,
      Instant createdAt,
      Instant decidedAt,
      String decidedBy) {}

  static final Set<String> FREE_MAIL =
      Set.of(
          "gmail.com",
          "googlemail.com",
          "yahoo.com",
          "hotmail.com",
          "outlook.com",
          "live.com",
          "icloud.com",
          "me.com",
          "aol.com",
          "gmx.de",
          "gmx.net",
          "web.de",
          "proton.me",
          "protonmail.com",
          "mail.com",
          "yandex.ru",
          "orange.fr",
          "free.fr");

  static final int CANDIDATES = 50;

  private final JdbcClient jdbc;

  MergeProposals(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Proposes merges for a person that was just created or changed; returns how many. */
  int proposeFor(long personId) {
    return proposeAmong(List.of(personId));
  }

  /**
   * Proposes merges for persons just created or changed, in a constant number of queries per call:
   * only persons with a company domain can have this evidence, and each is compared with at most
   * {@value #CANDIDATES} namesakes, so the work stays bounded however common a name is.
   */
  int proposeAmong(Collection<Long> personIds) {
    if (personIds.isEmpty()) {
      return 0;
    }
    Map<Long, String> names = new HashMap<>();
    jdbc.sql("select id, name_key from person where id in (:ids) and merged_into is null")
        .param("ids", personIds)
        .query((RowCallbackHandler) rs -> names.put(rs.getLong(1), rs.getString(2)));
    Map<Long, Set<String>> mine = companyDomains(names.keySet());
    Set<String> keys = new TreeSet<>();
    mine.keySet().forEach(id -> keys.add(names.get(id)));
    if (keys.isEmpty()) {
      return 0;
    }
    // one indexed pass over every unmerged namesake: their ids and accounts
    Map<String, List<Long>> byName = new HashMap<>();
    Map<Long, Long> accountOf = new HashMap<>();
    jdbc.sql(
            // no "order by id": H2 would walk the primary key and test every row against the list
            "select id, name_key, account_id from person where name_key in (:keys)"
                + " and merged_into is null")
        .param("keys", keys)
        .query(
            (RowCallbackHandler)
                rs -> {
                  long id = rs.getLong(1);
                  byName.computeIfAbsent(rs.getString(2), k -> new ArrayList<>()).add(id);
                  long account = rs.getLong(3);
                  if (!rs.wasNull()) {
                    accountOf.put(id, account);
                  }
                });
    byName.values().forEach(ids -> ids.sort(null));
    Set<Long> candidates = new TreeSet<>();
    byName.values().stream()
        .filter(ids -> ids.size() > 1)
        .forEach(ids -> candidates.addAll(ids.subList(0, Math.min(ids.size(), CANDIDATES + 1))));
    if (candidates.isEmpty()) {
      return 0;
    }
    Map<Long, Set<String>> theirs = namesakeDomains(keys, candidates, accountOf);
    int made = 0;
    for (Map.Entry<Long, Set<String>> entry : mine.entrySet()) {
      long personId = entry.getKey();
      List<Long> sameName = byName.getOrDefault(names.get(personId), List.of());
      int compared = 0;
      for (long other : sameName) {
        if (other == personId || compared++ >= CANDIDATES) {
          continue;
        }
        Set<String> common = new TreeSet<>(theirs.getOrDefault(other, Set.of()));
        common.retainAll(entry.getValue());
        if (!common.isEmpty() && !exists(personId, other)) {
          insert(personId, other, names.get(personId), common);
          made++;
        }
      }
    }
    return made;
  }

  private void insert(long personId, long other, String nameKey, Set<String> common) {
    jdbc.sql(
            """
            insert into merge_proposal (person_a, person_b, evidence, status, created_at)
            values (:a, :b, :evidence, 'pending', :now)
            """)
        .param("a", Math.min(personId, other))
        .param("b", Math.max(personId, other))
        .param(
            "evidence",
            "same name '" + nameKey + "' and same company domain " + String.join(", ", common))
        .param("now", Timestamp.from(Instant.now()))
        .update();
  }

  private boolean exists(long a, long b) {
    return jdbc.sql("select count(*) from merge_proposal where person_a = :a and person_b = :b")
            .param("a", Math.min(a, b))
            .param("b", Math.max(a, b))
            .query(Long.class)
            .single()
        > 0;
  }

  /**
   * The company domains of the candidates, read by name (one indexed join per source) rather than
   * by thousands of ids: the same sources as {@link #companyDomains(Collection)}.
   */
  private Map<Long, Set<String>> namesakeDomains(
      Set<String> keys, Set<Long> candidates, Map<Long, Long> accountOf) {
    Map<Long, Set<String>> out = new HashMap<>();
    jdbc.sql(
            "select e.person_id, e.domain from person p join person_email e on e.person_id = p.id"
                + " where p.name_key in (:keys) and p.merged_into is null")
        .param("keys", keys)
        .query(
            (RowCallbackHandler)
                rs -> {
                  long person = rs.getLong(1);
                  String domain = rs.getString(2);
                  if (candidates.contains(person) && !FREE_MAIL.contains(domain)) {
                    out.computeIfAbsent(person, k -> new TreeSet<>()).add(domain);
                  }
                });
    Map<Long, List<Long>> byAccount = new HashMap<>();
    for (long person : candidates) {
      Long account = accountOf.get(person);
      if (account != null) {
        byAccount.computeIfAbsent(account, k -> new ArrayList<>()).add(person);
      }
    }
    List<Long> accountIds = new ArrayList<>(byAccount.keySet());
    for (int from = 0; from < accountIds.size(); from += 1000) {
      jdbc.sql("select account_id, domain from account_domain where account_id in (:a)")
          .param("a", accountIds.subList(from, Math.min(accountIds.size(), from + 1000)))
          .query(
              (RowCallbackHandler)
                  rs -> {
                    for (long person : byAccount.get(rs.getLong(1))) {
                      out.computeIfAbsent(person, k -> new TreeSet<>()).add(rs.getString(2));
                    }
                  });
    }
    jdbc.sql(
            "select s.person_id, s.url_key from person p join social_identity s"
                + " on s.person_id = p.id where p.name_key in (:keys) and p.merged_into is null"
                + " and s.network = 'blog' and s.url_key is not null")
        .param("keys", keys)
        .query(
            (RowCallbackHandler)
                rs -> {
                  long person = rs.getLong(1);
                  if (candidates.contains(person)) {
                    String url = rs.getString(2);
                    int slash = url.indexOf('/');
                    out.computeIfAbsent(person, k -> new TreeSet<>())
                        .add(slash < 0 ? url : url.substring(0, slash));
                  }
                });
    return out;
  }

  Set<String> companyDomains(long personId) {
    return companyDomains(List.of(personId)).getOrDefault(personId, Set.of());
  }

  /** Each person's company domains: from their emails (not free mail), account and blog. */
  Map<Long, Set<String>> companyDomains(Collection<Long> personIds) {
    Map<Long, Set<String>> out = new HashMap<>();
    jdbc.sql("select person_id, domain from person_email where person_id in (:ids)")
        .param("ids", personIds)
        .query(
            (RowCallbackHandler)
                rs -> {
                  String domain = rs.getString(2);
                  if (!FREE_MAIL.contains(domain)) {
                    out.computeIfAbsent(rs.getLong(1), k -> new TreeSet<>()).add(domain);
                  }
                });
    // two indexed lookups; a join lets the planner scan every person of each account
    Map<Long, List<Long>> byAccount = new HashMap<>();
    jdbc.sql("select id, account_id from person where id in (:ids) and account_id is not null")
        .param("ids", personIds)
        .query(
            (RowCallbackHandler)
                rs ->
                    byAccount
                        .computeIfAbsent(rs.getLong(2), k -> new ArrayList<>())
                        .add(rs.getLong(1)));
    if (!byAccount.isEmpty()) {
      jdbc.sql("select account_id, domain from account_domain where account_id in (:a)")
          .param("a", byAccount.keySet())
          .query(
              (RowCallbackHandler)
                  rs -> {
                    for (long person : byAccount.get(rs.getLong(1))) {
                      out.computeIfAbsent(person, k -> new TreeSet<>()).add(rs.getString(2));
                    }
                  });
    }
    jdbc.sql(
            "select person_id, url_key from social_identity where person_id in (:ids)"
                + " and network = 'blog' and url_key is not null")
        .param("ids", personIds)
        .query(
            (RowCallbackHandler)
                rs -> {
                  String url = rs.getString(2);
                  int slash = url.indexOf('/');
                  out.computeIfAbsent(rs.getLong(1), k -> new TreeSet<>())
                      .add(slash < 0 ? url : url.substring(0, slash));
                });
    return out;
  }

  List<Proposal> list(String status, int limit) {
    var spec =
        status == null
            ? jdbc.sql("select * from merge_proposal order by id desc limit " + limit)
            : jdbc.sql(
                    "select * from merge_proposal where status = :status order by id desc limit "
                        + limit)
                .param("status", status);
    return spec.query(MergeProposals::proposal).list();
  }

  Optional<Proposal> find(long id) {
    return jdbc.sql("select * from merge_proposal where id = :id")
        .param("id", id)
        .query(MergeProposals::proposal)
        .optional();
  }

  private static Proposal proposal(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
    Timestamp decided = rs.getTimestamp("decided_at");
    return new Proposal(
        rs.getLong("id"),
        rs.getLong("person_a"),
        rs.getLong("person_b"),
        rs.getString("evidence"),
        rs.getString("status"),
        rs.getTimestamp("created_at").toInstant(),
        decided == null ? null : decided.toInstant(),
        rs.getString("decided_by"));
  }

  List<Proposal> pendingFor(long personId) {
    return list("pending", 1000).stream()
        .filter(p -> p.personA() == personId || p.personB() == personId)
        .toList();
  }

  void decide(long id, String status, String by) {
    jdbc.sql(
            "update merge_proposal set status = :s, decided_at = :now, decided_by = :by"
                + " where id = :id")
        .param("s", status)
        .param("now", Timestamp.from(Instant.now()))
        .param("by", by)
        .param("id", id)
        .update();
  }

  void supersede(long mergedPersonId, String by) {
    jdbc.sql(
            "update merge_proposal set status = 'superseded', decided_at = :now, decided_by = :by"
                + " where status = 'pending' and (person_a = :id or person_b = :id)")
        .param("now", Timestamp.from(Instant.now()))
        .param("by", by)
        .param("id", mergedPersonId)
        .update();
  }
}
