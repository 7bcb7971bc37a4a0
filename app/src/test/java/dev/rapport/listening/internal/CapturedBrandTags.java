package dev.rapport.listening.internal;

import dev.rapport.listening.BrandTagsUsed;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Test helper: the BrandTagsUsed events of committed transactions only, as a durable listener in
 * another feature would receive them (a rolled-back try is not one).
 */
@Component
class CapturedBrandTags {
  private final List<BrandTagsUsed> seen = new CopyOnWriteArrayList<>();

  /** Through a method: the bean may be a proxy, whose own fields are empty. */
  List<BrandTagsUsed> seen() {
    return seen;
  }

  @TransactionalEventListener
  void on(BrandTagsUsed event) {
    seen.add(event);
  }
}
