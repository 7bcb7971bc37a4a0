package dev.rapport.shared;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * How many event publications wait to be completed (docs/operations.md): a number that stays up
 * means a durable listener keeps failing, and its work waits for the next start.
 */
@Component
class EventPublicationMeters {

  EventPublicationMeters(MeterRegistry registry, JdbcClient jdbc) {
    Gauge.builder(
            "rapport.events.publications.incomplete",
            () ->
                jdbc.sql("select count(*) from event_publication where completion_date is null")
                    .query(Long.class)
                    .single())
        .description("event publications recorded but not yet completed by their listener")
        .register(registry);
  }
}
