package dev.rapport.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The delivery promise the application's properties make: a reaction that fails mid-way (here, a
 * handler that throws the first time, as a crash would cut it short) leaves its publication
 * incomplete in the database, and the next start resubmits it, so it completes exactly once. Two
 * contexts on one H2 file database, with the application's own event settings.
 */
class RegistryDeliveryTest {

  /** An event a feature might publish; the listener below fails on its first delivery. */
  record Happened(String what) {}

  static final AtomicInteger attempts = new AtomicInteger();
  static final AtomicInteger completed = new AtomicInteger();

  @Component
  static class FailsFirstTime {
    @ApplicationModuleListener
    void on(Happened event) {
      if (attempts.incrementAndGet() == 1) {
        throw new IllegalStateException("the handler died mid-way");
      }
      completed.incrementAndGet();
    }
  }

  @Configuration(proxyBeanMethods = false)
  @EnableAutoConfiguration
  @EnableAsync
  @Import(FailsFirstTime.class)
  static class Events {}

  @Test
  void aPublicationWhoseHandlerDiedIsCompletedOnceAfterARestart(@TempDir Path dir) {
    String url =
        "jdbc:h2:file:" + dir.resolve("events") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE";

    try (ConfigurableApplicationContext first = start(url)) {
      first
          .getBean(TransactionTemplate.class)
          .executeWithoutResult(s -> first.publishEvent(new Happened("x")));
      await().atMost(Duration.ofSeconds(10)).until(() -> attempts.get() == 1);
      await()
          .atMost(Duration.ofSeconds(5))
          .untilAsserted(
              () ->
                  assertThat(incomplete(first)).as("the failed publication is kept").isEqualTo(1));
    }
    assertThat(completed).hasValue(0);

    try (ConfigurableApplicationContext second = start(url)) {
      await().atMost(Duration.ofSeconds(20)).until(() -> completed.get() == 1);
      await().atMost(Duration.ofSeconds(5)).until(() -> incomplete(second) == 0);
      assertThat(
              second
                  .getBean(JdbcClient.class)
                  .sql("select count(*) from event_publication where completion_date is not null")
                  .query(Long.class)
                  .single())
          .as("one publication, marked completed")
          .isEqualTo(1);
      assertThat(completed).as("handled exactly once").hasValue(1);
      assertThat(attempts).hasValue(2);
    }
  }

  private static long incomplete(ConfigurableApplicationContext context) {
    return context
        .getBean(JdbcClient.class)
        .sql("select count(*) from event_publication where completion_date is null")
        .query(Long.class)
        .single();
  }

  private static ConfigurableApplicationContext start(String url) {
    // as arguments, so they win over the application's (and the tests') application.properties
    return new SpringApplicationBuilder(Events.class)
        .web(WebApplicationType.NONE)
        .run(
            "--spring.datasource.url=" + url,
            "--spring.datasource.username=sa",
            "--spring.datasource.password=",
            "--spring.flyway.enabled=false",
            "--spring.modulith.events.republish-outstanding-events-on-restart=true");
  }
}
