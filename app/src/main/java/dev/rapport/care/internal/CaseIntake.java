package dev.rapport.care.internal;

import dev.rapport.lifecycle.CountsAs;
import dev.rapport.lifecycle.CurrentStage;
import dev.rapport.lifecycle.Lifecycle;
import dev.rapport.listening.MentionCaptured;
import dev.rapport.listening.MentionDetails;
import dev.rapport.people.AccountId;
import dev.rapport.people.PersonId;
import dev.rapport.people.PersonSummary;
import dev.rapport.people.Persons;
import dev.rapport.sales.BusinessHours;
import dev.rapport.timeline.Timeline;
import dev.rapport.timeline.Touchpoint;
import dev.rapport.timeline.TouchpointFilter;
import dev.rapport.timeline.TouchpointKind;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Opens cases from captured mentions. A durable listener (event publication registry): it runs
 * after the mention's transaction commits and is resubmitted after a crash; a mention is tied to at
 * most one case (its id is the key), so a redelivered event adds nothing.
 *
 * <p>A post opens a case when the post reader found a complaint or a question in it and its author
 * is a known customer (a stage that counts as sale, loyalty or advocacy in any product line) or the
 * post is about one of the workspace's brands ({@link Brands}). A post in the thread of an open
 * case joins that case instead, whatever its reading: its thread is the post it answers, followed
 * back through the posts the case already holds, or the post itself.
 */
@Component
class CaseIntake {

  /** Yearly order and invoice amounts from which a customer's case goes up one priority. */
  static final BigDecimal VALUABLE = new BigDecimal("10000");

  static final Set<CountsAs> CUSTOMER =
      EnumSet.of(CountsAs.SALE, CountsAs.LOYALTY, CountsAs.ADVOCACY);

  private final MentionDetails mentions;
  private final CaseStore store;
  private final Brands brands;
  private final SpikeAlerts alerts;
  private final Persons persons;
  private final Lifecycle lifecycle;
  private final Timeline timeline;
  private final BusinessHours hours;
  private final CaseWork work;

  CaseIntake(
      MentionDetails mentions,
      CaseStore store,
      Brands brands,
      SpikeAlerts alerts,
      Persons persons,
      Lifecycle lifecycle,
      Timeline timeline,
      BusinessHours hours,
      CaseWork work) {
    this.mentions = mentions;
    this.store = store;
    this.brands = brands;
    this.alerts = alerts;
    this.persons = persons;
    this.lifecycle = lifecycle;
    this.timeline = timeline;
    this.hours = hours;
    this.work = work;
  }

  @ApplicationModuleListener
  void on(MentionCaptured captured) {
    mentions
        .find(captured.mentionId())
        .ifPresent(m -> take(m, Instant.now().truncatedTo(ChronoUnit.MICROS)));
  }

  /** The case the mention opened or joined, or empty when it concerns no case (or did already). */
  Optional<CareCase> take(MentionDetails.Detail m, Instant now) {
    if (m.isDeleted() || m.author() == null || store.hasMention(m.id())) {
      return Optional.empty();
    }
    boolean complaint = has(m, "COMPLAINT");
    boolean question = has(m, "QUESTION");
    Optional<String> brand = brands.about(m);
    if (complaint && brand.isPresent()) {
      alerts.complaint(m.id(), brand.get(), m.createdAt(), now);
    }
    String thread = thread(m);
    Optional<CareCase> open = store.openInThread(thread);
    if (open.isPresent()) {
      return work.joined(open.get(), m, now);
    }
    if (!complaint && !question) {
      return Optional.empty();
    }
    PersonId person = persons.current(m.author());
    if (!persons.exists(person)) {
      return Optional.empty();
    }
    boolean customer = isCustomer(person);
    if (!customer && brand.isEmpty()) {
      return Optional.empty();
    }
    AccountId account = persons.find(person).map(PersonSummary::account).orElse(null);
    Priority priority = priority(complaint, customer, value(person, account, now));
    Long previous =
        store
            .latestInThread(thread)
            .filter(c -> !c.status().isOpen())
            .map(CareCase::id)
            .orElse(null);
    CaseStore.NewCase c =
        new CaseStore.NewCase(
            person,
            account,
            thread,
            m.network(),
            m.id(),
            complaint ? "complaint" : "question",
            brand.orElse(null),
            excerpt(m.text()),
            priority,
            priority.slaMinutes,
            now,
            hours.plus(now, priority.slaMinutes),
            previous);
    return Optional.of(work.opened(c, m, customer));
  }

  /**
   * Complaint high, question normal; down one when the author is not a customer, up one for value.
   */
  static Priority priority(boolean complaint, boolean customer, BigDecimal yearlyValue) {
    Priority p = complaint ? Priority.HIGH : Priority.NORMAL;
    if (!customer) {
      p = p.down();
    }
    if (customer && yearlyValue.compareTo(VALUABLE) >= 0) {
      p = p.up();
    }
    return p;
  }

  boolean isCustomer(PersonId person) {
    return lifecycle.currentStages(person).stream()
        .map(CurrentStage::stage)
        .anyMatch(s -> CUSTOMER.contains(s.countsAs()));
  }

  /** Orders and invoices of the last year on the account (or the person when there is none). */
  BigDecimal value(PersonId person, AccountId account, Instant now) {
    TouchpointFilter filter =
        new TouchpointFilter(
            EnumSet.of(TouchpointKind.ORDER, TouchpointKind.INVOICE),
            Set.of(),
            now.minus(Duration.ofDays(365)),
            now.plusSeconds(1),
            0,
            TouchpointFilter.MAX_SIZE,
            false);
    var page =
        account != null ? timeline.forAccount(account, filter) : timeline.forPerson(person, filter);
    return page.items().stream()
        .map(Touchpoint::amount)
        .filter(a -> a != null)
        .reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  private String thread(MentionDetails.Detail m) {
    Optional<String> parent = mentions.replyTo(m.id()).filter(s -> !s.isBlank());
    if (parent.isEmpty()) {
      return key(m.network(), m.nativeId());
    }
    return store.threadOf(m.network(), parent.get()).orElse(key(m.network(), parent.get()));
  }

  static String key(String network, String nativeId) {
    String k = network + "|" + nativeId;
    return k.length() > 700 ? k.substring(0, 700) : k;
  }

  private static boolean has(MentionDetails.Detail m, String intent) {
    return m.readings().stream()
        .anyMatch(r -> r.kind().equals("intent") && r.name().equals(intent));
  }

  static String excerpt(String text) {
    String t = text == null ? "" : text.strip().replaceAll("\\s+", " ");
    return t.length() > 280 ? t.substring(0, 279) + "…" : t;
  }
}
