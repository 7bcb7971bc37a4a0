package dev.rapport.sales.mail;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Reads every mailbox every {@code rapport.mail.poll-interval} (0 turns it off), one mailbox after
 * the other on one thread of its own; a failing mailbox records its error and the next is read.
 */
@Component
class MailPoller implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(MailPoller.class);

  private final MailStore store;
  private final MailImport imports;
  private final MailProperties props;
  private ScheduledExecutorService timer;

  MailPoller(MailStore store, MailImport imports, MailProperties props) {
    this.store = store;
    this.imports = imports;
    this.props = props;
  }

  void pollAll() {
    for (Mailbox m : store.all()) {
      try {
        imports.check(m.id());
      } catch (RuntimeException e) {
        log.warn("mailbox {} could not be read: {}", m.id(), e.toString());
      }
    }
  }

  @Override
  public synchronized void start() {
    long every = props.pollInterval().toMillis();
    if (every <= 0 || timer != null) {
      return;
    }
    timer =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "mail-poller");
              t.setDaemon(true);
              return t;
            });
    timer.scheduleWithFixedDelay(this::pollAll, every, every, TimeUnit.MILLISECONDS);
  }

  @Override
  public synchronized void stop() {
    if (timer != null) {
      timer.shutdownNow();
      timer = null;
    }
  }

  @Override
  public synchronized boolean isRunning() {
    return timer != null;
  }
}
