package dev.rapport.engine.match;

import java.util.Arrays;

/** A growable list of ints, for the few places off the hot path that collect ids. */
final class IntList {
  private int[] values = new int[8];
  private int size;

  void add(int v) {
    if (size == values.length) {
      values = Arrays.copyOf(values, size * 2);
    }
    values[size++] = v;
  }

  int[] sortedDistinct() {
    return Arrays.stream(values, 0, size).sorted().distinct().toArray();
  }
}
