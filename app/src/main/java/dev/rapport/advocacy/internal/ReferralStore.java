package dev.rapport.advocacy.internal;

import static dev.rapport.advocacy.internal.AdvocacyStore.instant;
import static dev.rapport.advocacy.internal.AdvocacyStore.utc;

import dev.rapport.people.PersonId;
import dev.rapport.people.VisiblePersons;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Referral codes, their clicks, the persons who came through them and the credits they earned. */
@Repository
class ReferralStore {

  /** A code as stored, with its counts. */
  record Code(
      long id,
      String code,
      long person,
      Long campaignId,
      Instant createdAt,
      Instant revokedAt,
      long clicks,
      long referred) {
    boolean revoked() {
      return revokedAt != null;
    }
  }

  /** What the redirect needs: the code's id, whether revoked, and its campaign's landing page. */
  record Target(long id, boolean revoked, String campaignLanding) {}

  /** A referred person. */
  record Referral(long id, long codeId, long advocate, long referred, Instant createdAt) {}

  /** One leaderboard line: who brought how many persons and how much. */
  record Line(
      long advocate,
      long referred,
      long clicks,
      BigDecimal revenue,
      BigDecimal margin,
      long deals,
      String currency) {}

  private final JdbcClient jdbc;
  private final VisiblePersons visible;

  ReferralStore(JdbcClient jdbc, VisiblePersons visible) {
    this.jdbc = jdbc;
    this.visible = visible;
  }

  long insertCode(String code, PersonId person, Long campaignId, Instant at) {
    jdbc.sql(
            "insert into advocacy_referral_code (code, person_id, campaign_id, created_at)"
                + " values (:c, :p, :cp, :at)")
        .param("c", code)
        .param("p", person.value())
        .param("cp", campaignId)
        .param("at", utc(at))
        .update();
    return jdbc.sql("select id from advocacy_referral_code where code = :c")
        .param("c", code)
        .query(Long.class)
        .single();
  }

  boolean revoke(String code, Instant at) {
    return jdbc.sql(
                "update advocacy_referral_code set revoked_at = :at where code = :c"
                    + " and revoked_at is null")
            .param("at", utc(at))
            .param("c", code)
            .update()
        > 0;
  }

  /** The redirect's one read: the code, whether revoked, and its campaign's landing URL. */
  Optional<Target> target(String code) {
    return jdbc.sql(
            "select r.id, r.revoked_at, c.landing_url from advocacy_referral_code r"
                + " left join advocacy_campaign c on c.id = r.campaign_id where r.code = :c")
        .param("c", code)
        .query((rs, n) -> new Target(rs.getLong(1), rs.getObject(2) != null, rs.getString(3)))
        .optional();
  }

  void click(long codeId, Instant at) {
    jdbc.sql("insert into advocacy_referral_click (code_id, clicked_at) values (:c, :at)")
        .param("c", codeId)
        .param("at", utc(at))
        .update();
  }

  private static final String CODE_COLUMNS =
      "select r.id, r.code, r.person_id, r.campaign_id, r.created_at, r.revoked_at,"
          + " (select count(*) from advocacy_referral_click k where k.code_id = r.id),"
          + " (select count(*) from advocacy_referral f where f.code_id = r.id)"
          + " from advocacy_referral_code r";

  Optional<Code> code(String code) {
    return jdbc.sql(CODE_COLUMNS + " where r.code = :c")
        .param("c", code)
        .query(ReferralStore::code)
        .optional();
  }

  /** Codes of advocates the current user may see, newest first; person null for all. */
  List<Code> codes(PersonId person, int limit) {
    VisiblePersons.Condition c = visible.authoredBy("r.person_id", false);
    var q =
        jdbc.sql(
                CODE_COLUMNS
                    + " where "
                    + c.sql()
                    + (person == null ? "" : " and r.person_id = :p")
                    + " order by r.id desc limit :l")
            .params(c.params())
            .param("l", limit);
    if (person != null) {
      q = q.param("p", person.value());
    }
    return q.query(ReferralStore::code).list();
  }

  private static Code code(ResultSet rs, int n) throws SQLException {
    return new Code(
        rs.getLong(1),
        rs.getString(2),
        rs.getLong(3),
        (Long) rs.getObject(4, Long.class),
        instant(rs, 5),
        instant(rs, 6),
        rs.getLong(7),
        rs.getLong(8));
  }

  /** Records the referral once per referred person; the stored one (new or earlier). */
  Referral refer(long codeId, PersonId advocate, PersonId referred, String signupRef, Instant at) {
    jdbc.sql(
            "insert into advocacy_referral (code_id, advocate_person_id, referred_person_id,"
                + " signup_ref, created_at) values (:c, :a, :r, :s, :at) on conflict do nothing")
        .param("c", codeId)
        .param("a", advocate.value())
        .param("r", referred.value())
        .param("s", signupRef)
        .param("at", utc(at))
        .update();
    return referralOf(referred).orElseThrow();
  }

  Optional<Referral> referralOf(PersonId referred) {
    return jdbc.sql(
            "select id, code_id, advocate_person_id, referred_person_id, created_at"
                + " from advocacy_referral where referred_person_id = :r")
        .param("r", referred.value())
        .query(
            (rs, n) ->
                new Referral(
                    rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), instant(rs, 5)))
        .optional();
  }

  /** Credits the won deal once; false when this opportunity was credited before. */
  boolean credit(
      long opportunityId,
      Referral referral,
      BigDecimal amount,
      BigDecimal margin,
      String currency,
      Instant wonAt,
      Instant at) {
    return jdbc.sql(
                "insert into advocacy_referral_credit (opportunity_id, referral_id,"
                    + " advocate_person_id, referred_person_id, amount, margin, currency, won_at,"
                    + " credited_at) values (:o, :r, :a, :p, :am, :m, :c, :w, :at)"
                    + " on conflict do nothing")
            .param("o", opportunityId)
            .param("r", referral.id())
            .param("a", referral.advocate())
            .param("p", referral.referred())
            .param("am", amount)
            .param("m", margin)
            .param("c", currency)
            .param("w", utc(wonAt))
            .param("at", utc(at))
            .update()
        > 0;
  }

  /** Credits as rows: opportunity, referred person, amount, margin, currency, won at. */
  List<Object[]> credits(PersonId advocate) {
    return jdbc.sql(
            "select opportunity_id, referred_person_id, amount, margin, currency, won_at"
                + " from advocacy_referral_credit where advocate_person_id = :a"
                + " order by won_at desc")
        .param("a", advocate.value())
        .query(
            (rs, n) ->
                new Object[] {
                  rs.getLong(1),
                  rs.getLong(2),
                  rs.getBigDecimal(3),
                  rs.getBigDecimal(4),
                  rs.getString(5),
                  instant(rs, 6)
                })
        .list();
  }

  /** Persons the advocate brought, newest first. */
  List<Referral> referredBy(PersonId advocate) {
    return jdbc.sql(
            "select id, code_id, advocate_person_id, referred_person_id, created_at"
                + " from advocacy_referral where advocate_person_id = :a order by id desc")
        .param("a", advocate.value())
        .query(
            (rs, n) ->
                new Referral(
                    rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), instant(rs, 5)))
        .list();
  }

  /**
   * Who brought what, for the advocates the current user may see: persons referred, clicks, won
   * revenue and margin; most revenue first, then most persons.
   */
  List<Line> leaderboard(int limit) {
    VisiblePersons.Condition c = visible.authoredBy("a.person_id", false);
    return jdbc.sql(
            "select a.person_id,"
                + " (select count(*) from advocacy_referral f where f.advocate_person_id ="
                + " a.person_id),"
                + " (select count(*) from advocacy_referral_click k join advocacy_referral_code r"
                + " on r.id = k.code_id where r.person_id = a.person_id),"
                + " (select coalesce(sum(amount), 0) from advocacy_referral_credit x"
                + " where x.advocate_person_id = a.person_id),"
                + " (select coalesce(sum(margin), 0) from advocacy_referral_credit x"
                + " where x.advocate_person_id = a.person_id),"
                + " (select count(*) from advocacy_referral_credit x"
                + " where x.advocate_person_id = a.person_id),"
                + " (select case when count(distinct currency) > 1 then 'mixed' else"
                + " min(currency) end from advocacy_referral_credit x"
                + " where x.advocate_person_id = a.person_id)"
                + " from (select person_id from advocacy_advocate union select advocate_person_id"
                + " from advocacy_referral union select person_id from advocacy_referral_code) a"
                + " where "
                + c.sql()
                + " order by 4 desc, 2 desc, 3 desc, a.person_id limit :l")
        .params(c.params())
        .param("l", limit)
        .query(
            (rs, n) ->
                new Line(
                    rs.getLong(1),
                    rs.getLong(2),
                    rs.getLong(3),
                    rs.getBigDecimal(4),
                    rs.getBigDecimal(5),
                    rs.getLong(6),
                    rs.getString(7)))
        .list();
  }

  void forget(List<Long> persons) {
    if (persons.isEmpty()) {
      return;
    }
    jdbc.sql(
            "delete from advocacy_referral_click where code_id in (select id from"
                + " advocacy_referral_code where person_id in (:ids))")
        .param("ids", persons)
        .update();
    jdbc.sql(
            "delete from advocacy_referral_credit where advocate_person_id in (:ids)"
                + " or referred_person_id in (:ids)")
        .param("ids", persons)
        .update();
    jdbc.sql(
            "delete from advocacy_referral where advocate_person_id in (:ids)"
                + " or referred_person_id in (:ids)")
        .param("ids", persons)
        .update();
    jdbc.sql(
            "delete from advocacy_referral where code_id in (select id from"
                + " advocacy_referral_code where person_id in (:ids))")
        .param("ids", persons)
        .update();
    jdbc.sql("delete from advocacy_referral_code where person_id in (:ids)")
        .param("ids", persons)
        .update();
  }
}
