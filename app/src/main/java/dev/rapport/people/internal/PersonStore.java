package dev.rapport.people.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Persons in the database: one row each, with their emails, phones and tags in child tables. */
@Repository
class PersonStore {

  /** A person about to be inserted with the id it was given. */
  record NewPerson(long id, PersonDraft draft) {}

  private static final Map<String, String> SORTS =
      Map.of(
          "name", "p.name_key",
          "created", "p.created_at",
          "updated", "p.updated_at",
          "title", "p.title",
          "email", "p.primary_email");

  static final Set<String> SORTABLE = SORTS.keySet();

  private final JdbcClient jdbc;
  private final JdbcTemplate template;

  PersonStore(JdbcClient jdbc, JdbcTemplate template) {
    this.jdbc = jdbc;
    this.template = template;
  }

  void insertAll(List<NewPerson> persons, Instant now) {
    if (persons.isEmpty()) {
      return;
    }
    Timestamp at = Timestamp.from(now);
    template.batchUpdate(
        """
        insert into person (id, first_name, last_name, full_name, name_key, primary_email, title,
          account_id, owner_user_id, may_contact, consent_basis, created_at, updated_at)
        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """,
        persons,
        500,
        (ps, p) -> {
          PersonDraft d = p.draft();
          ps.setLong(1, p.id());
          ps.setString(2, d.firstName());
          ps.setString(3, d.lastName());
          ps.setString(4, d.fullName());
          ps.setString(5, Fields.nameKey(d.fullName()));
          ps.setString(6, d.primaryEmail());
          ps.setString(7, d.title());
          setLong(ps, 8, d.accountId());
          setLong(ps, 9, d.ownerUserId());
          ps.setBoolean(10, d.mayContact());
          ps.setString(11, d.consentBasis());
          ps.setTimestamp(12, at);
          ps.setTimestamp(13, at);
        });
    insertChildren(persons);
  }

  private void insertChildren(List<NewPerson> persons) {
    List<Object[]> emails = new ArrayList<>();
    List<Object[]> phones = new ArrayList<>();
    List<Object[]> tags = new ArrayList<>();
    for (NewPerson p : persons) {
      p.draft().emails().forEach(e -> emails.add(new Object[] {e, p.id(), emailDomain(e)}));
      p.draft().phones().forEach(ph -> phones.add(new Object[] {p.id(), ph}));
      p.draft().tags().forEach(t -> tags.add(new Object[] {p.id(), t}));
    }
    if (!emails.isEmpty()) {
      template.batchUpdate(
          "insert into person_email (email, person_id, domain) values (?, ?, ?)", emails);
    }
    if (!phones.isEmpty()) {
      template.batchUpdate("insert into person_phone (person_id, phone) values (?, ?)", phones);
    }
    if (!tags.isEmpty()) {
      template.batchUpdate("insert into person_tag (person_id, tag) values (?, ?)", tags);
    }
  }

  /** The part of an email after its '@' (the whole text when there is none), as V21 stores it. */
  static String emailDomain(String email) {
    return email.substring(email.indexOf('@') + 1);
  }

  void update(long id, PersonDraft d, Instant now) {
    jdbc.sql(
            """
            update person set first_name = :first, last_name = :last, full_name = :full,
              name_key = :key, primary_email = :email, title = :title, account_id = :account,
              owner_user_id = :owner, may_contact = :may, consent_basis = :basis, updated_at = :now
            where id = :id
            """)
        .param("first", d.firstName())
        .param("last", d.lastName())
        .param("full", d.fullName())
        .param("key", Fields.nameKey(d.fullName()))
        .param("email", d.primaryEmail())
        .param("title", d.title())
        .param("account", d.accountId(), Types.BIGINT)
        .param("owner", d.ownerUserId(), Types.BIGINT)
        .param("may", d.mayContact())
        .param("basis", d.consentBasis())
        .param("now", Timestamp.from(now))
        .param("id", id)
        .update();
    for (String table : List.of("person_email", "person_phone", "person_tag")) {
      jdbc.sql("delete from " + table + " where person_id = :id").param("id", id).update();
    }
    insertChildren(List.of(new NewPerson(id, d)));
  }

  void delete(long id) {
    jdbc.sql("update social_identity set person_id = null where person_id = :id")
        .param("id", id)
        .update();
    jdbc.sql("delete from person where id = :id").param("id", id).update();
  }

  Optional<Person> find(long id) {
    return loadAll(List.of(id)).stream().findFirst();
  }

  List<Person> loadAll(Collection<Long> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    Map<Long, List<String>> emails = children("select person_id, email from person_email", ids);
    Map<Long, List<String>> phones = children("select person_id, phone from person_phone", ids);
    Map<Long, List<String>> tags = children("select person_id, tag from person_tag", ids);
    Map<Long, Person> byId = new LinkedHashMap<>();
    jdbc.sql(
            """
            select p.*, a.name as account_name from person p
            left join account a on a.id = p.account_id where p.id in (:ids)
            """)
        .param("ids", ids)
        .query(
            (rs, n) -> {
              long id = rs.getLong("id");
              return new Person(
                  id,
                  rs.getString("first_name"),
                  rs.getString("last_name"),
                  rs.getString("full_name"),
                  primaryFirst(emails.getOrDefault(id, List.of()), rs.getString("primary_email")),
                  phones.getOrDefault(id, List.of()),
                  rs.getString("title"),
                  longOrNull(rs, "account_id"),
                  rs.getString("account_name"),
                  longOrNull(rs, "owner_user_id"),
                  tags.getOrDefault(id, List.of()),
                  rs.getBoolean("may_contact"),
                  rs.getString("consent_basis"),
                  longOrNull(rs, "merged_into"),
                  rs.getTimestamp("created_at").toInstant(),
                  rs.getTimestamp("updated_at").toInstant());
            })
        .list()
        .forEach(p -> byId.put(p.id(), p));
    List<Person> ordered = new ArrayList<>();
    for (Long id : ids) {
      if (byId.containsKey(id)) {
        ordered.add(byId.get(id));
      }
    }
    return ordered;
  }

  private static List<String> primaryFirst(List<String> emails, String primary) {
    if (primary == null || !emails.contains(primary)) {
      return emails;
    }
    List<String> out = new ArrayList<>();
    out.add(primary);
    emails.stream().filter(e -> !e.equals(primary)).forEach(out::add);
    return out;
  }

  private Map<Long, List<String>> children(String select, Collection<Long> ids) {
    Map<Long, List<String>> out = new HashMap<>();
    jdbc.sql(select + " where person_id in (:ids) order by 2")
        .param("ids", ids)
        .query(
            rs -> {
              out.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(2));
            });
    return out;
  }

  /** The persons (not merged away) matching the query, among the visible owners if limited. */
  Page<Person> page(ListQuery q, Optional<Set<Long>> owners) {
    StringBuilder where = new StringBuilder(" where p.merged_into is null");
    Map<String, Object> params = new HashMap<>();
    if (q.q() != null) {
      where.append(
          " and (p.name_key like :q escape '\\' or lower(p.primary_email) like :q escape '\\'"
              + " or lower(p.title) like :q escape '\\')");
      params.put("q", q.likePattern());
    }
    if (q.tag() != null) {
      where.append(
          " and exists (select 1 from person_tag t where t.person_id = p.id and t.tag = :tag)");
      params.put("tag", q.tag());
    }
    if (q.owner() != null) {
      where.append(" and p.owner_user_id = :owner");
      params.put("owner", q.owner());
    }
    if (q.account() != null) {
      where.append(" and p.account_id = :account");
      params.put("account", q.account());
    }
    visibility(where, params, owners, "p");
    long total =
        jdbc.sql("select count(*) from person p" + where).params(params).query(Long.class).single();
    String order =
        " order by " + SORTS.get(q.sort()) + (q.descending() ? " desc" : " asc") + ", p.id";
    List<Long> ids =
        jdbc.sql(
                "select p.id from person p"
                    + where
                    + order
                    + " limit "
                    + q.size()
                    + " offset "
                    + ((long) q.page() * q.size()))
            .params(params)
            .query(Long.class)
            .list();
    return new Page<>(loadAll(ids), q.page(), q.size(), total);
  }

  static void visibility(
      StringBuilder where, Map<String, Object> params, Optional<Set<Long>> owners, String alias) {
    if (owners.isPresent()) {
      if (owners.get().isEmpty()) {
        where.append(" and ").append(alias).append(".owner_user_id is null");
      } else {
        where
            .append(" and (")
            .append(alias)
            .append(".owner_user_id is null or ")
            .append(alias)
            .append(".owner_user_id in (:visibleOwners))");
        params.put("visibleOwners", owners.get());
      }
    }
  }

  Optional<Long> personWithEmail(String email) {
    return jdbc.sql("select person_id from person_email where email = :e")
        .param("e", Fields.emailKey(email))
        .query(Long.class)
        .optional();
  }

  /** Which of these emails already belong to someone, and to whom. */
  Map<String, Long> owningPersons(Collection<String> emails) {
    Map<String, Long> out = new HashMap<>();
    if (emails.isEmpty()) {
      return out;
    }
    jdbc.sql("select email, person_id from person_email where email in (:e)")
        .param("e", emails)
        .query(
            (org.springframework.jdbc.core.RowCallbackHandler)
                rs -> out.put(rs.getString(1), rs.getLong(2)));
    return out;
  }

  Set<Long> existing(Collection<Long> ids) {
    if (ids.isEmpty()) {
      return Set.of();
    }
    return Set.copyOf(
        jdbc.sql("select id from person where id in (:ids)")
            .param("ids", ids)
            .query(Long.class)
            .list());
  }

  long count() {
    return jdbc.sql("select count(*) from person").query(Long.class).single();
  }

  static Long longOrNull(ResultSet rs, String column) throws SQLException {
    long v = rs.getLong(column);
    return rs.wasNull() ? null : v;
  }

  private static void setLong(java.sql.PreparedStatement ps, int i, Long v) throws SQLException {
    if (v == null) {
      ps.setNull(i, Types.BIGINT);
    } else {
      ps.setLong(i, v);
    }
  }
}
