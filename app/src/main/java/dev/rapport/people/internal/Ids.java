package dev.rapport.people.internal;

import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Hands out ids from the database sequences in blocks of 100 (the sequences step by 100), so a
 * batch insert needs one round trip per hundred rows instead of one per row.
 */
@Component
class Ids {

  static final int BLOCK = 100;

  private final JdbcClient jdbc;
  private final Map<String, long[]> blocks = new HashMap<>();

  Ids(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  long nextPerson() {
    return next("person_id_seq");
  }

  long nextAccount() {
    return next("account_id_seq");
  }

  long nextIdentity() {
    return next("identity_id_seq");
  }

  private synchronized long next(String sequence) {
    long[] block = blocks.get(sequence);
    if (block == null || block[0] >= block[1]) {
      long start = jdbc.sql("select nextval('" + sequence + "')").query(Long.class).single();
      block = new long[] {start, start + BLOCK};
      blocks.put(sequence, block);
    }
    return block[0]++;
  }
}
