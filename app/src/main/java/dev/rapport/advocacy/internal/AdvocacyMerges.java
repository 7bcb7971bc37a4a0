package dev.rapport.advocacy.internal;

import dev.rapport.people.PersonsMerged;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Moves a merged person's advocacy rows to the survivor, keeping them all (a record counted for
 * both is kept once; the survivor's list entry and referral win, an advocate status beats a
 * candidate one), then rescores the survivor. A durable listener: a redelivery finds nothing left
 * to move.
 */
@Component
class AdvocacyMerges {

  private final JdbcClient jdbc;
  private final AdvocacyScoring scoring;

  AdvocacyMerges(JdbcClient jdbc, AdvocacyScoring scoring) {
    this.jdbc = jdbc;
    this.scoring = scoring;
  }

  @ApplicationModuleListener
  void on(PersonsMerged merged) {
    long from = merged.merged().value();
    long to = merged.survivor().value();
    run(
        "delete from advocacy_signal s where s.person_id = :from and exists (select 1 from"
            + " advocacy_signal t where t.person_id = :to and t.kind = s.kind and t.record_type ="
            + " s.record_type and t.record_id = s.record_id)",
        from,
        to);
    run("update advocacy_signal set person_id = :to where person_id = :from", from, to);
    run("update advocacy_score set person_id = :to where person_id = :from", from, to);
    run(
        "update advocacy_advocate set status = 'ADVOCATE' where person_id = :to and exists"
            + " (select 1 from advocacy_advocate m where m.person_id = :from and m.status ="
            + " 'ADVOCATE')",
        from,
        to);
    run(
        "delete from advocacy_advocate where person_id = :from and exists (select 1 from"
            + " advocacy_advocate s where s.person_id = :to)",
        from,
        to);
    run("update advocacy_advocate set person_id = :to where person_id = :from", from, to);
    run("update advocacy_ask set person_id = :to where person_id = :from", from, to);
    run("update advocacy_referral_code set person_id = :to where person_id = :from", from, to);
    run(
        "update advocacy_referral set advocate_person_id = :to where advocate_person_id = :from",
        from,
        to);
    run(
        "delete from advocacy_referral where referred_person_id = :from and exists (select 1"
            + " from advocacy_referral s where s.referred_person_id = :to)",
        from,
        to);
    run(
        "update advocacy_referral set referred_person_id = :to where referred_person_id = :from",
        from,
        to);
    run(
        "update advocacy_referral_credit set advocate_person_id = :to where advocate_person_id ="
            + " :from",
        from,
        to);
    run(
        "update advocacy_referral_credit set referred_person_id = :to where referred_person_id ="
            + " :from",
        from,
        to);
    run("update advocacy_attribution set person_id = :to where person_id = :from", from, to);
    scoring.rescore(merged.survivor(), "merge");
  }

  private void run(String sql, long from, long to) {
    jdbc.sql(sql).param("from", from).param("to", to).update();
  }
}
