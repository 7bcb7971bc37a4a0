package dev.rapport.people.internal;

import dev.rapport.access.AuditLog;
import dev.rapport.shared.InvalidInputException;
import dev.rapport.shared.InvalidInputException.FieldError;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The ideal customer profile: rules on industry, size, title words and location, each worth points.
 * A person's fit is the share of points their rules earn (0-100), with the reasons; at or over the
 * workspace threshold they are a prospect, under it a suspect.
 */
@Service
class Icp {

  /** One rule: a field, what matches (comma-separated words, or a size range "50-2000"). */
  record Rule(String field, String match, int points) {}

  /** The profile: its rules and the threshold. */
  record Profile(List<Rule> rules, int threshold) {}

  /** A person's fit and why. */
  record Fit(int score, String stage, List<String> reasons) {}

  static final List<String> FIELDS = List.of("industry", "size", "title", "location");
  private static final Pattern RANGE = Pattern.compile("^(\\d+)\\s*(?:-\\s*(\\d+)|(\\+))?$");

  private final JdbcClient jdbc;
  private final AuditLog audit;

  Icp(JdbcClient jdbc, AuditLog audit) {
    this.jdbc = jdbc;
    this.audit = audit;
  }

  @Transactional(readOnly = true)
  public Profile profile() {
    List<Rule> rules =
        jdbc.sql("select field, match, points from icp_rule order by id")
            .query((rs, n) -> new Rule(rs.getString(1), rs.getString(2), rs.getInt(3)))
            .list();
    int threshold =
        jdbc.sql("select threshold from icp_setting where id = 1").query(Integer.class).single();
    return new Profile(rules, threshold);
  }

  @Transactional
  public Profile replace(Profile next) {
    List<FieldError> errors = new ArrayList<>();
    if (next.threshold() < 0 || next.threshold() > 100) {
      errors.add(new FieldError("threshold", "must be between 0 and 100"));
    }
    if (next.rules() == null || next.rules().size() > 50) {
      errors.add(new FieldError("rules", "give between 0 and 50 rules"));
    } else {
      for (int i = 0; i < next.rules().size(); i++) {
        Rule r = next.rules().get(i);
        String at = "rules[" + i + "].";
        if (r.field() == null || !FIELDS.contains(r.field())) {
          errors.add(new FieldError(at + "field", "must be one of " + FIELDS));
        }
        if (r.match() == null || r.match().isBlank() || r.match().length() > 500) {
          errors.add(new FieldError(at + "match", "give 1 to 500 characters"));
        } else if ("size".equals(r.field()) && !RANGE.matcher(r.match().strip()).matches()) {
          errors.add(new FieldError(at + "match", "a size is a range like 50-2000 or 500+"));
        }
        if (r.points() < 1 || r.points() > 100) {
          errors.add(new FieldError(at + "points", "must be between 1 and 100"));
        }
      }
    }
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
    Profile old = profile();
    jdbc.sql("delete from icp_rule").update();
    for (Rule r : next.rules()) {
      jdbc.sql("insert into icp_rule (field, match, points) values (:f, :m, :p)")
          .param("f", r.field())
          .param("m", r.match().strip())
          .param("p", r.points())
          .update();
    }
    jdbc.sql("update icp_setting set threshold = :t where id = 1")
        .param("t", next.threshold())
        .update();
    audit.record("icp", 1, AuditLog.Action.UPDATE, old, next);
    return profile();
  }

  /** The fit of a person (title) working at an account (may be null). */
  Fit fit(Profile profile, String title, Account account) {
    int total = 0;
    int earned = 0;
    List<String> reasons = new ArrayList<>();
    for (Rule r : profile.rules()) {
      total += r.points();
      String value = valueOf(r.field(), title, account);
      boolean hit = value != null && matches(r, value);
      if (hit) {
        earned += r.points();
      }
      reasons.add(
          (hit ? "+" + r.points() + " " : "+0 ")
              + r.field()
              + (value == null ? " unknown" : " '" + value + "'")
              + (hit ? " matches " : " does not match ")
              + r.match());
    }
    int score = total == 0 ? 0 : Math.round(100f * earned / total);
    return new Fit(score, score >= profile.threshold() ? "prospect" : "suspect", reasons);
  }

  private static String valueOf(String field, String title, Account account) {
    return switch (field) {
      case "title" -> title;
      case "industry" -> account == null ? null : account.industry();
      case "location" -> account == null ? null : account.location();
      case "size" ->
          account == null || account.employees() == null
              ? null
              : Integer.toString(account.employees());
      default -> null;
    };
  }

  static boolean matches(Rule r, String value) {
    String v = value.toLowerCase(Locale.ROOT);
    if (r.field().equals("size")) {
      Matcher m = RANGE.matcher(r.match().strip());
      if (!m.matches()) {
        return false;
      }
      long n = Long.parseLong(v);
      long min = Long.parseLong(m.group(1));
      long max =
          m.group(2) != null
              ? Long.parseLong(m.group(2))
              : m.group(3) != null ? Long.MAX_VALUE : min;
      return n >= min && n <= max;
    }
    List<String> words =
        Arrays.stream(r.match().toLowerCase(Locale.ROOT).split(","))
            .map(String::strip)
            .filter(w -> !w.isEmpty())
            .toList();
    if (r.field().equals("industry")) {
      return words.contains(v.strip());
    }
    for (String w : words) {
      if (Pattern.compile("(^|\\W)" + Pattern.quote(w) + "($|\\W)").matcher(v).find()) {
        return true;
      }
    }
    return false;
  }

  static Map<String, Object> describe(Fit fit) {
    return Map.of("score", fit.score(), "stage", fit.stage(), "reasons", fit.reasons());
  }
}
