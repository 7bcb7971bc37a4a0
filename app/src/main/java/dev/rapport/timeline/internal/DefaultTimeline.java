package dev.rapport.timeline.internal;

import dev.rapport.access.AuditLog;
import dev.rapport.people.AccountId;
import dev.rapport.people.PersonId;
import dev.rapport.timeline.NewTouchpoint;
import dev.rapport.timeline.Timeline;
import dev.rapport.timeline.Touchpoint;
import dev.rapport.timeline.TouchpointFilter;
import dev.rapport.timeline.TouchpointPage;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Validates, stores idempotently and audits touchpoints; reads timelines a page at a time. */
@Service
@Transactional
class DefaultTimeline implements Timeline {

  private final TimelineStore store;
  private final AuditLog audit;
  private final Clock clock = Clock.systemUTC();

  DefaultTimeline(TimelineStore store, AuditLog audit) {
    this.store = store;
    this.audit = audit;
  }

  @Override
  public Appended append(NewTouchpoint touchpoint) {
    Objects.requireNonNull(touchpoint, "touchpoint");
    Instant now = clock.instant();
    TouchpointRules.check(touchpoint, now);
    boolean created = store.insert(touchpoint, now);
    Touchpoint stored =
        store
            .bySource(touchpoint.source().type(), touchpoint.source().id())
            .orElseThrow(() -> new IllegalStateException("touchpoint vanished after insert"));
    if (created) {
      audit.record("touchpoint", stored.id(), AuditLog.Action.CREATE, null, stored);
    }
    return new Appended(stored, created);
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
