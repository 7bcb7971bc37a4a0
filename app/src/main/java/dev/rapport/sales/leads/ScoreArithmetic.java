package dev.rapport.sales.leads;

import dev.rapport.engine.read.Intent;
import dev.rapport.people.IcpFit;
import dev.rapport.people.PersonId;
import dev.rapport.sales.LeadReason;
import dev.rapport.sales.LeadScore;
import dev.rapport.sales.LeadScorePart;
import dev.rapport.timeline.Direction;
import dev.rapport.timeline.Touchpoint;
import dev.rapport.timeline.TouchpointKind;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The score's arithmetic, without Spring or a database: fit is 30% of the ICP fit; engagement sums
 * touchpoint weights by kind and direction, each halved every half-life, capped at 30 (a signal
 * after the instant scored counts in full); intent sums readings weighted by kind and confidence,
 * halved every intent half-life, capped at 40.
 */
final class ScoreArithmetic {

  static final int FIT_MAX = 30;
  static final int ENGAGEMENT_MAX = 30;
  static final int INTENT_MAX = 40;

  /** An intent the reader found in one of the person's mentions. */
  record IntentSeen(
      long mentionId,
      String network,
      Intent intent,
      double confidence,
      String target,
      Instant at) {}

  /** How fast engagement and intent fade, in days. */
  record HalfLives(int engagementDays, int intentDays) {
    HalfLives {
      if (engagementDays < 1 || intentDays < 1) {
        throw new IllegalArgumentException("half-lives are at least one day");
      }
    }
  }

  private ScoreArithmetic() {}

  /** {@code 0.5^(age / halfLife)}; a future instant counts as now. */
  static double decay(Instant at, Instant asOf, int halfLifeDays) {
    double ageDays = Math.max(0, Duration.between(at, asOf).toSeconds()) / 86_400d;
    return Math.pow(0.5, ageDays / halfLifeDays);
  }

  /** What one touchpoint is worth before decay; 0 for internal records. */
  static double weight(TouchpointKind kind, Direction direction) {
    boolean in = direction == Direction.IN;
    return switch (kind) {
      case MEETING -> 10;
      case CALL -> in ? 8 : 5;
      case EMAIL, REPLY -> in ? 6 : 2;
      case REFERRAL -> 5;
      case POST, MENTION -> in ? 2 : 1;
      default -> 0;
    };
  }

  /** What one intent is worth before confidence and decay. */
  static double weight(Intent intent) {
    return switch (intent) {
      case BUYING -> 40;
      case SWITCHING -> 30;
      case QUESTION -> 8;
      case PRAISE -> 5;
      case COMPLAINT -> 0;
    };
  }

  static LeadScore score(
      PersonId person,
      IcpFit fit,
      List<Touchpoint> touchpoints,
      List<IntentSeen> intents,
      HalfLives halfLives,
      Instant asOf) {
    LeadScorePart fitPart = fitPart(fit);
    LeadScorePart engagement = engagement(touchpoints, halfLives.engagementDays(), asOf);
    LeadScorePart intent = intent(intents, halfLives.intentDays(), asOf);
    Instant lastIntent =
        intents.stream()
            .filter(i -> weight(i.intent()) > 0)
            .map(IntentSeen::at)
            .max(Comparator.naturalOrder())
            .orElse(null);
    int total = Math.min(100, fitPart.points() + engagement.points() + intent.points());
    return new LeadScore(person, total, fitPart, engagement, intent, asOf, lastIntent);
  }

  static LeadScorePart fitPart(IcpFit fit) {
    if (fit == null) {
      return new LeadScorePart("fit", 0, FIT_MAX, List.of());
    }
    int points = (int) Math.round(fit.score() * FIT_MAX / 100d);
    List<LeadReason> reasons = new ArrayList<>();
    reasons.add(
        new LeadReason(
            "ICP fit " + fit.score() + "/100 (" + (fit.fits() ? "a prospect" : "a suspect") + ")",
            points,
            null,
            null));
    fit.reasons().forEach(r -> reasons.add(new LeadReason(r, 0, null, null)));
    return new LeadScorePart("fit", points, FIT_MAX, reasons);
  }

  static LeadScorePart engagement(List<Touchpoint> touchpoints, int halfLife, Instant asOf) {
    double sum = 0;
    List<LeadReason> reasons = new ArrayList<>();
    for (Touchpoint t : touchpoints) {
      double w = weight(t.kind(), t.direction());
      if (w == 0) {
        continue;
      }
      double points = w * decay(t.occurredAt(), asOf, halfLife);
      sum += points;
      reasons.add(
          new LeadReason(
              describe(t) + ", " + age(t.occurredAt(), asOf),
              round1(points),
              "touchpoint",
              t.id()));
    }
    reasons.sort(Comparator.comparingDouble(LeadReason::points).reversed());
    int points = (int) Math.round(Math.min(ENGAGEMENT_MAX, sum));
    return new LeadScorePart("engagement", points, ENGAGEMENT_MAX, reasons);
  }

  static LeadScorePart intent(List<IntentSeen> intents, int halfLife, Instant asOf) {
    double sum = 0;
    List<LeadReason> reasons = new ArrayList<>();
    for (IntentSeen i : intents) {
      double w = weight(i.intent());
      if (w == 0) {
        continue;
      }
      double points = w * i.confidence() * decay(i.at(), asOf, halfLife);
      sum += points;
      reasons.add(
          new LeadReason(
              phrase(i) + " on " + networkName(i.network()),
              round1(points),
              "mention",
              i.mentionId()));
    }
    reasons.sort(Comparator.comparingDouble(LeadReason::points).reversed());
    int points = (int) Math.round(Math.min(INTENT_MAX, sum));
    return new LeadScorePart("intent", points, INTENT_MAX, reasons);
  }

  static String phrase(IntentSeen i) {
    String target = i.target() == null || i.target().isBlank() ? "" : " " + i.target();
    return switch (i.intent()) {
      case BUYING -> "asked for recommendations";
      case SWITCHING -> target.isEmpty() ? "is switching vendors" : "is switching from" + target;
      case QUESTION -> "asked a question";
      case PRAISE -> target.isEmpty() ? "praised a product" : "praised" + target;
      case COMPLAINT -> "complained";
    };
  }

  static String networkName(String network) {
    if (network == null || network.isBlank()) {
      return "the web";
    }
    String n = network.toLowerCase(Locale.ROOT);
    return n.equals("x") ? "X" : Character.toUpperCase(n.charAt(0)) + n.substring(1);
  }

  private static String describe(Touchpoint t) {
    String kind = t.kind().name().toLowerCase(Locale.ROOT).replace('_', ' ');
    String dir = t.direction() == null ? "" : t.direction() == Direction.IN ? " in" : " out";
    return kind
        + dir
        + (t.channel() == null || t.channel().isBlank() ? "" : " (" + t.channel() + ")");
  }

  private static String age(Instant at, Instant asOf) {
    long days = Duration.between(at, asOf).toDays();
    return days == 0 ? "today" : days == 1 ? "1 day ago" : days + " days ago";
  }

  private static double round1(double v) {
    return Math.round(v * 10) / 10d;
  }
}
