package dev.rapport.support;

import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/**
 * In the postgres test run the schema is dropped once per JVM, so every run starts from the
 * migrations as they are now; later Spring contexts in the same run share that schema.
 */
@Configuration(proxyBeanMethods = false)
@Profile("postgres")
class CleanPostgresOnce {

  private static final AtomicBoolean cleaned = new AtomicBoolean();

  @Bean
  FlywayMigrationStrategy cleanOnceThenMigrate() {
    return flyway -> {
      if (cleaned.compareAndSet(false, true)) {
        flyway.clean();
      }
      flyway.migrate();
    };
  }
}
