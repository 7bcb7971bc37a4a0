package dev.rapport.lifecycle.internal;

import dev.rapport.lifecycle.ChangedBy;
import dev.rapport.lifecycle.Lifecycle;
import dev.rapport.lifecycle.ProductLine;
import dev.rapport.lifecycle.Stage;
import dev.rapport.people.IdealCustomers;
import dev.rapport.people.PersonCreated;
import dev.rapport.people.Persons;
import java.util.List;
import java.util.Optional;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Closes the loop from being heard to the lifecycle: a new person enters the workspace's entry
 * stage on the default product line, by rule, with a history row and a touchpoint like any move. A
 * durable listener (event publication registry): it runs after the person's transaction commits and
 * is retried after a crash, so a redelivered event finds the person already staged and stops.
 */
@Component
class LifecycleEntry {

  static final ChangedBy BY = ChangedBy.rule("entry rule");

  private final Lifecycle lifecycle;
  private final LifecycleStore store;
  private final EntryRules rules;
  private final IdealCustomers icp;
  private final Persons persons;

  LifecycleEntry(
      Lifecycle lifecycle,
      LifecycleStore store,
      EntryRules rules,
      IdealCustomers icp,
      Persons persons) {
    this.lifecycle = lifecycle;
    this.store = store;
    this.rules = rules;
    this.icp = icp;
    this.persons = persons;
  }

  @ApplicationModuleListener
  void on(PersonCreated created) {
    List<ProductLine> lines = lifecycle.productLines();
    if (lines.isEmpty()) {
      return;
    }
    long line = lines.get(0).id();
    // a person erased (or deleted) before this delivery, say one republished after a restart,
    // must not get a stage again
    if (!persons.exists(created.person())) {
      return;
    }
    // held until this transaction ends, so a move by hand cannot slip in between check and entry
    store.lock(created.person(), line);
    if (store.latest(created.person(), line).isPresent() || !persons.exists(created.person())) {
      return;
    }
    Optional<Stage> stage =
        rules.entryStage(created.origin(), () -> icp.fits(created.person()).orElse(Boolean.FALSE));
    if (stage.isPresent()) {
      lifecycle.move(created.person(), line, stage.get().id(), BY, why(created));
    }
  }

  static String why(PersonCreated created) {
    return switch (created.origin()) {
      case LISTENING ->
          "by rule, first heard on "
              + (created.network() == null ? "a network" : created.network().key());
      case IMPORT -> "by rule, imported";
      case MANUAL ->
          created.network() == null
              ? "by rule, added by hand"
              : "by rule, added by hand with an identity on " + created.network().key();
    };
  }
}
