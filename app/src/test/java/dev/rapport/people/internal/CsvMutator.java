package dev.rapport.people.internal;

import dev.rapport.engine.fuzz.Fuzz;
import dev.rapport.engine.fuzz.Mutators;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Structure-aware mutations of a CSV file: rows and fields dropped, added, swapped or repeated;
 * quotes left open, doubled or put where they do not belong; huge fields, multi-line fields, mixed
 * line ends, NUL, a byte-order mark, formula prefixes and bytes that are not UTF-8.
 */
final class CsvMutator implements Fuzz.Mutator {

  private static final String[] CELLS = {
    "",
    "\"",
    "\"\"",
    "\"open",
    "x\"y",
    "\"a\"b",
    "\"multi\nline\"",
    "\"a,b\"",
    "=1+1",
    "+cmd",
    "-2",
    "@SUM(A1)",
    "'=x",
    "\u0000",
    "\uFEFF",
    "<script>alert(1)</script>",
    "not-an-email",
    "a@b",
    "yes",
    "maybe",
    "99999999999999999999",
    "-1",
    "1;2;3",
    "a|b|",
    "\u202Eevil",
    "  padded  ",
  };

  private static final String[] TOKENS = {",", "\"", "\n", "\r", "\r\n", ";", "|", "\u0000"};

  @Override
  public byte[] mutate(byte[] seed, List<byte[]> corpus, SplittableRandom random) {
    if (random.nextInt(8) == 0) {
      return Mutators.mutateBytes(seed, corpus, random, TOKENS);
    }
    String text = new String(seed, StandardCharsets.UTF_8);
    List<List<String>> rows = new ArrayList<>();
    for (String line : text.split("\r?\n", -1)) {
      rows.add(new ArrayList<>(Arrays.asList(line.split(",", -1))));
    }
    int rounds = 1 + random.nextInt(3);
    for (int r = 0; r < rounds; r++) {
      mutateRows(rows, random);
    }
    String eol = new String[] {"\n", "\r\n", "\r"}[random.nextInt(random.nextInt(6) == 0 ? 3 : 2)];
    StringBuilder out = new StringBuilder();
    for (List<String> row : rows) {
      out.append(String.join(",", row)).append(eol);
    }
    byte[] bytes = out.toString().getBytes(StandardCharsets.UTF_8);
    if (random.nextInt(8) == 0) {
      byte[] bad = {(byte) 0xC3, 0x28, (byte) 0xFF};
      int at = random.nextInt(bytes.length + 1);
      byte[] copy = new byte[bytes.length + bad.length];
      System.arraycopy(bytes, 0, copy, 0, at);
      System.arraycopy(bad, 0, copy, at, bad.length);
      System.arraycopy(bytes, at, copy, at + bad.length, bytes.length - at);
      return copy;
    }
    return bytes;
  }

  private static void mutateRows(List<List<String>> rows, SplittableRandom random) {
    List<String> row = rows.get(random.nextInt(rows.size()));
    int at = row.isEmpty() ? 0 : random.nextInt(row.size());
    switch (random.nextInt(9)) {
      case 0 -> {
        if (!row.isEmpty()) {
          row.remove(at);
        }
      }
      case 1 -> row.add(at, CELLS[random.nextInt(CELLS.length)]);
      case 2 -> {
        if (!row.isEmpty()) {
          row.set(at, CELLS[random.nextInt(CELLS.length)]);
        }
      }
      case 3 -> {
        if (!row.isEmpty()) {
          // longer than the reader's field limit, or just long
          int n = random.nextBoolean() ? CsvRows.MAX_FIELD + 1 + random.nextInt(100) : 300;
          row.set(at, (random.nextBoolean() ? "\"" : "") + "x".repeat(n));
        }
      }
      case 4 -> rows.add(random.nextInt(rows.size() + 1), new ArrayList<>(row));
      case 5 -> {
        if (rows.size() > 1) {
          rows.remove(random.nextInt(rows.size()));
        }
      }
      case 6 -> rows.add(random.nextInt(rows.size() + 1), new ArrayList<>(List.of("")));
      case 7 -> {
        if (!row.isEmpty()) {
          row.set(at, row.get(at) + Mutators.AWKWARD[random.nextInt(Mutators.AWKWARD.length)]);
        }
      }
      default -> {
        int copies = random.nextInt(4) == 0 ? 1_500 : 1 + random.nextInt(20);
        for (int i = 0; i < copies; i++) {
          rows.add(new ArrayList<>(rows.get(random.nextInt(rows.size()))));
        }
      }
    }
  }
}
