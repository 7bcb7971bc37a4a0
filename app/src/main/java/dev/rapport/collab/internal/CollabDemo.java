package dev.rapport.collab.internal;

import dev.rapport.access.User;
import dev.rapport.access.Users;
import dev.rapport.people.AccountId;
import dev.rapport.people.DemoPeopleLoaded;
import dev.rapport.people.PersonId;
import java.util.Optional;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Gives the demo a conversation to look at: on the first demo person, Maria pulls Li in with a
 * mention and Li answers, Tom's off-topic comment is deleted, and an account's feed asks Tom for a
 * webinar invitation. Maria follows the first persons, so their stage changes reach her. The demo
 * users (access's DemoUsers) exist before the demo persons are loaded; a missing one is skipped.
 */
@Component
class CollabDemo {

  private final Feeds feeds;
  private final Users users;
  private final FeedStore store;

  CollabDemo(Feeds feeds, Users users, FeedStore store) {
    this.store = store;
    this.feeds = feeds;
    this.users = users;
  }

  // Synchronous on purpose: demo data is loaded whole or not at all, in the demo's transaction.
  @EventListener
  @Transactional
  void on(DemoPeopleLoaded demo) {
    Optional<User> maria = users.byUsername("maria");
    Optional<User> li = users.byUsername("li");
    Optional<User> tom = users.byUsername("tom");
    if (maria.isEmpty() || li.isEmpty() || tom.isEmpty() || demo.persons().isEmpty()) {
      return;
    }
    long first = demo.persons().get(0).value();
    if (store.count(SubjectType.PERSON, first) > 0) {
      return; // loaded before: demo data is added once
    }
    for (PersonId p : demo.persons().subList(0, Math.min(3, demo.persons().size()))) {
      feeds.followAs(maria.get(), SubjectType.PERSON, p.value());
    }
    feeds.followAs(tom.get(), SubjectType.PERSON, first);
    feeds.commentAs(
        maria.get(),
        SubjectType.PERSON,
        first,
        "@li they asked about single sign-on and the audit log on today's call. Can you join the"
            + " follow-up on Thursday? Their requirements: https://example.com/acme/sso-requirements");
    feeds.commentAs(
        li.get(),
        SubjectType.PERSON,
        first,
        "@maria yes, count me in. I'll bring the security one-pager and the SAML setup guide.");
    Feeds.Posted offTopic =
        feeds.commentAs(tom.get(), SubjectType.PERSON, first, "Wrong record, sorry!");
    feeds.deleteAs(tom.get(), offTopic.entry().id());
    if (!demo.accounts().isEmpty()) {
      AccountId account = demo.accounts().get(0);
      feeds.commentAs(
          maria.get(),
          SubjectType.ACCOUNT,
          account.value(),
          "Renewal is due in March. @tom could we invite their team to the customer webinar"
              + " first?");
    }
  }
}
