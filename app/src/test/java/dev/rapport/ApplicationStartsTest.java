package dev.rapport;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.support.PersistenceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@PersistenceTest
class ApplicationStartsTest {

  @Autowired JdbcClient jdbc;

  @Test
  void migrationsRunOnTheConfiguredDatabase() {
    String schema =
        jdbc.sql("select val from rapport_info where name = 'schema'").query(String.class).single();
    assertThat(schema).isEqualTo("rapport");
  }
}
