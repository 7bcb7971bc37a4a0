package dev.rapport.people.internal;

import dev.rapport.people.VisiblePersons;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/** Builds {@link VisiblePersons} conditions from the owners the current user may see. */
@Component
class VisiblePersonsFacade implements VisiblePersons {

  private static final Pattern COLUMN = Pattern.compile("[a-z_][a-z0-9_.]{0,62}");

  private final Visible visible;

  VisiblePersonsFacade(Visible visible) {
    this.visible = visible;
  }

  @Override
  public Condition authoredBy(String column, boolean unknownVisible) {
    if (!COLUMN.matcher(column).matches()) {
      throw new IllegalArgumentException("not a column name: " + column);
    }
    Optional<Set<Long>> owners = visible.owners(Visible.PERSON);
    if (owners.isEmpty() && unknownVisible) {
      return Condition.ALL;
    }
    Map<String, Object> params = new HashMap<>();
    String seen;
    if (owners.isEmpty()) {
      seen = column + " in (select id from person)";
    } else {
      // the owner of the person the record's person lives on now (itself when never merged)
      String owner =
          "case when p.merged_into is null then p.owner_user_id else m.owner_user_id end";
      String ownerSeen = owner + " is null";
      if (!owners.get().isEmpty()) {
        ownerSeen += " or " + owner + " in (:vp_owners)";
        params.put("vp_owners", owners.get());
      }
      seen =
          column
              + " in (select p.id from person p left join person m on m.id = p.merged_into where "
              + ownerSeen
              + ")";
    }
    if (unknownVisible) {
      seen +=
          " or "
              + column
              + " is null or not exists (select 1 from person u where u.id = "
              + column
              + ")";
    }
    return new Condition("(" + seen + ")", Map.copyOf(params));
  }
}
