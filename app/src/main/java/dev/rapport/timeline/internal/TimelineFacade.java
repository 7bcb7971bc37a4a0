package dev.rapport.timeline.internal;

import dev.rapport.access.AuditLog;
import dev.rapport.people.AccountId;
import dev.rapport.people.PersonId;
import dev.rapport.timeline.NewTouchpoint;
import dev.rapport.timeline.SourceRef;
import dev.rapport.timeline.Timeline;
import dev.rapport.timeline.Touchpoint;
import dev.rapport.timeline.TouchpointAdded;
import dev.rapport.timeline.TouchpointFilter;
import dev.rapport.timeline.TouchpointKind;
import dev.rapport.timeline.TouchpointPage;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Validates, stores idempotently and audits touchpoints; reads timelines a page at a time. */
@Service
@Transactional
class TimelineFacade implements Timeline {

  private final TimelineStore store;
  private final AuditLog audit;
  private final ApplicationEventPublisher events;
  private final Clock clock = Clock.systemUTC();

  TimelineFacade(TimelineStore store, AuditLog audit, ApplicationEventPublisher events) {
    this.store = store;
    this.audit = audit;
    this.events = events;
  }

  @Override
  public Appended append(NewTouchpoint touchpoint) {
    Objects.requireNonNull(touchpoint, "touchpoint");
    Instant now = clock.instant();
    TouchpointRules.check(touchpoint, now);
    boolean created = store.insertEach(List.of(touchpoint), now)[0] != 0;
    Touchpoint stored =
        store
            .bySource(touchpoint.source().type(), touchpoint.source().id())
            .orElseThrow(() -> new IllegalStateException("touchpoint vanished after insert"));
    if (created) {
      audit.record("touchpoint", stored.id(), AuditLog.Action.CREATE, null, stored);
      // stage changes have their own event; one per move would double the registry's work
      if (stored.person() != null && stored.kind() != TouchpointKind.STAGE_CHANGE) {
        events.publishEvent(
            new TouchpointAdded(
                stored.id(),
                stored.person(),
                stored.kind(),
                stored.direction(),
                stored.occurredAt()));
      }
    }
    return new Appended(stored, created);
  }

  @Override
  public int revise(SourceRef source, String summary) {
    return store.reviseSummary(source.type(), source.id(), NewTouchpoint.clip(summary));
  }

  @Override
  public int appendAll(List<NewTouchpoint> touchpoints) {
    if (touchpoints.isEmpty()) {
      return 0;
    }
    Instant now = clock.instant();
    for (NewTouchpoint t : touchpoints) {
      Objects.requireNonNull(t, "touchpoint");
      TouchpointRules.check(t, now);
    }
    Long[] ids = store.insertReturningIds(touchpoints, now);
    List<AuditLog.Entry> entries = new ArrayList<>();
    for (int i = 0; i < ids.length; i++) {
      if (ids[i] != null) {
        entries.add(
            new AuditLog.Entry(
                "touchpoint",
                ids[i],
                AuditLog.Action.CREATE,
                null,
                asStored(ids[i], touchpoints.get(i))));
      }
    }
    audit.recordAll(entries);
    return entries.size();
  }

  /** A new row as a read would return it: times to the microsecond the column keeps. */
  private static Touchpoint asStored(long id, NewTouchpoint t) {
    return new Touchpoint(
        id,
        t.person(),
        t.account(),
        t.kind(),
        t.channel(),
        t.direction(),
        t.occurredAt().truncatedTo(ChronoUnit.MICROS),
        t.byUserId(),
        t.byName(),
        t.summary(),
        t.source(),
        TimelineStore.plain(t.amount()),
        TimelineStore.plain(t.margin()),
        t.currency(),
        null);
  }

  @Override
  @Transactional(readOnly = true)
  public TouchpointPage forPerson(PersonId person, TouchpointFilter filter) {
    return page("person_id", person.value(), filter);
  }

  @Override
  @Transactional(readOnly = true)
  public TouchpointPage forAccount(AccountId account, TouchpointFilter filter) {
    return page("account_id", account.value(), filter);
  }

  private TouchpointPage page(String subject, long id, TouchpointFilter filter) {
    return new TouchpointPage(
        store.page(subject, id, filter),
        filter.page(),
        filter.size(),
        store.count(subject, id, filter));
  }
}
