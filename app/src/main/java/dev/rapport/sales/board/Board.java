package dev.rapport.sales.board;

import dev.rapport.access.User;
import dev.rapport.access.Users;
import dev.rapport.sales.Gate;
import dev.rapport.sales.Pipeline;
import dev.rapport.sales.PipelineStage;
import dev.rapport.sales.board.BoardQueries.Card;
import dev.rapport.sales.board.BoardQueries.Totals;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Builds the kanban board of a pipeline: one column per open stage with its count and totals (per
 * currency) over every visible deal the filter keeps, and the first cards of each column with their
 * stale and gate-missing badges. A gate is "missing" on a card when the stage it stands in, or the
 * next open stage, requires it and it does not hold: the move it needs next would be refused.
 */
@Service
class Board {

  /** Cards shown per column; the count and totals always cover every deal. */
  static final int CARDS_PER_COLUMN = 20;

  record CardView(
      long id,
      String name,
      String amount,
      String closeDate,
      String owner,
      boolean stale,
      List<Gate> missing,
      int version) {

    /** "gate 2, 3" for the badge. */
    public String missingShort() {
      return missing.stream()
          .map(g -> String.valueOf(g.number()))
          .collect(Collectors.joining(", "));
    }

    public String missingLong() {
      return missing.stream().map(Gate::named).collect(Collectors.joining(", "));
    }
  }

  record Column(PipelineStage stage, long count, String total, List<CardView> cards) {

    /** Whether the column shows fewer cards than it counts. */
    public boolean more() {
      return count > cards.size();
    }
  }

  private final BoardQueries queries;
  private final DealScope scope;
  private final Users users;
  private final Clock clock;

  Board(BoardQueries queries, DealScope scope, Users users) {
    this.queries = queries;
    this.scope = scope;
    this.users = users;
    this.clock = Clock.systemUTC();
  }

  /** The condition for the open, visible deals the filter keeps. */
  String where(BoardFilter f, Map<String, Object> params) {
    return "o.status = 'OPEN' and " + scope.where(f.owner(), f.team(), f.closeMonth(), params);
  }

  @Transactional(readOnly = true)
  List<Column> columns(Pipeline pipeline, BoardFilter filter) {
    Map<String, Object> params = new HashMap<>();
    String where = where(filter, params);
    Map<Long, Totals> totals = queries.totals(pipeline.id(), where, params);
    List<PipelineStage> open = pipeline.openStages();
    Map<Long, String> names = new HashMap<>();
    Instant now = clock.instant();
    List<Column> columns = new ArrayList<>();
    for (int i = 0; i < open.size(); i++) {
      PipelineStage stage = open.get(i);
      PipelineStage next = i + 1 < open.size() ? open.get(i + 1) : null;
      List<Card> cards = queries.cards(stage.id(), where, params, CARDS_PER_COLUMN);
      Map<Long, Set<Gate>> held = queries.heldGates(cards.stream().map(Card::id).toList());
      List<CardView> views = new ArrayList<>();
      for (Card c : cards) {
        views.add(view(c, stage, next, held.getOrDefault(c.id(), Set.of()), names, now));
      }
      Totals t = totals.getOrDefault(stage.id(), Totals.EMPTY);
      columns.add(new Column(stage, t.count(), BoardQueries.money(t.byCurrency()), views));
    }
    return columns;
  }

  /** Count and total of each open stage, for the page to refresh after a move. */
  @Transactional(readOnly = true)
  Map<Long, Map<String, Object>> summary(Pipeline pipeline, BoardFilter filter) {
    Map<String, Object> params = new HashMap<>();
    Map<Long, Totals> totals = queries.totals(pipeline.id(), where(filter, params), params);
    Map<Long, Map<String, Object>> out = new HashMap<>();
    for (PipelineStage s : pipeline.openStages()) {
      Totals t = totals.getOrDefault(s.id(), Totals.EMPTY);
      out.put(s.id(), Map.of("count", t.count(), "total", BoardQueries.money(t.byCurrency())));
    }
    return out;
  }

  private CardView view(
      Card c,
      PipelineStage stage,
      PipelineStage next,
      Set<Gate> held,
      Map<Long, String> names,
      Instant now) {
    EnumSet<Gate> needed = EnumSet.noneOf(Gate.class);
    needed.addAll(stage.requiredGates());
    if (next != null) {
      needed.addAll(next.requiredGates());
    }
    List<Gate> missing = needed.stream().filter(g -> !held.contains(g)).toList();
    return new CardView(
        c.id(),
        c.name(),
        BoardQueries.format(c.amount()) + " " + c.currency(),
        c.closeDate().toString(),
        ownerName(c.ownerUserId(), names),
        BoardQueries.stale(c, stage, now),
        missing,
        c.version());
  }

  String ownerName(Long id, Map<Long, String> names) {
    if (id == null) {
      return "nobody";
    }
    return names.computeIfAbsent(
        id, k -> users.find(k).map(User::displayName).orElse("a former user"));
  }
}
