package dev.rapport.listening.internal;

import dev.rapport.shared.InvalidInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Page and size parameters of the mentions list, and the Link header that pages it. */
final class MentionPaging {

  private MentionPaging() {}

  static int size(String raw, String field, int fallback, int max) {
    if (raw == null || raw.isBlank()) {
      return fallback;
    }
    try {
      int n = Integer.parseInt(raw.strip());
      if (n >= 1) {
        return Math.min(n, max);
      }
    } catch (NumberFormatException e) {
      // refused below
    }
    throw InvalidInputException.of(
        field, "must be a whole number from 1 to " + max + ", was '" + raw + "'");
  }

  static int page(String raw) {
    if (raw == null || raw.isBlank()) {
      return 0;
    }
    try {
      int n = Integer.parseInt(raw.strip());
      if (n >= 0 && n <= 1_000_000) {
        return n;
      }
    } catch (NumberFormatException e) {
      // refused below
    }
    throw InvalidInputException.of(
        "page", "must be a whole number from 0 (the first page), was '" + raw + "'");
  }

  /** RFC 8288 links to the next and previous pages of the API list, keeping the filter. */
  static Optional<String> links(MentionFilter filter, MentionStore.MentionPage page) {
    List<String> links = new ArrayList<>();
    String base = "/api/v1/mentions?" + (filter.isEmpty() ? "" : filter.query() + "&");
    if (page.hasNext()) {
      links.add(
          "<" + base + "page=" + (page.page() + 1) + "&size=" + page.size() + ">; rel=\"next\"");
    }
    if (page.page() > 0) {
      links.add(
          "<" + base + "page=" + (page.page() - 1) + "&size=" + page.size() + ">; rel=\"prev\"");
    }
    return links.isEmpty() ? Optional.empty() : Optional.of(String.join(", ", links));
  }
}
