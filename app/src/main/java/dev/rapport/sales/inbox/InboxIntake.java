package dev.rapport.sales.inbox;

import dev.rapport.listening.MentionCaptured;
import dev.rapport.listening.MentionDetails;
import dev.rapport.sales.InboxItemCreated;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Turns a captured mention with an actionable reading into an inbox item, once. A durable listener
 * (event publication registry): it runs after the mention's transaction commits and is retried
 * after a crash; the unique mention id makes a redelivery add nothing.
 */
@Component
class InboxIntake {

  private final MentionDetails mentions;
  private final InboxItems items;
  private final InboxSettings settings;
  private final InboxWork work;
  private final InboxRouting routing;
  private final ApplicationEventPublisher events;

  InboxIntake(
      MentionDetails mentions,
      InboxItems items,
      InboxSettings settings,
      InboxWork work,
      InboxRouting routing,
      ApplicationEventPublisher events) {
    this.mentions = mentions;
    this.items = items;
    this.settings = settings;
    this.work = work;
    this.routing = routing;
    this.events = events;
  }

  @ApplicationModuleListener
  void on(MentionCaptured captured) {
    mentions
        .find(captured.mentionId())
        .ifPresent(m -> take(m, Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS)));
  }

  /** Stores the item for an actionable mention; the new item, or empty. */
  Optional<Item> take(MentionDetails.Detail m, Instant now) {
    List<Signal> signals = signals(m);
    if (signals.isEmpty() || m.isDeleted() || m.author() == null) {
      return Optional.empty();
    }
    Map<Signal, Integer> slas = settings.slas();
    Signal strictest = signals.stream().min(Comparator.comparing(slas::get)).orElseThrow();
    Instant due = settings.calendar().plus(now, slas.get(strictest));
    boolean caution = m.readings().stream().anyMatch(MentionDetails.Reading::caution);
    Optional<Long> id =
        items.insert(
            new InboxItems.NewItem(
                m.id(),
                m.author(),
                m.network(),
                m.language(),
                signals.stream().map(Signal::key).toList(),
                strictest.key(),
                caution,
                m.rules().stream().map(MentionDetails.Rule::id).toList(),
                now,
                due));
    if (id.isEmpty()) {
      return Optional.empty();
    }
    work.opened(id.get(), m);
    Item item = routing.route(items.find(id.get()).orElseThrow());
    events.publishEvent(new InboxItemCreated(item.id(), m.id(), m.author(), item.readings()));
    return Optional.of(item);
  }

  /** The actionable readings, each once, in the order the post reader gave them. */
  static List<Signal> signals(MentionDetails.Detail m) {
    List<Signal> out = new ArrayList<>();
    for (MentionDetails.Reading r : m.readings()) {
      Signal.of(r).filter(s -> !out.contains(s)).ifPresent(out::add);
    }
    return out;
  }
}
