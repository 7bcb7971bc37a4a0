package dev.rapport.access.users;

/** A checked page number and size (0-based page, 1 to 200 rows). */
public record PageRequest(int page, int size) {

  public static final int MAX_SIZE = 200;

  public static PageRequest of(UserInput in, int page, int size) {
    if (page < 0) {
      in.fail("page", "must be 0 or more");
    }
    if (size < 1 || size > MAX_SIZE) {
      in.fail("size", "must be between 1 and " + MAX_SIZE);
    }
    return new PageRequest(Math.max(page, 0), Math.min(Math.max(size, 1), MAX_SIZE));
  }

  public long offset() {
    return (long) page * size;
  }
}
