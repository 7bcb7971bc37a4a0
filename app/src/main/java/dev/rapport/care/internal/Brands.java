package dev.rapport.care.internal;

import dev.rapport.listening.MentionDetails;
import dev.rapport.shared.InvalidInputException;
import dev.rapport.shared.NotFoundException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The workspace's brands and products. A post is about one when a listening rule it matched is
 * named for it (the rule's name contains the brand's name, as "Brand: Acme" does) or when its text
 * names it as a word, case-insensitively. The first in the list that applies wins.
 */
@Component
class Brands {

  /** A brand or a product. */
  record Brand(long id, String name, String kind, Instant createdAt) {}

  private final JdbcClient jdbc;

  Brands(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  List<Brand> all() {
    return jdbc.sql("select id, name, kind, created_at from care_brand order by name")
        .query(
            (rs, n) ->
                new Brand(
                    rs.getLong(1),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getTimestamp(4).toInstant()))
        .list();
  }

  Brand add(String name, String kind) {
    String n = name == null ? "" : name.strip();
    if (n.isEmpty()) {
      throw InvalidInputException.of("name", "is required");
    }
    if (n.length() > 100) {
      throw InvalidInputException.of("name", "is longer than 100 characters");
    }
    if (n.codePoints().anyMatch(c -> Character.isISOControl(c))) {
      throw InvalidInputException.of("name", "must not contain control characters");
    }
    String k = kind == null || kind.isBlank() ? "brand" : kind.strip().toLowerCase(Locale.ROOT);
    if (!k.equals("brand") && !k.equals("product")) {
      throw InvalidInputException.of("kind", "must be brand or product");
    }
    boolean taken =
        all().stream()
            .anyMatch(b -> b.name().toLowerCase(Locale.ROOT).equals(n.toLowerCase(Locale.ROOT)));
    if (taken) {
      throw InvalidInputException.of("name", "'" + n + "' is already in the list");
    }
    jdbc.sql("insert into care_brand (name, kind, created_at) values (:n, :k, :at)")
        .param("n", n)
        .param("k", k)
        .param("at", Timestamp.from(Instant.now()))
        .update();
    return all().stream().filter(b -> b.name().equals(n)).findFirst().orElseThrow();
  }

  void delete(long id) {
    if (jdbc.sql("delete from care_brand where id = :id").param("id", id).update() == 0) {
      throw new NotFoundException("brand", id);
    }
  }

  /** The brand or product the mention is about, if any. */
  Optional<String> about(MentionDetails.Detail m) {
    List<Brand> brands = all();
    for (Brand b : brands) {
      String name = b.name().toLowerCase(Locale.ROOT);
      if (m.rules().stream().anyMatch(r -> r.name().toLowerCase(Locale.ROOT).contains(name))) {
        return Optional.of(b.name());
      }
    }
    for (Brand b : brands) {
      if (names(b.name(), m.text())) {
        return Optional.of(b.name());
      }
    }
    return Optional.empty();
  }

  /**
   * Whether the text names the brand as a word of its own ("Acme" in "acme's app", not "acmes").
   */
  static boolean names(String brand, String text) {
    if (text == null) {
      return false;
    }
    return Pattern.compile(
            "(?<![\\p{L}\\p{N}])" + Pattern.quote(brand) + "(?![\\p{L}\\p{N}])",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE)
        .matcher(text)
        .find();
  }
}
