package dev.rapport.crash;

import dev.rapport.people.Network;
import dev.rapport.people.PersonId;
import dev.rapport.people.SocialIdentities;
import dev.rapport.timeline.NewTouchpoint;
import dev.rapport.timeline.SourceRef;
import dev.rapport.timeline.Timeline;
import dev.rapport.timeline.TouchpointKind;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The persons the crash test merges and moves, planted once through the real services (an identity
 * from a post, which gives an entry stage) plus an email, a phone, a tag and a note each; what each
 * person owns before any merge is written to a file, for the checks after the crashes.
 */
final class CrashSeed {

  static final int MOVERS = 3;

  private CrashSeed() {}

  /** Plants {@code pairs} pairs to merge and {@value #MOVERS} persons to move. */
  static void plant(ConfigurableApplicationContext app, Path file, int pairs) throws IOException {
    SocialIdentities identities = app.getBean(SocialIdentities.class);
    Timeline timeline = app.getBean(Timeline.class);
    JdbcClient jdbc = app.getBean(JdbcClient.class);
    List<Long> persons = new ArrayList<>();
    for (int i = 0; i < 2 * pairs + MOVERS; i++) {
      String handle = "crashseed" + i;
      PersonId p =
          identities.resolveAuthor(
              Network.MASTODON,
              handle,
              "https://mastodon.example/@" + handle,
              "Seed " + name(i) + " Person",
              null,
              null);
      jdbc.sql("insert into person_email (email, person_id) values (:e, :p)")
          .param("e", handle + "@merge.example")
          .param("p", p.value())
          .update();
      jdbc.sql("insert into person_phone (person_id, phone) values (:p, :ph)")
          .param("p", p.value())
          .param("ph", "+49 30 " + (100000 + i))
          .update();
      jdbc.sql("insert into person_tag (person_id, tag) values (:p, :t)")
          .param("p", p.value())
          .param("t", "seed" + i)
          .update();
      timeline.append(
          NewTouchpoint.of(
              p,
              null,
              TouchpointKind.NOTE,
              "note",
              null,
              Instant.now(),
              "crash test",
              "a note on " + handle,
              new SourceRef("crash.note", handle, null)));
      persons.add(p.value());
    }
    CrashInvariants.awaitEvents(jdbc);
    Properties out = new Properties();
    out.setProperty("persons", join(persons));
    for (long p : persons) {
      CrashInvariants.Owned o = CrashInvariants.Owned.of(jdbc, p);
      out.setProperty(p + ".identities", join(o.identities()));
      out.setProperty(p + ".emails", join(o.emails()));
      out.setProperty(p + ".phones", join(o.phones()));
      out.setProperty(p + ".tags", join(o.tags()));
      out.setProperty(p + ".touchpoints", join(o.touchpoints()));
      out.setProperty(p + ".stageChanges", join(o.stageChanges()));
    }
    try (Writer w = Files.newBufferedWriter(file)) {
      out.store(w, "crash test seed");
    }
  }

  static CrashInvariants.Seed read(Path file) throws IOException {
    Properties in = new Properties();
    try (Reader r = Files.newBufferedReader(file)) {
      in.load(r);
    }
    List<Long> persons = split(in.getProperty("persons"), Long::valueOf);
    int count = (persons.size() - MOVERS) / 2;
    List<long[]> pairs = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      pairs.add(new long[] {persons.get(2 * i), persons.get(2 * i + 1)});
    }
    Map<Long, CrashInvariants.Owned> owned = new LinkedHashMap<>();
    for (long p : persons) {
      owned.put(
          p,
          new CrashInvariants.Owned(
              split(in.getProperty(p + ".identities"), Long::valueOf),
              split(in.getProperty(p + ".emails"), s -> s),
              split(in.getProperty(p + ".phones"), s -> s),
              split(in.getProperty(p + ".tags"), s -> s),
              split(in.getProperty(p + ".touchpoints"), Long::valueOf),
              split(in.getProperty(p + ".stageChanges"), Long::valueOf)));
    }
    return new CrashInvariants.Seed(
        pairs, List.copyOf(persons.subList(2 * count, persons.size())), owned);
  }

  /** A name without digits, different for each i (aa, ab, ...), so no merge is proposed. */
  private static String name(int i) {
    return "" + (char) ('A' + i / 26) + (char) ('a' + i % 26);
  }

  private static String join(List<?> values) {
    return values.stream().map(String::valueOf).collect(Collectors.joining("|"));
  }

  private static <T> List<T> split(String joined, Function<String, T> parse) {
    if (joined == null || joined.isEmpty()) {
      return List.of();
    }
    return Arrays.stream(joined.split("\\|")).map(parse).toList();
  }
}
