package dev.rapport.people.internal;

import dev.rapport.access.Actors;
import dev.rapport.access.AuditLog;
import dev.rapport.people.ErasureBlocklist;
import dev.rapport.people.Network;
import dev.rapport.people.SocialIdentities;
import dev.rapport.shared.NotFoundException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The erasure blocklist: salted SHA-256 hashes of erased identities (network and normalised handle,
 * or normalised profile URL), who added each, when and why. Listening's check reads an in-memory
 * snapshot of the hashes, reloaded after {@link #SNAPSHOT_NANOS} and at once after a local change
 * commits, so ingest pays no query per batch.
 */
@Component
class ErasureBlocklistFacade implements ErasureBlocklist {

  /** One row as the admin list shows it: the hash, never the identity. */
  record Entry(
      long id,
      String kind,
      String network,
      String hash,
      String reason,
      Instant blockedAt,
      String blockedBy) {}

  private static final String SALT_KEY = "privacy.blocklist.salt";
  private static final long SNAPSHOT_NANOS = 5_000_000_000L;

  private record Snapshot(String salt, Set<String> hashes, long loadedAt) {}

  private final JdbcClient jdbc;
  private final Actors actors;
  private final AuditLog audit;
  private volatile Snapshot snapshot;

  ErasureBlocklistFacade(JdbcClient jdbc, Actors actors, AuditLog audit) {
    this.jdbc = jdbc;
    this.actors = actors;
    this.audit = audit;
  }

  @Override
  public List<Boolean> blocked(List<SocialIdentities.Author> authors) {
    Snapshot s = current();
    List<Boolean> out = new ArrayList<>(authors.size());
    for (SocialIdentities.Author a : authors) {
      out.add(!s.hashes().isEmpty() && keys(s.salt(), a).stream().anyMatch(s.hashes()::contains));
    }
    return out;
  }

  /**
   * Adds the identity's hashes (handle, and profile URL when known) in the caller's transaction; an
   * identity already blocked keeps its first entry.
   */
  void add(Network network, String handle, String profileUrl, String reason) {
    String salt = salt();
    IdentityDraft d = new IdentityDraft(network, handle, profileUrl, null, null, null);
    insert("handle", network.key(), handleHash(salt, network, d.handleKey()), reason);
    if (d.urlKey() != null) {
      insert("url", null, urlHash(salt, d.urlKey()), reason);
    }
    forgetAfterCommit();
  }

  List<Entry> list() {
    return jdbc.sql("select * from privacy_blocklist order by blocked_at desc, id desc")
        .query(ErasureBlocklistFacade::entry)
        .list();
  }

  private static Entry entry(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
    return new Entry(
        rs.getLong("id"),
        rs.getString("kind"),
        rs.getString("network"),
        rs.getString("hash"),
        rs.getString("reason"),
        rs.getTimestamp("blocked_at").toInstant(),
        rs.getString("blocked_by"));
  }

  Optional<Entry> find(long id) {
    return jdbc.sql("select * from privacy_blocklist where id = :id")
        .param("id", id)
        .query(ErasureBlocklistFacade::entry)
        .optional();
  }

  /** Removes one entry, audited; not found when there is none. */
  @Transactional
  public void unblock(long id) {
    Entry entry = find(id).orElseThrow(() -> new NotFoundException("blocklist entry", id));
    jdbc.sql("delete from privacy_blocklist where id = :id").param("id", id).update();
    audit.record("privacy_blocklist", id, AuditLog.Action.DELETE, entry, null);
    forgetAfterCommit();
  }

  private void insert(String kind, String network, String hash, String reason) {
    boolean known =
        jdbc.sql("select count(*) from privacy_blocklist where hash = :h")
                .param("h", hash)
                .query(Long.class)
                .single()
            > 0;
    if (known) {
      return;
    }
    jdbc.sql(
            """
            insert into privacy_blocklist (kind, network, hash, reason, blocked_at, blocked_by)
            values (:kind, :network, :hash, :reason, :at, :by)
            """)
        .param("kind", kind)
        .param("network", network, java.sql.Types.VARCHAR)
        .param("hash", hash)
        .param("reason", reason)
        .param("at", Timestamp.from(Instant.now()))
        .param("by", actors.current().name())
        .update();
  }

  private static List<String> keys(String salt, SocialIdentities.Author a) {
    if (salt == null || a.handle() == null || a.handle().isBlank()) {
      return List.of();
    }
    Network network = a.network() == null ? Network.OTHER : a.network();
    IdentityDraft d = new IdentityDraft(network, a.handle(), a.profileUrl(), null, null, null);
    String url = d.urlKey();
    String handle = handleHash(salt, network, d.handleKey());
    return url == null ? List.of(handle) : List.of(handle, urlHash(salt, url));
  }

  static String handleHash(String salt, Network network, String handleKey) {
    return sha256(salt + "\u0000handle\u0000" + network.key() + "\u0000" + handleKey);
  }

  static String urlHash(String salt, String urlKey) {
    return sha256(salt + "\u0000url\u0000" + urlKey);
  }

  private static String sha256(String text) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(md.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no SHA-256", e);
    }
  }

  private Snapshot current() {
    Snapshot s = snapshot;
    if (s == null || System.nanoTime() - s.loadedAt() > SNAPSHOT_NANOS) {
      List<String> hashes =
          jdbc.sql("select hash from privacy_blocklist").query(String.class).list();
      s =
          new Snapshot(
              hashes.isEmpty() ? null : storedSalt().orElse(null),
              Set.copyOf(hashes),
              System.nanoTime());
      snapshot = s;
    }
    return s;
  }

  private void forgetAfterCommit() {
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(
          new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
              snapshot = null;
            }
          });
    }
    snapshot = null;
  }

  private Optional<String> storedSalt() {
    return jdbc.sql("select val from rapport_info where name = :n")
        .param("n", SALT_KEY)
        .query(String.class)
        .optional();
  }

  /** The installation's salt, made on first use. */
  private String salt() {
    Optional<String> salt = storedSalt();
    if (salt.isPresent()) {
      return salt.get();
    }
    byte[] bytes = new byte[32];
    new SecureRandom().nextBytes(bytes);
    String made = HexFormat.of().formatHex(bytes);
    try {
      jdbc.sql("insert into rapport_info (name, val) values (:n, :v)")
          .param("n", SALT_KEY)
          .param("v", made)
          .update();
      return made;
    } catch (DuplicateKeyException raced) {
      return storedSalt().orElseThrow();
    }
  }
}
