package dev.rapport.care.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Complaint spikes per brand or product. Every complaint heard about one is counted (whoever wrote
 * it, case or not); a complaint raises an alert when its brand's complaints in the last hour are at
 * least {@link #MIN_COUNT} and more than {@link #FACTOR} times the brand's usual hourly rate over
 * the {@link #DAYS} days before that hour. One alert per brand per hour: a spike that goes on does
 * not raise one per post.
 */
@Component
class SpikeAlerts {

  static final int DAYS = 7;
  static final int MIN_COUNT = 5;
  static final int FACTOR = 3;

  /** A raised alert. */
  record Alert(
      long id, String brand, int lastHour, BigDecimal usualHourly, int days, Instant raisedAt) {}

  private final JdbcClient jdbc;

  SpikeAlerts(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Counts the complaint once (by mention) and raises an alert if it makes a spike. */
  Optional<Alert> complaint(long mentionId, String brand, Instant postedAt, Instant now) {
    Instant at = postedAt.isAfter(now) ? now : postedAt;
    int added =
        jdbc.sql(
                "insert into care_complaint (mention_id, brand, posted_at) values (:m, :b, :at)"
                    + " on conflict do nothing")
            .param("m", mentionId)
            .param("b", brand)
            .param("at", Timestamp.from(at))
            .update();
    return added == 0 ? Optional.empty() : check(brand, now);
  }

  /** Raises an alert for the brand when its last hour is a spike and none was raised this hour. */
  Optional<Alert> check(String brand, Instant now) {
    Instant hourAgo = now.minus(Duration.ofHours(1));
    int lastHour = count(brand, hourAgo, now.plusSeconds(1));
    if (lastHour < MIN_COUNT) {
      return Optional.empty();
    }
    int before = count(brand, hourAgo.minus(Duration.ofDays(DAYS)), hourAgo);
    BigDecimal usual =
        BigDecimal.valueOf(before).divide(BigDecimal.valueOf(DAYS * 24L), 3, RoundingMode.HALF_UP);
    if (BigDecimal.valueOf(lastHour).compareTo(usual.multiply(BigDecimal.valueOf(FACTOR))) <= 0) {
      return Optional.empty();
    }
    long recent =
        jdbc.sql("select count(*) from care_alert where brand = :b and raised_at > :since")
            .param("b", brand)
            .param("since", Timestamp.from(hourAgo))
            .query(Long.class)
            .single();
    if (recent > 0) {
      return Optional.empty();
    }
    jdbc.sql(
            "insert into care_alert (brand, last_hour, usual_hourly, days, raised_at)"
                + " values (:b, :n, :u, :d, :at)")
        .param("b", brand)
        .param("n", lastHour)
        .param("u", usual)
        .param("d", DAYS)
        .param("at", Timestamp.from(now))
        .update();
    return jdbc.sql(
            "select id, brand, last_hour, usual_hourly, days, raised_at from care_alert"
                + " where brand = :b order by id desc limit 1")
        .param("b", brand)
        .query(SpikeAlerts::alert)
        .optional();
  }

  /** Alerts raised since the instant, newest first. */
  List<Alert> recent(Instant since, int limit) {
    return jdbc.sql(
            "select id, brand, last_hour, usual_hourly, days, raised_at from care_alert"
                + " where raised_at >= :since order by raised_at desc, id desc limit "
                + Math.max(1, Math.min(limit, 200)))
        .param("since", Timestamp.from(since))
        .query(SpikeAlerts::alert)
        .list();
  }

  private static Alert alert(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
    return new Alert(
        rs.getLong(1),
        rs.getString(2),
        rs.getInt(3),
        rs.getBigDecimal(4),
        rs.getInt(5),
        rs.getTimestamp(6).toInstant());
  }

  private int count(String brand, Instant from, Instant to) {
    return jdbc.sql(
            "select count(*) from care_complaint where brand = :b and posted_at >= :f and"
                + " posted_at < :t")
        .param("b", brand)
        .param("f", Timestamp.from(from))
        .param("t", Timestamp.from(to))
        .query(Integer.class)
        .single();
  }
}
