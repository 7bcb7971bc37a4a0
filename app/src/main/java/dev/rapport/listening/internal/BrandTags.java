package dev.rapport.listening.internal;

import dev.rapport.access.AuditLog;
import dev.rapport.shared.InvalidInputException;
import dev.rapport.shared.NotFoundException;
import dev.rapport.shared.TextChecks;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The workspace's brand tags (table listening_brand_tag): a tag as posts write it ({@code #Nikon},
 * {@code @nikon}) and its kind. A tag is refused unless it is exactly one hashtag or handle token
 * as the engine reads posts: no spaces, emoji, control characters, at most 100 characters. Every
 * change rebuilds the {@link BrandTagIndex} ingest counts with; the index is also reloaded when it
 * is older than {@link #REFRESH_NANOS}, for tags changed through another process.
 */
@Component
class BrandTags {

  /** One brand tag as the API shows it; {@code key} is the normalised form posts are matched by. */
  record BrandTag(long id, String tag, String key, BrandTagKind kind, Instant createdAt) {}

  static final int MAX_LENGTH = 100;
  static final int MAX_TAGS = 2000;
  private static final long REFRESH_NANOS = 10_000_000_000L;
  private static final String COLUMNS =
      "select id, tag, tag_key, kind, created_at from listening_brand_tag";

  private final JdbcClient jdbc;
  private final AuditLog audit;
  private volatile BrandTagIndex index = BrandTagIndex.EMPTY;
  private volatile long loadedAt;
  private final java.util.concurrent.atomic.AtomicBoolean reloading =
      new java.util.concurrent.atomic.AtomicBoolean();

  BrandTags(JdbcClient jdbc, AuditLog audit) {
    this.jdbc = jdbc;
    this.audit = audit;
    reload();
  }

  /** The index to count with: cheap, the hot path asks it for every batch. */
  BrandTagIndex index() {
    if (System.nanoTime() - loadedAt > REFRESH_NANOS && reloading.compareAndSet(false, true)) {
      try {
        reload();
      } catch (RuntimeException e) {
        // keep counting with the tags we have; the next batch tries again
        loadedAt = System.nanoTime();
      } finally {
        reloading.set(false);
      }
    }
    return index;
  }

  List<BrandTag> all() {
    return jdbc.sql(COLUMNS + " order by lower(tag), id").query(BrandTags::row).list();
  }

  BrandTag get(long id) {
    return jdbc.sql(COLUMNS + " where id = :id")
        .param("id", id)
        .query(BrandTags::row)
        .optional()
        .orElseThrow(() -> new NotFoundException("brand tag", id));
  }

  @Transactional
  BrandTag create(String tag, String kind) {
    Checked c = check(tag, kind);
    refuseTaken(c.key(), null);
    if (jdbc.sql("select count(*) from listening_brand_tag").query(Long.class).single()
        >= MAX_TAGS) {
      throw InvalidInputException.of("tag", "at most " + MAX_TAGS + " brand tags can be kept");
    }
    Instant now = Instant.now();
    jdbc.sql(
            "insert into listening_brand_tag (tag, tag_key, kind, created_at)"
                + " values (:tag, :key, :kind, :at)")
        .param("tag", c.tag())
        .param("key", c.key())
        .param("kind", c.kind().name())
        .param("at", Timestamp.from(now))
        .update();
    BrandTag created =
        jdbc.sql(COLUMNS + " where tag_key = :key")
            .param("key", c.key())
            .query(BrandTags::row)
            .single();
    audit.record("listening_brand_tag", created.id(), AuditLog.Action.CREATE, null, created);
    reloadAfterCommit();
    return created;
  }

  @Transactional
  BrandTag update(long id, String tag, String kind) {
    BrandTag old = get(id);
    Checked c = check(tag, kind);
    refuseTaken(c.key(), id);
    jdbc.sql(
            "update listening_brand_tag set tag = :tag, tag_key = :key, kind = :kind where id = :id")
        .param("tag", c.tag())
        .param("key", c.key())
        .param("kind", c.kind().name())
        .param("id", id)
        .update();
    BrandTag updated = get(id);
    audit.record("listening_brand_tag", id, AuditLog.Action.UPDATE, old, updated);
    reloadAfterCommit();
    return updated;
  }

  /** Removes a tag; the counts it gathered stay (they are kept as data, by the tag's key). */
  @Transactional
  void delete(long id) {
    BrandTag old = get(id);
    jdbc.sql("delete from listening_brand_tag where id = :id").param("id", id).update();
    audit.record("listening_brand_tag", id, AuditLog.Action.DELETE, old, null);
    reloadAfterCommit();
  }

  /**
   * The configured spelling of each key, for showing counts (keys of deleted tags map to
   * themselves).
   */
  java.util.Map<String, String> spellings() {
    java.util.Map<String, String> out = new java.util.HashMap<>();
    for (BrandTag t : all()) {
      out.put(t.key(), t.tag());
    }
    return out;
  }

  private void refuseTaken(String key, Long except) {
    List<BrandTag> same =
        jdbc.sql(COLUMNS + " where tag_key = :key").param("key", key).query(BrandTags::row).list();
    for (BrandTag t : same) {
      if (except == null || t.id() != except) {
        throw InvalidInputException.of(
            "tag", "is already a brand tag (" + t.tag() + "; tags are matched ignoring case)");
      }
    }
  }

  private void reloadAfterCommit() {
    if (org.springframework.transaction.support.TransactionSynchronizationManager
        .isSynchronizationActive()) {
      org.springframework.transaction.support.TransactionSynchronizationManager
          .registerSynchronization(
              new org.springframework.transaction.support.TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                  reload();
                }
              });
    } else {
      reload();
    }
  }

  void reload() {
    List<BrandTagIndex.Entry> entries = new ArrayList<>();
    for (BrandTag t : all()) {
      entries.add(new BrandTagIndex.Entry(t.key(), t.tag()));
    }
    index = new BrandTagIndex(entries);
    loadedAt = System.nanoTime();
  }

  /** A tag and kind that passed every check, with the key posts are matched by. */
  record Checked(String tag, String key, BrandTagKind kind) {}

  /**
   * Checks a tag as hostile input: each refusal names its field. The kind decides the prefix: a
   * HANDLE is {@code @name}, the others {@code #name}; a tag given without its prefix gets it.
   */
  static Checked check(String rawTag, String rawKind) {
    List<InvalidInputException.FieldError> errors = new ArrayList<>();
    BrandTagKind kind = null;
    if (rawKind == null || rawKind.isBlank()) {
      errors.add(field("kind", "is required: HASHTAG, HANDLE, PRODUCT or PHOTO_SITE"));
    } else {
      try {
        kind = BrandTagKind.valueOf(rawKind.strip().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        errors.add(field("kind", "must be HASHTAG, HANDLE, PRODUCT or PHOTO_SITE"));
      }
    }
    String tag = rawTag == null ? null : rawTag.strip();
    String problem = tagProblem(tag);
    if (problem != null) {
      errors.add(field("tag", problem));
    }
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
    char first = tag.charAt(0);
    if (first == '@' && kind != BrandTagKind.HANDLE) {
      throw InvalidInputException.of("tag", "starts with @, a handle: choose the kind HANDLE");
    }
    if (first == '#' && kind == BrandTagKind.HANDLE) {
      throw InvalidInputException.of("tag", "starts with #, a hashtag: a HANDLE starts with @");
    }
    if (first != '#' && first != '@') {
      tag = kind.prefix() + tag;
    }
    if (tag.codePointCount(0, tag.length()) > MAX_LENGTH) {
      throw InvalidInputException.of("tag", "is longer than " + MAX_LENGTH + " characters");
    }
    String key = BrandTagIndex.key(tag);
    if (key == null) {
      throw InvalidInputException.of(
          "tag",
          kind == BrandTagKind.HANDLE
              ? "must be one handle as posts write it: @ then letters, digits, _ (and . - @ inside)"
              : "must be one hashtag as posts write it: # then letters, digits and _ only");
    }
    return new Checked(tag, key, kind);
  }

  /** Why a tag's text is refused before its shape is looked at, or null. */
  static String tagProblem(String tag) {
    if (tag == null || tag.isEmpty()) {
      return "is required";
    }
    String control = TextChecks.refusal(tag);
    if (control != null) {
      return control;
    }
    for (int i = 0; i < tag.length(); ) {
      int cp = tag.codePointAt(i);
      int type = Character.getType(cp);
      if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
        return "must be one word without spaces (a space at offset " + i + ")";
      }
      if (type == Character.CONTROL || type == Character.FORMAT) {
        return String.format("contains the control character U+%04X at offset %d", cp, i);
      }
      if (isEmoji(cp, type)) {
        return "must not contain emoji (found one at offset " + i + ")";
      }
      i += Character.charCount(cp);
    }
    if (tag.codePointCount(0, tag.length()) > MAX_LENGTH) {
      return "is longer than " + MAX_LENGTH + " characters";
    }
    return null;
  }

  private static boolean isEmoji(int cp, int type) {
    return type == Character.OTHER_SYMBOL
        || type == Character.SURROGATE
        || (cp >= 0x1F000 && cp <= 0x1FAFF)
        || (cp >= 0x2600 && cp <= 0x27BF)
        || (cp >= 0xFE00 && cp <= 0xFE0F)
        || cp == 0x20E3;
  }

  private static InvalidInputException.FieldError field(String name, String reason) {
    return new InvalidInputException.FieldError(name, reason);
  }

  private static BrandTag row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
    return new BrandTag(
        rs.getLong("id"),
        rs.getString("tag"),
        rs.getString("tag_key"),
        BrandTagKind.valueOf(rs.getString("kind")),
        rs.getTimestamp("created_at").toInstant());
  }
}
