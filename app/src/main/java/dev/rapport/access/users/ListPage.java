package dev.rapport.access.users;

import java.util.List;

/** One page of a list answer: the items, which page, its size and how many there are in all. */
public record ListPage<T>(List<T> items, int page, int size, long total) {

  public boolean hasNext() {
    return (long) (page + 1) * size < total;
  }

  public boolean hasPrevious() {
    return page > 0;
  }
}
