package dev.rapport.advocacy.internal;

import dev.rapport.care.CaseClosed;
import dev.rapport.listening.BrandTagsUsed;
import dev.rapport.listening.MentionCaptured;
import dev.rapport.listening.MentionDetails;
import dev.rapport.people.Handles;
import dev.rapport.people.PersonErased;
import dev.rapport.people.PersonId;
import dev.rapport.people.Persons;
import dev.rapport.sales.DealWon;
import dev.rapport.timeline.Timeline;
import dev.rapport.timeline.Touchpoint;
import dev.rapport.timeline.TouchpointAdded;
import dev.rapport.timeline.TouchpointFilter;
import dev.rapport.timeline.TouchpointKind;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.springframework.context.event.EventListener;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * What advocacy hears, each through the event publication registry (after the publisher's commit,
 * retried after a crash) and each idempotent (a signal, credit or attribution is stored once per
 * record, so a redelivery adds nothing): positive posts and posts with brand tags, closed cases,
 * won deals of referred persons, and new touchpoints to tag with their campaign. Erasure is the one
 * synchronous listener: it must commit or fail with the erasure.
 */
@Component
class AdvocacyListeners {

  private static final String MENTION_SOURCE = "listening.mention";

  private final AdvocacyStore store;
  private final AdvocacyScoring scoring;
  private final Referrals referrals;
  private final Campaigns campaigns;
  private final ReferralStore referralStore;
  private final CampaignStore campaignStore;
  private final MentionDetails mentions;
  private final Handles handles;
  private final Persons persons;
  private final Timeline timeline;

  AdvocacyListeners(
      AdvocacyStore store,
      AdvocacyScoring scoring,
      Referrals referrals,
      Campaigns campaigns,
      ReferralStore referralStore,
      CampaignStore campaignStore,
      MentionDetails mentions,
      Handles handles,
      Persons persons,
      Timeline timeline) {
    this.store = store;
    this.scoring = scoring;
    this.referrals = referrals;
    this.campaigns = campaigns;
    this.referralStore = referralStore;
    this.campaignStore = campaignStore;
    this.mentions = mentions;
    this.handles = handles;
    this.persons = persons;
    this.timeline = timeline;
  }

  /** A positive post counts for its author; its touchpoint is tagged with its campaign. */
  @ApplicationModuleListener
  void on(MentionCaptured captured) {
    mentions.find(captured.mentionId()).ifPresent(this::heard);
    postTouchpoint(captured).ifPresent(campaigns::attribute);
  }

  void heard(MentionDetails.Detail m) {
    if (m.author() == null || m.isDeleted() || !positive(m)) {
      return;
    }
    String text = m.text().strip().replaceAll("\\s+", " ");
    boolean added =
        store.addSignal(
            m.author(),
            Signal.Kind.POSITIVE_POST,
            "mention",
            Long.toString(m.id()),
            "praised us on " + m.network() + ": \u201c" + clip(text, 120) + "\u201d",
            m.createdAt());
    if (added) {
      scoring.rescore(m.author(), "mention " + m.id());
    }
  }

  /** Praise read in the post, or a positive sentiment. */
  static boolean positive(MentionDetails.Detail m) {
    return "positive".equalsIgnoreCase(m.sentiment())
        || m.readings().stream()
            .anyMatch(r -> r.kind().equals("intent") && r.name().equals("PRAISE"));
  }

  /** A post with brand tags counts for its author, found by handle when the post had none. */
  @ApplicationModuleListener
  void on(BrandTagsUsed used) {
    Optional<PersonId> author =
        Optional.ofNullable(used.author()).or(() -> byHandle(used.network(), used.authorHandle()));
    if (author.isEmpty() || used.tags().isEmpty()) {
      return;
    }
    PersonId person = persons.current(author.get());
    String tags =
        String.join(" ", used.tags().stream().map(t -> t.startsWith("#") ? t : "#" + t).toList());
    boolean added =
        store.addSignal(
            person,
            Signal.Kind.BRAND_TAG,
            "post",
            used.network() + ":" + used.nativeId(),
            "used " + tags + " on " + used.network(),
            used.postedAt());
    if (added) {
      scoring.rescore(person, "brand tags " + used.network() + ":" + used.nativeId());
    }
  }

  Optional<PersonId> byHandle(String network, String handle) {
    String bare = handle.startsWith("@") ? handle.substring(1) : handle;
    return handles.search(bare, 20).stream()
        .filter(h -> h.network().equalsIgnoreCase(network))
        .filter(
            h ->
                h.handle().equalsIgnoreCase(handle)
                    || h.handle().equalsIgnoreCase(bare)
                    || h.handle().equalsIgnoreCase("@" + bare))
        .map(Handles.Hit::person)
        .findFirst();
  }

  /** A happy case makes a candidate and counts; an unhappy one counts against. */
  @ApplicationModuleListener
  void on(CaseClosed closed) {
    PersonId person = persons.current(closed.person());
    if (!persons.exists(person)) {
      return;
    }
    switch (closed.outcome()) {
      case RESOLVED_HAPPY -> {
        store.addSignal(
            person,
            Signal.Kind.CASE_HAPPY,
            "case",
            Long.toString(closed.caseId()),
            "case " + closed.caseId() + " resolved happily",
            closed.closedAt());
        AdvocacyStoreHelper.candidate(store, person, closed);
        scoring.rescore(person, "case " + closed.caseId());
      }
      case RESOLVED_UNHAPPY -> {
        store.addSignal(
            person,
            Signal.Kind.CASE_UNHAPPY,
            "case",
            Long.toString(closed.caseId()),
            "case " + closed.caseId() + " resolved unhappily",
            closed.closedAt());
        scoring.rescore(person, "case " + closed.caseId());
      }
      case NO_ANSWER -> {
        // no answer says nothing about advocacy either way
      }
    }
  }

  /** A won deal of a referred person is credited to the advocate once. */
  @ApplicationModuleListener
  void on(DealWon won) {
    referrals.credit(won);
  }

  /** A new touchpoint that carries a campaign's link or tag is tagged with the campaign. */
  @ApplicationModuleListener
  void on(TouchpointAdded added) {
    if (added.person() == null) {
      return;
    }
    find(added.person(), added.kind(), added.occurredAt(), t -> t.id() == added.touchpointId())
        .ifPresent(campaigns::attribute);
  }

  private Optional<Touchpoint> postTouchpoint(MentionCaptured m) {
    String id = Long.toString(m.mentionId());
    return find(
        m.author(),
        TouchpointKind.POST,
        m.createdAt(),
        t ->
            t.source() != null
                && MENTION_SOURCE.equals(t.source().type())
                && id.equals(t.source().id()));
  }

  /** The person's touchpoint of the kind at the instant that the test picks, through the facade. */
  private Optional<Touchpoint> find(
      PersonId person,
      TouchpointKind kind,
      Instant at,
      java.util.function.Predicate<Touchpoint> test) {
    Instant from = at.truncatedTo(ChronoUnit.MILLIS);
    TouchpointFilter filter =
        new TouchpointFilter(
            Set.of(kind), Set.of(), from, from.plusMillis(1), 0, TouchpointFilter.MAX_SIZE, false);
    return timeline.forPerson(person, filter).items().stream().filter(test).findFirst();
  }

  @EventListener
  void on(PersonErased erased) {
    store.forget(erased.ids());
    referralStore.forget(erased.ids());
    campaignStore.forget(erased.ids());
  }

  static String clip(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max - 1) + "\u2026";
  }

  static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }
}
