package dev.rapport.sales.inbox;

import dev.rapport.access.Users;
import dev.rapport.people.DemoPeopleLoaded;
import dev.rapport.shared.InvalidInputException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Demo mode: two routing rules to look at in Settings › Inbox (buying signals from the DACH
 * territory, then complaints), both to the admin, when the workspace has none yet.
 */
@Component
class InboxDemo {

  private static final Logger log = LoggerFactory.getLogger(InboxDemo.class);

  private final Routes routes;
  private final Users users;

  InboxDemo(Routes routes, Users users) {
    this.routes = routes;
    this.users = users;
  }

  @EventListener
  void on(DemoPeopleLoaded demo) {
    if (!routes.all().isEmpty()) {
      return;
    }
    users
        .byUsername("admin")
        .ifPresent(
            admin -> {
              try {
                routes.create(
                    new Routes.Form(
                        "DACH buying signals",
                        true,
                        null,
                        "buying",
                        null,
                        null,
                        null,
                        null,
                        admin.id(),
                        null,
                        "Germany, Austria, Switzerland"));
                routes.create(
                    new Routes.Form(
                        "Complaints first",
                        true,
                        null,
                        "complaint",
                        null,
                        null,
                        null,
                        null,
                        admin.id(),
                        null,
                        null));
              } catch (InvalidInputException e) {
                log.info("demo routing rules not added: {}", e.getMessage());
              }
            });
  }
}
