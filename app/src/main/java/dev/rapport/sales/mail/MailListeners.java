package dev.rapport.sales.mail;

import dev.rapport.people.PersonErased;
import dev.rapport.people.PersonsMerged;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps mail rows with their persons. Plain listeners, in the publisher's transaction, like the
 * timeline's: an erasure or a merge is all-or-nothing, so no mail about an erased person outlives
 * the erasure and no message is left on a merged-away person.
 */
@Component
class MailListeners {

  private final MailStore store;

  MailListeners(MailStore store) {
    this.store = store;
  }

  @EventListener
  void on(PersonErased e) {
    e.persons().forEach(store::erase);
  }

  @EventListener
  void on(PersonsMerged e) {
    store.merge(e.merged(), e.survivor());
  }
}
