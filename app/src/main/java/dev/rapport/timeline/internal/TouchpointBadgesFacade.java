package dev.rapport.timeline.internal;

import dev.rapport.shared.Badge;
import dev.rapport.shared.TouchpointBadges;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

/**
 * Stores the badges features attach to touchpoints, cleaned: known tones only, labels and hints cut
 * to size, links only inside Rapport. The timeline renders them with th:text.
 */
@Component
class TouchpointBadgesFacade implements TouchpointBadges {

  static final Set<String> TONES =
      Set.of("positive", "negative", "neutral", "trigger", "caution", "rule", "info");
  static final int MAX_BADGES = 12;
  private static final java.util.regex.Pattern INSIDE =
      java.util.regex.Pattern.compile("/[A-Za-z0-9/_.~?=&%-]{0,499}");

  private final JdbcTemplate template;
  private final JdbcClient jdbc;
  private final ObjectMapper json;

  TouchpointBadgesFacade(JdbcTemplate template, JdbcClient jdbc, ObjectMapper json) {
    this.template = template;
    this.jdbc = jdbc;
    this.json = json;
  }

  /** What a touchpoint shows besides its summary. */
  record Shown(String href, List<Badge> badges, List<String> highlights) {}

  @Override
  public void putAll(List<Badges> all) {
    if (all.isEmpty()) {
      return;
    }
    List<Object[]> keys = new ArrayList<>();
    List<Object[]> rows = new ArrayList<>();
    for (Badges b : all) {
      keys.add(new Object[] {b.sourceType(), b.sourceId()});
      rows.add(
          new Object[] {
            b.sourceType(),
            b.sourceId(),
            href(b.href()),
            json.writeValueAsString(clean(b.badges())),
            json.writeValueAsString(
                b.highlights().stream().limit(20).map(h -> cut(h, 200)).toList())
          });
    }
    template.batchUpdate(
        "delete from touchpoint_badges where source_type = ? and source_id = ?", keys);
    template.batchUpdate(
        "insert into touchpoint_badges (source_type, source_id, href, badges, highlights)"
            + " values (?, ?, ?, ?, ?)",
        rows);
  }

  /** The badges of these touchpoint sources, by "type\u0000id". */
  Map<String, Shown> find(Collection<dev.rapport.timeline.SourceRef> sources) {
    Map<String, List<String>> byType = new LinkedHashMap<>();
    for (var s : sources) {
      byType.computeIfAbsent(s.type(), k -> new ArrayList<>()).add(s.id());
    }
    Map<String, Shown> out = new HashMap<>();
    byType.forEach(
        (type, ids) ->
            jdbc.sql(
                    "select source_id, href, badges, highlights from touchpoint_badges"
                        + " where source_type = :t and source_id in (:ids)")
                .param("t", type)
                .param("ids", ids)
                .query(
                    (rs, n) -> {
                      out.put(
                          key(type, rs.getString(1)),
                          new Shown(
                              rs.getString(2),
                              json.readValue(rs.getString(3), new TypeReference<List<Badge>>() {}),
                              json.readValue(
                                  rs.getString(4), new TypeReference<List<String>>() {})));
                      return null;
                    })
                .list());
    return out;
  }

  static String key(String type, String id) {
    return type + '\u0000' + id;
  }

  private static List<Badge> clean(List<Badge> badges) {
    return badges.stream()
        .filter(b -> b.label() != null && !b.label().isBlank())
        .limit(MAX_BADGES)
        .map(
            b ->
                new Badge(
                    cut(b.label(), 80),
                    TONES.contains(b.tone()) ? b.tone() : "info",
                    b.hint() == null ? null : cut(b.hint(), 500)))
        .toList();
  }

  private static String href(String href) {
    if (href == null || !INSIDE.matcher(href).matches() || href.startsWith("//")) {
      return null;
    }
    return href;
  }

  private static String cut(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max);
  }
}
