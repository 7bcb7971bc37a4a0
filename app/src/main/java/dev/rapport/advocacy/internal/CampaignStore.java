package dev.rapport.advocacy.internal;

import static dev.rapport.advocacy.internal.AdvocacyStore.instant;
import static dev.rapport.advocacy.internal.AdvocacyStore.utc;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Campaigns, their tracking links and tags, and the touchpoints attributed to them. */
@Repository
class CampaignStore {

  /** A campaign as stored, with how many touchpoints it tagged. */
  record Campaign(
      long id,
      String name,
      String channel,
      BigDecimal cost,
      String currency,
      LocalDate startsOn,
      LocalDate endsOn,
      String landingUrl,
      Instant createdAt,
      long touchpoints) {}

  /** A tracking link. */
  record Link(
      long id,
      long campaignId,
      String url,
      String utmSource,
      String utmMedium,
      String utmCampaign,
      Instant createdAt) {}

  /** A touchpoint tagged with a campaign, and why. */
  record Attribution(long touchpointId, long campaignId, Long person, String by, String matched) {}

  private final JdbcClient jdbc;

  CampaignStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  long insert(
      String name,
      String channel,
      BigDecimal cost,
      String currency,
      LocalDate startsOn,
      LocalDate endsOn,
      String landingUrl,
      Instant at) {
    jdbc.sql(
            "insert into advocacy_campaign (name, channel, cost, currency, starts_on, ends_on,"
                + " landing_url, created_at) values (:n, :ch, :c, :cur, :s, :e, :l, :at)")
        .param("n", name)
        .param("ch", channel)
        .param("c", cost)
        .param("cur", currency)
        .param("s", startsOn)
        .param("e", endsOn)
        .param("l", landingUrl)
        .param("at", utc(at))
        .update();
    return jdbc.sql("select id from advocacy_campaign where name = :n")
        .param("n", name)
        .query(Long.class)
        .single();
  }

  boolean nameTaken(String name) {
    return jdbc.sql("select count(*) from advocacy_campaign where lower(name) = lower(:n)")
            .param("n", name)
            .query(Long.class)
            .single()
        > 0;
  }

  private static final String COLUMNS =
      "select c.id, c.name, c.channel, c.cost, c.currency, c.starts_on, c.ends_on, c.landing_url,"
          + " c.created_at, (select count(*) from advocacy_attribution a where a.campaign_id ="
          + " c.id) from advocacy_campaign c";

  List<Campaign> all() {
    return jdbc.sql(COLUMNS + " order by c.starts_on desc, c.id desc")
        .query(CampaignStore::campaign)
        .list();
  }

  Optional<Campaign> find(long id) {
    return jdbc.sql(COLUMNS + " where c.id = :id")
        .param("id", id)
        .query(CampaignStore::campaign)
        .optional();
  }

  private static Campaign campaign(ResultSet rs, int n) throws SQLException {
    return new Campaign(
        rs.getLong(1),
        rs.getString(2),
        rs.getString(3),
        rs.getBigDecimal(4),
        rs.getString(5),
        rs.getObject(6, LocalDate.class),
        rs.getObject(7, LocalDate.class),
        rs.getString(8),
        instant(rs, 9),
        rs.getLong(10));
  }

  long insertLink(
      long campaignId, String url, String source, String medium, String campaign, Instant at) {
    jdbc.sql(
            "insert into advocacy_campaign_link (campaign_id, url, utm_source, utm_medium,"
                + " utm_campaign, created_at) values (:c, :u, :s, :m, :cp, :at)")
        .param("c", campaignId)
        .param("u", url)
        .param("s", source)
        .param("m", medium)
        .param("cp", campaign)
        .param("at", utc(at))
        .update();
    return jdbc.sql("select max(id) from advocacy_campaign_link where campaign_id = :c")
        .param("c", campaignId)
        .query(Long.class)
        .single();
  }

  List<Link> links(long campaignId) {
    return jdbc.sql(
            "select id, campaign_id, url, utm_source, utm_medium, utm_campaign, created_at"
                + " from advocacy_campaign_link where campaign_id = :c order by id")
        .param("c", campaignId)
        .query(
            (rs, n) ->
                new Link(
                    rs.getLong(1),
                    rs.getLong(2),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getString(5),
                    rs.getString(6),
                    instant(rs, 7)))
        .list();
  }

  /** The campaign another link already tracks this utm_campaign for, if any. */
  Optional<Long> campaignOfUtm(String utmCampaign) {
    return jdbc.sql(
            "select min(campaign_id) from advocacy_campaign_link where lower(utm_campaign) ="
                + " lower(:u)")
        .param("u", utmCampaign)
        .query((rs, n) -> (Long) rs.getObject(1, Long.class))
        .optional()
        .filter(java.util.Objects::nonNull);
  }

  void insertTag(long campaignId, String tag) {
    jdbc.sql("insert into advocacy_campaign_tag (campaign_id, tag) values (:c, :t)")
        .param("c", campaignId)
        .param("t", tag)
        .update();
  }

  Optional<Long> campaignOfTag(String tag) {
    return jdbc.sql("select campaign_id from advocacy_campaign_tag where tag = :t")
        .param("t", tag)
        .query(Long.class)
        .optional();
  }

  List<String> tags(long campaignId) {
    return jdbc.sql("select tag from advocacy_campaign_tag where campaign_id = :c order by tag")
        .param("c", campaignId)
        .query(String.class)
        .list();
  }

  /** Every tracked utm_campaign and tag with its campaign: few, read per touchpoint. */
  List<Object[]> markers(Collection<String> utms, Collection<String> tags) {
    List<Object[]> out = new java.util.ArrayList<>();
    if (!utms.isEmpty()) {
      out.addAll(
          jdbc.sql(
                  "select lower(utm_campaign), min(campaign_id) from advocacy_campaign_link"
                      + " where lower(utm_campaign) in (:u) group by lower(utm_campaign)")
              .param("u", utms)
              .query((rs, n) -> new Object[] {"utm", rs.getString(1), rs.getLong(2)})
              .list());
    }
    if (!tags.isEmpty()) {
      out.addAll(
          jdbc.sql("select tag, campaign_id from advocacy_campaign_tag where tag in (:t)")
              .param("t", tags)
              .query((rs, n) -> new Object[] {"tag", rs.getString(1), rs.getLong(2)})
              .list());
    }
    return out;
  }

  /** Tags the touchpoint with the campaign once (the first match wins). */
  boolean attribute(
      long touchpointId, long campaignId, Long person, String by, String matched, Instant at) {
    return jdbc.sql(
                "insert into advocacy_attribution (touchpoint_id, campaign_id, person_id,"
                    + " matched_by, matched, attributed_at) values (:t, :c, :p, :b, :m, :at)"
                    + " on conflict do nothing")
            .param("t", touchpointId)
            .param("c", campaignId)
            .param("p", person)
            .param("b", by)
            .param("m", matched.length() > 200 ? matched.substring(0, 200) : matched)
            .param("at", utc(at))
            .update()
        > 0;
  }

  Optional<Attribution> attribution(long touchpointId) {
    return jdbc.sql(
            "select touchpoint_id, campaign_id, person_id, matched_by, matched"
                + " from advocacy_attribution where touchpoint_id = :t")
        .param("t", touchpointId)
        .query(
            (rs, n) ->
                new Attribution(
                    rs.getLong(1),
                    rs.getLong(2),
                    (Long) rs.getObject(3, Long.class),
                    rs.getString(4),
                    rs.getString(5)))
        .optional();
  }

  void forget(List<Long> persons) {
    if (!persons.isEmpty()) {
      jdbc.sql("delete from advocacy_attribution where person_id in (:ids)")
          .param("ids", persons)
          .update();
    }
  }
}
