package dev.rapport.engine.read;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Batch reading from the command line: JSON lines with a {@code text} field (and optional {@code
 * id}, {@code lang}) on standard input, one JSON line per input on standard output. A bad line
 * yields an object with an {@code error} for that line and the rest go on. Memory stays constant.
 *
 * <pre>
 * java -cp rapport-engine.jar dev.rapport.engine.read.ReadCli --brands "Acme,@acmehq" \
 *     --competitors "Globex" &lt; posts.jsonl &gt; readings.jsonl
 * </pre>
 */
public final class ReadCli {

  /** Longest accepted input line, in characters. */
  public static final int MAX_LINE = 1_000_000;

  private static final String USAGE =
      "usage: ReadCli [--brands NAME,...] [--competitors NAME,...] < posts.jsonl";

  private ReadCli() {}

  public static void main(String[] args) {
    BrandSet brands;
    try {
      brands = brands(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.err.println(USAGE);
      System.exit(2);
      return;
    }
    Reader in = new InputStreamReader(System.in, StandardCharsets.UTF_8);
    Writer out =
        new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), 1 << 16);
    try {
      run(in, out, PostReader.create(), brands);
      out.flush();
    } catch (IOException e) {
      System.err.println("I/O error: " + e.getMessage());
      System.exit(1);
    }
  }

  /** Parses the options into a brand set; throws with a message naming the bad option. */
  static BrandSet brands(String[] args) {
    List<String> ours = new ArrayList<>();
    List<String> competitors = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if (a.equals("--help") || a.equals("-h")) {
        throw new IllegalArgumentException("Reads posts as JSON lines and writes readings.");
      }
      if (!a.equals("--brands") && !a.equals("--competitors")) {
        throw new IllegalArgumentException("unknown option: " + a);
      }
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException(a + " needs a comma-separated list");
      }
      for (String name : args[++i].split(",")) {
        if (!name.isBlank()) {
          (a.equals("--brands") ? ours : competitors).add(name.strip());
        }
      }
    }
    return BrandSet.of(ours, competitors);
  }

  /** Reads every line of in and writes one line per input line to out; returns lines read. */
  static long run(Reader in, Writer out, PostReader reader, BrandSet brands) throws IOException {
    LineReader lines = new LineReader(in, MAX_LINE);
    StringBuilder b = new StringBuilder(4096);
    long n = 0;
    LineReader.Line line;
    while ((line = lines.next()) != null) {
      n++;
      if (!line.tooLong() && line.text().isBlank()) {
        continue;
      }
      b.setLength(0);
      one(b, n, line, reader, brands);
      b.append('\n');
      out.write(b.toString());
    }
    return n;
  }

  private static void one(
      StringBuilder b, long n, LineReader.Line line, PostReader reader, BrandSet brands) {
    if (line.tooLong()) {
      ReadingJson.error(b, n, null, "line longer than " + MAX_LINE + " characters");
      return;
    }
    PostJson.Input post;
    try {
      post = PostJson.parse(line.text());
    } catch (PostJson.Bad e) {
      ReadingJson.error(b, n, e.idJson(), e.getMessage());
      return;
    }
    String idJson = post.idJson();
    String text = post.text();
    String language = post.lang();
    try {
      ReadingJson.write(b, n, idJson, reader.read(text, language, brands));
    } catch (RuntimeException e) {
      b.setLength(0);
      ReadingJson.error(b, n, idJson, "could not read this post: " + e);
    }
  }
}
