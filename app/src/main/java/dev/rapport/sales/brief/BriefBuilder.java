package dev.rapport.sales.brief;

import dev.rapport.engine.read.EventSignal;
import dev.rapport.engine.read.Evidence;
import dev.rapport.engine.read.Interest;
import dev.rapport.engine.read.InterestProfiler;
import dev.rapport.engine.read.Timing;
import dev.rapport.people.PersonId;
import dev.rapport.people.PersonSummary;
import dev.rapport.people.Persons;
import dev.rapport.sales.brief.PreCallBrief.InterestView;
import dev.rapport.sales.brief.PreCallBrief.LastTouch;
import dev.rapport.sales.brief.PreCallBrief.Moment;
import dev.rapport.sales.brief.PreCallBrief.PostView;
import dev.rapport.sales.leads.PostReadings;
import dev.rapport.shared.NotFoundException;
import dev.rapport.timeline.Timeline;
import dev.rapport.timeline.Touchpoint;
import dev.rapport.timeline.TouchpointFilter;
import dev.rapport.timeline.TouchpointKind;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Builds a person's pre-call brief from their captured posts (read by the engine for life events
 * and interests), the timeline and people's facts. The caller has checked visibility; the person is
 * looked up through people's filtered facade all the same.
 */
@Service
class BriefBuilder {

  static final int POSTS = 200;
  static final int RECENT = 8;
  static final int INTERESTS = 8;
  static final int EXAMPLES = 3;

  /** Triggers and cautions older than this are left out. */
  static final Duration MOMENTS = Duration.ofDays(180);

  /** A caution this recent holds every opener back. */
  static final Duration HOLD_BACK = Duration.ofDays(30);

  private final Persons persons;
  private final PostReadings readings;
  private final Timeline timeline;
  private final InterestProfiler profiler = InterestProfiler.create();

  BriefBuilder(Persons persons, PostReadings readings, Timeline timeline) {
    this.persons = persons;
    this.readings = readings;
    this.timeline = timeline;
  }

  @Transactional(readOnly = true)
  PreCallBrief build(PersonId person, Instant now) {
    PersonSummary who =
        persons.find(person).orElseThrow(() -> new NotFoundException("person", person.value()));
    List<PostReadings.ReadPost> read = readings.byPerson(person, POSTS);
    Map<String, PostView> byId = new HashMap<>();
    List<PostView> posts = new ArrayList<>();
    for (PostReadings.ReadPost r : read) {
      PostView v =
          new PostView(
              r.post().id(),
              r.post().network(),
              r.post().text(),
              r.post().url(),
              r.post().createdAt());
      posts.add(v);
      byId.put(Long.toString(v.id()), v);
    }
    List<Moment> triggers = new ArrayList<>();
    List<Moment> cautions = new ArrayList<>();
    boolean holdBack = false;
    for (int i = 0; i < read.size(); i++) {
      PostView post = posts.get(i);
      if (post.at().isBefore(now.minus(MOMENTS))) {
        continue;
      }
      for (EventSignal e : read.get(i).reading().events()) {
        Moment m =
            new Moment(
                e.event().name(),
                e.event().name().toLowerCase(Locale.ROOT).replace('_', ' '),
                e.subject(),
                e.evidence().stream()
                    .map(Evidence::text)
                    .distinct()
                    .collect(Collectors.joining(", ")),
                post);
        if (e.timing() == Timing.CAUTION) {
          cautions.add(m);
          holdBack |= !post.at().isBefore(now.minus(HOLD_BACK));
        } else {
          triggers.add(m);
        }
      }
    }
    List<InterestView> interests = interests(posts, byId);
    List<PostView> recent = posts.subList(0, Math.min(RECENT, posts.size()));
    return new PreCallBrief(
        person,
        who.name(),
        who.title(),
        who.accountName(),
        List.copyOf(recent),
        posts.size(),
        interests,
        triggers,
        cautions,
        holdBack,
        lastTouch(person),
        Openers.suggest(triggers, interests, recent, holdBack),
        now);
  }

  private List<InterestView> interests(List<PostView> posts, Map<String, PostView> byId) {
    List<Interest> found =
        profiler.profile(
            posts.stream()
                .map(p -> new InterestProfiler.Post(Long.toString(p.id()), p.text()))
                .toList());
    return found.stream()
        .limit(INTERESTS)
        .map(
            i ->
                new InterestView(
                    i.topic(),
                    (int) Math.round(i.weight() * 100),
                    i.postIds().size(),
                    i.postIds().stream()
                        .map(byId::get)
                        .filter(Objects::nonNull)
                        .limit(EXAMPLES)
                        .toList()))
        .toList();
  }

  private LastTouch lastTouch(PersonId person) {
    EnumSet<TouchpointKind> contact = EnumSet.allOf(TouchpointKind.class);
    contact.removeAll(EnumSet.of(TouchpointKind.STAGE_CHANGE, TouchpointKind.NOTE));
    List<Touchpoint> last =
        timeline
            .forPerson(person, new TouchpointFilter(contact, null, null, null, 0, 1, false))
            .items();
    if (last.isEmpty()) {
      return null;
    }
    Touchpoint t = last.get(0);
    return new LastTouch(
        t.kind().name().toLowerCase(Locale.ROOT).replace('_', ' '),
        t.direction() == null ? "" : t.direction().name().toLowerCase(Locale.ROOT),
        t.summary(),
        t.occurredAt());
  }
}
