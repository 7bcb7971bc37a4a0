package dev.rapport.crash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.rapport.crash.CrashSafetyTest.CrashRound;
import dev.rapport.people.internal.ImportJobs;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** What must hold on the database after the crashes, read with the application started again. */
final class CrashInvariants {

  /** The seeded pairs (survivor, merged), the persons moved between stages, what each owned. */
  record Seed(List<long[]> pairs, List<Long> movers, Map<Long, Owned> owned) {}

  /** The rows a seeded person had before any merge, by table. */
  record Owned(
      List<Long> identities,
      List<String> emails,
      List<String> phones,
      List<String> tags,
      List<Long> touchpoints,
      List<Long> stageChanges) {

    static Owned of(JdbcClient jdbc, long person) {
      return new Owned(
          ids(jdbc, "select id from social_identity where person_id = :p", person),
          strings(jdbc, "select email from person_email where person_id = :p", person),
          strings(jdbc, "select phone from person_phone where person_id = :p", person),
          strings(jdbc, "select tag from person_tag where person_id = :p", person),
          ids(jdbc, "select id from touchpoint where person_id = :p", person),
          ids(jdbc, "select id from stage_change where person_id = :p", person));
    }
  }

  private final ConfigurableApplicationContext app;
  private final JdbcClient jdbc;
  private final Seed seed;
  final List<String> report = new java.util.ArrayList<>();

  CrashInvariants(ConfigurableApplicationContext app, Seed seed) {
    this.app = app;
    this.jdbc = app.getBean(JdbcClient.class);
    this.seed = seed;
  }

  /** Reactions cut short by a kill (a new person's entry stage) are delivered after the restart. */
  void eventsDelivered() {
    awaitEvents(jdbc);
  }

  static void awaitEvents(JdbcClient jdbc) {
    await()
        .atMost(Duration.ofSeconds(90))
        .pollInterval(Duration.ofMillis(200))
        .until(
            () ->
                jdbc.sql("select count(*) from event_publication where completion_date is null")
                        .query(Long.class)
                        .single()
                    == 0);
  }

  /**
   * Each job says which rows are stored (the first {@code processed}, all created), each stored row
   * is complete, none is stored twice, and a job cut short says it was interrupted.
   */
  void imports(List<CrashRound> rounds, int rows) {
    for (CrashRound round : rounds) {
      List<String> jobIds =
          jdbc.sql("select id from import_job where file_name = :f")
              .param("f", round.csv().getFileName().toString())
              .query(String.class)
              .list();
      assertThat(jobIds).as("%s: one job", round.name()).hasSizeLessThanOrEqualTo(1);
      if (jobIds.isEmpty()) {
        // killed before the job was recorded: nothing of it may be stored
        assertThat(storedEmails(round.name())).as("%s: rows of no job", round.name()).isEmpty();
        report.add(
            "%s: killed before the import job was recorded; no row stored".formatted(round.name()));
        continue;
      }
      ImportJobs.Status job = app.getBean(ImportJobs.class).status(jobIds.get(0));
      assertThat(job.status()).as("%s: job status", round.name()).isIn("done", "failed");
      if (job.status().equals("failed")) {
        assertThat(job.message()).as("%s: message", round.name()).startsWith("interrupted");
      }
      Set<String> stored = storedEmails(round.name());
      Set<String> expected =
          IntStream.rangeClosed(1, job.processed())
              .mapToObj(i -> CrashSafetyTest.email(round.name(), i))
              .collect(Collectors.toSet());
      assertThat(stored)
          .as(
              "%s: the stored rows are exactly the first %d, as the job says",
              round.name(), job.processed())
          .isEqualTo(expected);
      assertThat(job.created()).as("%s: created", round.name()).isEqualTo(job.processed());
      if (!round.pause().equals("none")) {
        // both pauses were in or after the first 1,000-row chunk: it is stored, the second is not
        assertThat(job.processed()).as("%s: processed", round.name()).isEqualTo(1000);
      }
      report.add(
          "%s: import job %s, %d of %d rows stored, as the job says"
              .formatted(round.name(), job.status(), stored.size(), rows));
    }
    importedPersonsAreWhole();
  }

  /** The second run of each file stores the rest and doubles nothing. */
  void importsFinishOnASecondRun(List<CrashRound> rounds, int rows) throws Exception {
    for (CrashRound round : rounds) {
      int before = storedEmails(round.name()).size();
      ImportJobs.Status again = CrashSafetyTest.importAgain(app, round.csv());
      assertThat(again.status())
          .as("%s again: %s", round.name(), again.message())
          .isEqualTo("done");
      assertThat(again.created()).as("%s again: created", round.name()).isEqualTo(rows - before);
      assertThat(storedEmails(round.name())).hasSize(rows);
      report.add(
          "%s: the file imported again: %d created, %d rows in all, none twice"
              .formatted(round.name(), again.created(), rows));
    }
    awaitEvents(jdbc);
    importedPersonsAreWhole();
  }

  private Set<String> storedEmails(String round) {
    return new HashSet<>(
        jdbc.sql("select email from person_email where email like :p")
            .param("p", "crash-" + round + "-%")
            .query(String.class)
            .list());
  }

  /** Every imported person has its phone, tag, audit row, one entry stage and its touchpoint. */
  private void importedPersonsAreWhole() {
    List<String> broken =
        jdbc.sql(
                """
                select e.email from person_email e join person p on p.id = e.person_id
                where e.email like 'crash-%@import.example' and (
                  p.full_name not like 'Row Imported %'
                  or (select count(*) from person_phone x where x.person_id = p.id) <> 1
                  or (select count(*) from person_tag x where x.person_id = p.id) <> 1
                  or (select count(*) from audit_log a where a.object_type = 'person'
                      and a.object_id = cast(p.id as varchar) and a.action = 'CREATE') <> 1
                  or (select count(*) from stage_change c where c.person_id = p.id) <> 1
                  or (select count(*) from touchpoint t where t.person_id = p.id
                      and t.kind = 'STAGE_CHANGE') <> 1)
                """)
            .query(String.class)
            .list();
    assertThat(broken).as("imported persons missing a part or with a part twice").isEmpty();
    assertThat(
            jdbc.sql(
                    "select count(*) from person p where p.full_name like 'Row Imported %'"
                        + " and not exists (select 1 from person_email e where e.person_id = p.id)")
                .query(Long.class)
                .single())
        .as("imported persons without their email")
        .isZero();
  }

  /** Each pair is merged completely or not at all; every acknowledged merge is there. */
  void merges(List<CrashRound> rounds) {
    Set<String> acknowledged = new HashSet<>();
    Set<String> cutShort = new HashSet<>();
    for (CrashRound r : rounds) {
      acknowledged.addAll(r.lines("DONE merge "));
      r.lines("PAUSED after-commit merge ").forEach(acknowledged::add);
      cutShort.addAll(r.lines("PAUSED inside merge "));
    }
    assertThat(acknowledged).as("merges acknowledged").isNotEmpty();
    assertThat(cutShort).as("merges cut short before their commit").isNotEmpty();
    int mergedPairs = 0;
    for (long[] pair : seed.pairs()) {
      String key = pair[0] + ":" + pair[1];
      boolean merged = mergeState(pair[0], pair[1]);
      mergedPairs += merged ? 1 : 0;
      if (acknowledged.contains(key)) {
        assertThat(merged).as("acknowledged merge %s is stored", key).isTrue();
      }
      if (cutShort.contains(key) && !acknowledged.contains(key)) {
        assertThat(merged).as("merge %s killed before its commit left nothing", key).isFalse();
      }
    }
    report.add(
        "merges: %d of %d pairs merged, each whole (%d acknowledged, %d killed before commit);"
                .formatted(mergedPairs, seed.pairs().size(), acknowledged.size(), cutShort.size())
            + " the others untouched");
  }

  /** Whether the pair is merged; fails when it is half merged. */
  private boolean mergeState(long survivor, long merged) {
    Long into =
        jdbc.sql("select merged_into from person where id = :m")
            .param("m", merged)
            .query(Long.class)
            .optional()
            .orElse(null);
    boolean isMerged = into != null;
    if (isMerged) {
      assertThat(into).isEqualTo(survivor);
    }
    String pair = survivor + ":" + merged;
    long records =
        count(
            "select count(*) from person_merge where survivor_id = :s and merged_id = :m",
            survivor,
            merged);
    assertThat(records).as("%s: merge records", pair).isEqualTo(isMerged ? 1 : 0);
    long owner = isMerged ? survivor : merged;
    Owned m = seed.owned().get(merged);
    Owned s = seed.owned().get(survivor);
    for (Owned o : List.of(m, s)) {
      long expected = o == s ? survivor : owner;
      for (long id : o.identities()) {
        assertThat(single("select person_id from social_identity where id = :x", id))
            .as("%s: identity %d", pair, id)
            .isEqualTo(expected);
      }
      for (String e : o.emails()) {
        assertThat(
                jdbc.sql("select person_id from person_email where email = :e")
                    .param("e", e)
                    .query(Long.class)
                    .single())
            .as("%s: email %s", pair, e)
            .isEqualTo(expected);
      }
      for (String ph : o.phones()) {
        assertThat(
                count(
                    "select count(*) from person_phone where person_id = :s and phone = :m",
                    expected,
                    ph))
            .as("%s: phone %s", pair, ph)
            .isEqualTo(1);
      }
      for (String t : o.tags()) {
        assertThat(
                count(
                    "select count(*) from person_tag where person_id = :s and tag = :m",
                    expected,
                    t))
            .as("%s: tag %s", pair, t)
            .isEqualTo(1);
      }
      for (long id : o.touchpoints()) {
        assertThat(single("select person_id from touchpoint where id = :x", id))
            .as("%s: touchpoint %d", pair, id)
            .isEqualTo(expected);
      }
      for (long id : o.stageChanges()) {
        assertThat(single("select person_id from stage_change where id = :x", id))
            .as("%s: stage change %d", pair, id)
            .isEqualTo(expected);
      }
    }
    long left =
        count(
            "select (select count(*) from social_identity where person_id = :s)"
                + " + (select count(*) from person_email where person_id = :s)"
                + " + (select count(*) from person_phone where person_id = :s)"
                + " + (select count(*) from person_tag where person_id = :s)"
                + " + (select count(*) from touchpoint where person_id = :s)"
                + " + (select count(*) from stage_change where person_id = :s) + 0 * :m",
            merged,
            0);
    assertThat(left)
        .as("%s: rows left on the merged person", pair)
        .isEqualTo(
            isMerged
                ? 0
                : m.identities().size()
                    + m.emails().size()
                    + m.phones().size()
                    + m.tags().size()
                    + m.touchpoints().size()
                    + m.stageChanges().size());
    return isMerged;
  }

  /**
   * Each mover's history is one unbroken chain of real changes, each with its touchpoint and audit
   * row; every acknowledged move is in it once; a move killed before its commit is not.
   */
  void moves(List<CrashRound> rounds) {
    Set<String> acknowledged = new HashSet<>();
    Set<String> cutShort = new HashSet<>();
    for (CrashRound r : rounds) {
      acknowledged.addAll(r.lines("DONE move "));
      acknowledged.addAll(r.lines("PAUSED after-commit move "));
      cutShort.addAll(r.lines("PAUSED inside move "));
    }
    assertThat(cutShort).isNotEmpty();
    Map<String, Long> whys =
        jdbc
            .sql("select why, count(*) from stage_change where why like 'crash %' group by why")
            .query((rs, n) -> Map.entry(rs.getString(1), rs.getLong(2)))
            .list()
            .stream()
            .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    assertThat(whys.values()).as("no move stored twice").allMatch(n -> n == 1);
    assertThat(whys.keySet()).as("every acknowledged move is stored").containsAll(acknowledged);
    assertThat(whys.keySet())
        .as("no move killed before its commit is stored")
        .doesNotContainAnyElementsOf(cutShort);
    report.add(
        "stage moves: %d stored, each once with its touchpoint and audit row (%d acknowledged, %d killed before commit absent); chains unbroken"
            .formatted(whys.size(), acknowledged.size(), cutShort.size()));
    for (long mover : seed.movers()) {
      List<long[]> chain =
          jdbc.sql(
                  "select id, coalesce(from_stage_id, -1), to_stage_id from stage_change"
                      + " where person_id = :p order by changed_at, id")
              .param("p", mover)
              .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)})
              .list();
      assertThat(chain.get(0)[1]).as("person %d enters first", mover).isEqualTo(-1);
      for (int i = 0; i < chain.size(); i++) {
        long[] c = chain.get(i);
        if (i > 0) {
          assertThat(c[1])
              .as("change %d starts where the one before ended", c[0])
              .isEqualTo(chain.get(i - 1)[2]);
        }
        assertThat(c[1]).as("change %d changes the stage", c[0]).isNotEqualTo(c[2]);
        assertThat(
                count(
                    "select count(*) from touchpoint where source_type = 'lifecycle.stage_change'"
                        + " and source_id = :s and person_id = :m",
                    String.valueOf(c[0]),
                    mover))
            .as("change %d: its touchpoint", c[0])
            .isEqualTo(1);
        assertThat(
                count(
                    "select count(*) from audit_log where object_type = 'stage_change'"
                        + " and object_id = :s and action = 'CREATE' and 0 = :m",
                    String.valueOf(c[0]),
                    0))
            .as("change %d: its audit row", c[0])
            .isEqualTo(1);
      }
    }
  }

  private long single(String sql, long id) {
    return jdbc.sql(sql).param("x", id).query(Long.class).single();
  }

  private long count(String sql, Object s, Object m) {
    return jdbc.sql(sql).param("s", s).param("m", m).query(Long.class).single();
  }

  private static List<Long> ids(JdbcClient jdbc, String sql, long person) {
    return jdbc.sql(sql).param("p", person).query(Long.class).list();
  }

  private static List<String> strings(JdbcClient jdbc, String sql, long person) {
    return jdbc.sql(sql).param("p", person).query(String.class).list();
  }
}
