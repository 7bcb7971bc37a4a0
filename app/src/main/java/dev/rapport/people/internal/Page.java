package dev.rapport.people.internal;

import java.util.List;

/** One page of a list, with the total so clients can page on. */
record Page<T>(List<T> items, int page, int size, long total) {

  Page {
    items = List.copyOf(items);
  }

  public boolean hasNext() {
    return (long) (page + 1) * size < total;
  }

  public boolean hasPrevious() {
    return page > 0;
  }
}
