package dev.rapport.people.internal;

import dev.rapport.people.Network;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Social identities in the database, unique per network and handle. */
@Repository
class IdentityStore {

  private final JdbcClient jdbc;
  private final org.springframework.jdbc.core.JdbcTemplate template;

  IdentityStore(JdbcClient jdbc, org.springframework.jdbc.core.JdbcTemplate template) {
    this.jdbc = jdbc;
    this.template = template;
  }

  void insert(long id, Long personId, IdentityDraft d, Instant now) {
    jdbc.sql(
            """
            insert into social_identity (id, person_id, network, handle, handle_key, profile_url,
              url_key, display_name, bio, followers, created_at)
            values (:id, :person, :network, :handle, :hkey, :url, :ukey, :name, :bio, :followers,
              :now)
            """)
        .param("id", id)
        .param("person", personId, Types.BIGINT)
        .param("network", d.network().key())
        .param("handle", d.handle())
        .param("hkey", d.handleKey())
        .param("url", d.profileUrl())
        .param("ukey", d.urlKey())
        .param("name", d.displayName())
        .param("bio", d.bio())
        .param("followers", d.followers(), Types.INTEGER)
        .param("now", Timestamp.from(now))
        .update();
  }

  /** Inserts new identities in one batch (ids, persons and drafts in the same order). */
  void insertAll(List<Long> ids, List<Long> personIds, List<IdentityDraft> drafts, Instant now) {
    Timestamp at = Timestamp.from(now);
    List<Object[]> rows = new java.util.ArrayList<>();
    for (int i = 0; i < drafts.size(); i++) {
      IdentityDraft d = drafts.get(i);
      rows.add(
          new Object[] {
            ids.get(i),
            personIds.get(i),
            d.network().key(),
            d.handle(),
            d.handleKey(),
            d.profileUrl(),
            d.urlKey(),
            d.displayName(),
            d.bio(),
            d.followers(),
            at
          });
    }
    template.batchUpdate(
        """
        insert into social_identity (id, person_id, network, handle, handle_key, profile_url,
          url_key, display_name, bio, followers, created_at)
        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """,
        rows,
        500,
        (ps, r) -> {
          ps.setLong(1, (Long) r[0]);
          ps.setObject(2, r[1], Types.BIGINT);
          for (int c = 2; c <= 8; c++) {
            ps.setString(c + 1, (String) r[c]);
          }
          ps.setObject(10, r[9], Types.INTEGER);
          ps.setTimestamp(11, (Timestamp) r[10]);
        });
  }

  /** The persons of these handle keys on the network (handle key to person), where linked. */
  java.util.Map<String, Long> personsOfHandles(
      Network network, java.util.Collection<String> handleKeys) {
    java.util.Map<String, Long> out = new java.util.HashMap<>();
    List<String> all = List.copyOf(handleKeys);
    for (int from = 0; from < all.size(); from += 1000) {
      jdbc.sql(
              "select handle_key, person_id from social_identity where network = :n and"
                  + " handle_key in (:h) and person_id is not null")
          .param("n", network.key())
          .param("h", all.subList(from, Math.min(all.size(), from + 1000)))
          .query((rs, i) -> out.put(rs.getString(1), rs.getLong(2)))
          .list();
    }
    return out;
  }

  /** Which of these handle keys on the network already have an identity. */
  java.util.Set<String> knownHandles(Network network, java.util.Collection<String> handleKeys) {
    java.util.Set<String> out = new java.util.HashSet<>();
    List<String> all = List.copyOf(handleKeys);
    for (int from = 0; from < all.size(); from += 1000) {
      out.addAll(
          jdbc.sql(
                  "select handle_key from social_identity where network = :n and handle_key in"
                      + " (:h)")
              .param("n", network.key())
              .param("h", all.subList(from, Math.min(all.size(), from + 1000)))
              .query(String.class)
              .list());
    }
    return out;
  }

  /** Which of these profile URL keys already have an identity. */
  java.util.Set<String> knownUrls(java.util.Collection<String> urlKeys) {
    java.util.Set<String> out = new java.util.HashSet<>();
    List<String> all = List.copyOf(urlKeys);
    for (int from = 0; from < all.size(); from += 1000) {
      out.addAll(
          jdbc.sql("select url_key from social_identity where url_key in (:u)")
              .param("u", all.subList(from, Math.min(all.size(), from + 1000)))
              .query(String.class)
              .list());
    }
    return out;
  }

  void attach(long identityId, long personId) {
    jdbc.sql("update social_identity set person_id = :p where id = :id")
        .param("p", personId)
        .param("id", identityId)
        .update();
  }

  void refresh(long identityId, IdentityDraft d) {
    jdbc.sql(
            """
            update social_identity set display_name = coalesce(:name, display_name),
              bio = coalesce(:bio, bio), followers = coalesce(:followers, followers),
              profile_url = coalesce(profile_url, :url), url_key = coalesce(url_key, :ukey)
            where id = :id
            """)
        .param("name", d.displayName())
        .param("bio", d.bio())
        .param("followers", d.followers(), Types.INTEGER)
        .param("url", d.profileUrl())
        .param("ukey", d.urlKey())
        .param("id", identityId)
        .update();
  }

  Optional<Identity> byUrl(String urlKey) {
    if (urlKey == null) {
      return Optional.empty();
    }
    return jdbc
        .sql("select * from social_identity where url_key = :u order by id")
        .param("u", urlKey)
        .query(IdentityStore::row)
        .list()
        .stream()
        .findFirst();
  }

  Optional<Identity> byHandle(Network network, String handleKey) {
    return jdbc.sql("select * from social_identity where network = :n and handle_key = :h")
        .param("n", network.key())
        .param("h", handleKey)
        .query(IdentityStore::row)
        .optional();
  }

  Optional<Identity> find(long id) {
    return jdbc.sql("select * from social_identity where id = :id")
        .param("id", id)
        .query(IdentityStore::row)
        .optional();
  }

  List<Identity> ofPerson(long personId) {
    return jdbc.sql("select * from social_identity where person_id = :p order by network, id")
        .param("p", personId)
        .query(IdentityStore::row)
        .list();
  }

  void delete(long id) {
    jdbc.sql("delete from social_identity where id = :id").param("id", id).update();
  }

  private static Identity row(ResultSet rs, int n) throws SQLException {
    int followers = rs.getInt("followers");
    Integer f = rs.wasNull() ? null : followers;
    return new Identity(
        rs.getLong("id"),
        PersonStore.longOrNull(rs, "person_id"),
        Network.parse(rs.getString("network")),
        rs.getString("handle"),
        rs.getString("profile_url"),
        rs.getString("display_name"),
        rs.getString("bio"),
        f,
        rs.getTimestamp("created_at").toInstant());
  }
}
