package dev.rapport.timeline;

import java.util.List;

/** One page of a timeline and how many touchpoints match in all. */
public record TouchpointPage(List<Touchpoint> items, int page, int size, long total) {

  public TouchpointPage {
    items = List.copyOf(items);
  }

  public boolean hasNext() {
    return (long) (page + 1) * size < total;
  }
}
