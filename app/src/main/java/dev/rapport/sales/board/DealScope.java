package dev.rapport.sales.board;

import dev.rapport.access.Actors;
import dev.rapport.access.RecordVisibility;
import dev.rapport.access.User;
import dev.rapport.access.Users;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The SQL condition (on alias {@code o} of deal_opportunity) for the deals the current user may
 * see, narrowed by owner, team and close month. The same rule as the opportunities facade: the
 * workspace's visibility for "opportunity" by the deal's owner, deals without an owner visible to
 * all. The board and the forecast read many deals at once (totals over 100,000 rows), so they ask
 * the database for sums instead of loading every deal through the facade; this class keeps their
 * visibility the facade's.
 */
@Component
public class DealScope {

  /** The object type of deals in the visibility settings, as the facade names it. */
  public static final String OBJECT_TYPE = "opportunity";

  private final RecordVisibility visibility;
  private final Actors actors;
  private final Users users;

  DealScope(RecordVisibility visibility, Actors actors, Users users) {
    this.visibility = visibility;
    this.actors = actors;
    this.users = users;
  }

  /** Whether the current user may see a deal of this owner. */
  public boolean canSee(Long ownerUserId) {
    return visibility.canSee(actors.current(), OBJECT_TYPE, ownerUserId);
  }

  /**
   * The condition for visible deals owned by {@code owner} (if given), by a member of {@code team}
   * (if given) and closing in {@code closeMonth} (if given); parameters go into {@code params}.
   */
  public String where(Long owner, Long team, YearMonth closeMonth, Map<String, Object> params) {
    List<String> parts = new ArrayList<>();
    Optional<Set<Long>> owners = visibility.visibleOwners(actors.current(), OBJECT_TYPE);
    if (owners.isPresent()) {
      if (owners.get().isEmpty()) {
        parts.add("o.owner_user_id is null");
      } else {
        parts.add("(o.owner_user_id is null or o.owner_user_id in (:visibleOwners))");
        params.put("visibleOwners", owners.get());
      }
    }
    if (owner != null) {
      parts.add("o.owner_user_id = :owner");
      params.put("owner", owner);
    }
    if (team != null) {
      List<Long> members = users.members(team).stream().map(User::id).toList();
      if (members.isEmpty()) {
        parts.add("1 = 0");
      } else {
        parts.add("o.owner_user_id in (:teamMembers)");
        params.put("teamMembers", members);
      }
    }
    if (closeMonth != null) {
      parts.add("o.close_date >= :closeFrom and o.close_date < :closeTo");
      params.put("closeFrom", java.sql.Date.valueOf(closeMonth.atDay(1)));
      params.put("closeTo", java.sql.Date.valueOf(closeMonth.plusMonths(1).atDay(1)));
    }
    return parts.isEmpty() ? "1 = 1" : String.join(" and ", parts);
  }
}
