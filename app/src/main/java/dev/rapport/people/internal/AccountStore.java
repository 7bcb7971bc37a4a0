package dev.rapport.people.internal;

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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Accounts in the database, with their domains in a child table (a domain names one account). */
@Repository
class AccountStore {

  private static final Map<String, String> SORTS =
      Map.of(
          "name", "lower(a.name)",
          "created", "a.created_at",
          "updated", "a.updated_at",
          "industry", "a.industry",
          "employees", "a.employees");

  static final Set<String> SORTABLE = SORTS.keySet();

  private final JdbcClient jdbc;

  AccountStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void insert(long id, AccountDraft d, Instant now) {
    jdbc.sql(
            """
            insert into account (id, name, industry, employees, location, owner_user_id,
              created_at, updated_at)
            values (:id, :name, :industry, :employees, :location, :owner, :now, :now)
            """)
        .param("id", id)
        .param("name", d.name())
        .param("industry", d.industry())
        .param("employees", d.employees(), Types.INTEGER)
        .param("location", d.location())
        .param("owner", d.ownerUserId(), Types.BIGINT)
        .param("now", Timestamp.from(now))
        .update();
    insertDomains(id, d.domains());
  }

  private void insertDomains(long id, List<String> domains) {
    for (String domain : domains) {
      jdbc.sql("insert into account_domain (domain, account_id) values (:d, :id)")
          .param("d", domain)
          .param("id", id)
          .update();
    }
  }

  void update(long id, AccountDraft d, Instant now) {
    jdbc.sql(
            """
            update account set name = :name, industry = :industry, employees = :employees,
              location = :location, owner_user_id = :owner, updated_at = :now where id = :id
            """)
        .param("id", id)
        .param("name", d.name())
        .param("industry", d.industry())
        .param("employees", d.employees(), Types.INTEGER)
        .param("location", d.location())
        .param("owner", d.ownerUserId(), Types.BIGINT)
        .param("now", Timestamp.from(now))
        .update();
    jdbc.sql("delete from account_domain where account_id = :id").param("id", id).update();
    insertDomains(id, d.domains());
  }

  void delete(long id) {
    jdbc.sql("delete from account where id = :id").param("id", id).update();
  }

  Optional<Account> find(long id) {
    return loadAll(List.of(id)).stream().findFirst();
  }

  List<Account> loadAll(Collection<Long> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    Map<Long, List<String>> domains = new HashMap<>();
    jdbc.sql("select account_id, domain from account_domain where account_id in (:ids)")
        .param("ids", ids)
        .query(
            (org.springframework.jdbc.core.RowCallbackHandler)
                rs ->
                    domains
                        .computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                        .add(rs.getString(2)));
    domains.values().forEach(l -> l.sort(null));
    Map<Long, Account> byId = new LinkedHashMap<>();
    jdbc.sql("select * from account where id in (:ids)")
        .param("ids", ids)
        .query(
            (rs, n) -> {
              long id = rs.getLong("id");
              int employees = rs.getInt("employees");
              Integer emp = rs.wasNull() ? null : employees;
              return new Account(
                  id,
                  rs.getString("name"),
                  domains.getOrDefault(id, List.of()),
                  rs.getString("industry"),
                  emp,
                  rs.getString("location"),
                  PersonStore.longOrNull(rs, "owner_user_id"),
                  rs.getTimestamp("created_at").toInstant(),
                  rs.getTimestamp("updated_at").toInstant());
            })
        .list()
        .forEach(a -> byId.put(a.id(), a));
    List<Account> ordered = new ArrayList<>();
    ids.forEach(
        id -> {
          if (byId.containsKey(id)) {
            ordered.add(byId.get(id));
          }
        });
    return ordered;
  }

  Page<Account> page(ListQuery q, Optional<Set<Long>> owners) {
    StringBuilder where = new StringBuilder(" where 1 = 1");
    Map<String, Object> params = new HashMap<>();
    if (q.q() != null) {
      where.append(
          " and (lower(a.name) like :q escape '\\' or lower(a.industry) like :q escape '\\'"
              + " or exists (select 1 from account_domain d where d.account_id = a.id"
              + " and d.domain like :q escape '\\'))");
      params.put("q", q.likePattern());
    }
    if (q.owner() != null) {
      where.append(" and a.owner_user_id = :owner");
      params.put("owner", q.owner());
    }
    if (q.tag() != null) {
      where.append(" and lower(a.industry) = :tag");
      params.put("tag", q.tag());
    }
    PersonStore.visibility(where, params, owners, "a");
    long total =
        jdbc.sql("select count(*) from account a" + where)
            .params(params)
            .query(Long.class)
            .single();
    String order =
        " order by " + SORTS.get(q.sort()) + (q.descending() ? " desc" : " asc") + ", a.id";
    List<Long> ids =
        jdbc.sql(
                "select a.id from account a"
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

  Optional<Long> accountWithDomain(String domain) {
    return jdbc.sql("select account_id from account_domain where domain = :d")
        .param("d", Fields.domainKey(domain))
        .query(Long.class)
        .optional();
  }

  Map<String, Long> owningAccounts(Collection<String> domains) {
    Map<String, Long> out = new HashMap<>();
    if (!domains.isEmpty()) {
      jdbc.sql("select domain, account_id from account_domain where domain in (:d)")
          .param("d", domains)
          .query(
              (org.springframework.jdbc.core.RowCallbackHandler)
                  rs -> out.put(rs.getString(1), rs.getLong(2)));
    }
    return out;
  }

  long count() {
    return jdbc.sql("select count(*) from account").query(Long.class).single();
  }
}
