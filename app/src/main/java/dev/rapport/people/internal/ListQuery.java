package dev.rapport.people.internal;

import dev.rapport.shared.InvalidInputException;
import java.util.Locale;
import java.util.Set;

/** The filters, sort and page a list was asked for; sort keys are checked against a whitelist. */
record ListQuery(
    String q,
    String tag,
    Long owner,
    Long account,
    String sort,
    boolean descending,
    int page,
    int size) {

  static final int MAX_SIZE = 200;

  static ListQuery of(
      String q,
      String tag,
      Long owner,
      Long account,
      String sort,
      Integer page,
      Integer size,
      Set<String> sortable) {
    int p = page == null ? 0 : page;
    int s = size == null ? 25 : size;
    if (p < 0) {
      throw InvalidInputException.of("page", "must be 0 or more, was " + p);
    }
    if (s < 1 || s > MAX_SIZE) {
      throw InvalidInputException.of("size", "must be between 1 and " + MAX_SIZE + ", was " + s);
    }
    String key = "name";
    boolean desc = false;
    if (sort != null && !sort.isBlank()) {
      String[] parts = sort.split(",", 2);
      key = parts[0].trim().toLowerCase(Locale.ROOT);
      if (!sortable.contains(key)) {
        throw InvalidInputException.of(
            "sort", "cannot sort by '" + parts[0].trim() + "'; use one of " + sortable);
      }
      if (parts.length == 2) {
        String dir = parts[1].trim().toLowerCase(Locale.ROOT);
        if (!dir.equals("asc") && !dir.equals("desc")) {
          throw InvalidInputException.of("sort", "direction must be asc or desc, was " + dir);
        }
        desc = dir.equals("desc");
      }
    }
    String text = q == null || q.isBlank() ? null : q.trim();
    if (text != null && text.length() > 200) {
      throw InvalidInputException.of("q", "at most 200 characters");
    }
    String t = tag == null || tag.isBlank() ? null : tag.trim().toLowerCase(Locale.ROOT);
    return new ListQuery(text, t, owner, account, key, desc, p, s);
  }

  String likePattern() {
    String escaped =
        q.toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    return "%" + escaped + "%";
  }
}
