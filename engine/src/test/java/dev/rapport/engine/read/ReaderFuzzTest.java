package dev.rapport.engine.read;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.engine.fuzz.Fuzz;
import dev.rapport.engine.fuzz.Mutators;
import dev.rapport.engine.fuzz.Wtf8;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** No input makes a reader, the profiler or the command-line entry throw. */
class ReaderFuzzTest {

  private static final PostReader READER = PostReader.create();
  private static final BrandSet BRANDS =
      BrandSet.of(List.of("Acme", "@acmehq", "#acme", "Acme Cloud"), List.of("Globex"));

  private static final String[] PIECES = {
    "Acme",
    "@acmehq",
    "#acme",
    "Globex",
    "not",
    "never",
    "but",
    "looking for",
    "a CRM",
    "job",
    "is down",
    "again",
    "charged me twice",
    "\"",
    "\u201C",
    "\u201D",
    "'",
    "!",
    "!!!",
    "?",
    ".",
    ":)",
    ":(",
    "<3",
    "😍",
    "😡",
    "👍🏽",
    "👨‍👩‍👧",
    "🇯🇵",
    "\uD83D",
    "\uDE00",
    "\u0000",
    "\n",
    "\r\n",
    "\t",
    "  ",
    "SOOOO",
    "goooood",
    "$5M",
    "http://x.y/z?a=b",
    "www.",
    "#",
    "@",
    "$",
    "é",
    "ß",
    "\u0301",
    "\u200D",
    "\uFE0F",
    "مرحبا",
    "привет",
    "你好",
    "שלום",
    "passed away",
    "laid off",
    "we're hiring",
    "karaoke",
    "series A",
    "...",
    "-",
    "&",
    "'s",
    "n't",
    "I'm",
    "who",
    "recommend"
  };

  @Test
  void randomPostsAreReadWithEvidenceInsideTheText() {
    Random random = new Random(20261123);
    for (int n = 0; n < 5_000; n++) {
      String text = randomPost(random);
      Reading r = READER.read(text, BRANDS);
      assertThat(r.language()).isNotBlank();
      r.sentiment()
          .ifPresent(
              s -> {
                assertThat(s.score()).isBetween(-1.0, 1.0);
                s.evidence().forEach(e -> PostReaderTest.assertSpan(text, e));
              });
      r.intents().forEach(i -> i.evidence().forEach(e -> PostReaderTest.assertSpan(text, e)));
      r.events().forEach(i -> i.evidence().forEach(e -> PostReaderTest.assertSpan(text, e)));
      r.topics().forEach(i -> i.evidence().forEach(e -> PostReaderTest.assertSpan(text, e)));
    }
  }

  /**
   * The corpus under src/test/resources/fuzz/reader and mutations of it: every reader answers,
   * scores and confidences stay in range, every evidence span lies inside the text and quotes it,
   * and the profiler's weights stay in [0, 1].
   */
  @Test
  void corpusAndItsMutationsAreReadWithScoresInRangeAndEvidenceInsideTheText() {
    Fuzz.target("reader", "txt", Mutators.text(PIECES))
        .tries(400)
        .run(input -> check(Wtf8.decode(input)));
  }

  static void check(String text) {
    for (Reading r : List.of(READER.read(text, BRANDS), READER.read(text, "en", BRANDS))) {
      assertThat(r.language()).isNotBlank();
      r.sentiment()
          .ifPresent(
              s -> {
                assertThat(s.score()).isBetween(-1.0, 1.0);
                s.evidence().forEach(e -> assertInside(text, e));
              });
      r.intents()
          .forEach(
              i -> {
                assertThat(i.confidence()).isBetween(0.0, 1.0);
                i.evidence().forEach(e -> assertInside(text, e));
              });
      r.events()
          .forEach(
              i -> {
                assertThat(i.confidence()).isBetween(0.0, 1.0);
                i.evidence().forEach(e -> assertInside(text, e));
              });
      r.topics()
          .forEach(
              i -> {
                assertThat(i.weight()).isBetween(0.0, 1.0);
                i.evidence().forEach(e -> assertInside(text, e));
              });
    }
    assertThat(InterestProfiler.create().profile(List.of(new InterestProfiler.Post("p", text))))
        .allSatisfy(i -> assertThat(i.weight()).isBetween(0.0, 1.0));
  }

  private static void assertInside(String text, Evidence e) {
    assertThat(e.start()).as(text).isBetween(0, e.end());
    assertThat(e.end()).as(text).isLessThanOrEqualTo(text.length());
    assertThat(text.substring(e.start(), e.end())).as(text).isEqualTo(e.text());
  }

  @Test
  void oddTextsAreReadToo() {
    for (String text :
        List.of(
            "",
            " ",
            "\"",
            "\"\"\"",
            "!!!!!!!!",
            "?".repeat(10_000),
            "a".repeat(50_000),
            "😍".repeat(20_000),
            "\uD83D".repeat(100),
            "not ".repeat(5_000),
            "#",
            "@",
            "$",
            "Acme ".repeat(4_000),
            "\u0000\u0001\u0002")) {
      assertThat(READER.read(text, BRANDS)).isNotNull();
      assertThat(READER.read(text, "", null)).isNotNull();
    }
    assertThat(READER.read(null, BRANDS).sentiment()).isPresent();
  }

  @Test
  void profilerTakesAnyPosts() {
    Random random = new Random(5);
    List<InterestProfiler.Post> posts =
        java.util.stream.IntStream.range(0, 500)
            .mapToObj(i -> new InterestProfiler.Post("p" + i, randomPost(random)))
            .toList();
    assertThat(InterestProfiler.create().profile(posts))
        .allSatisfy(i -> assertThat(i.weight()).isBetween(0.0, 1.0));
  }

  @Test
  void commandLineAnswersEveryLineWithOneJsonObject() throws Exception {
    Random random = new Random(99);
    StringBuilder in = new StringBuilder();
    int lines = 2_000;
    for (int n = 0; n < lines; n++) {
      String text = JsonLines.quote(randomPost(random).replace('\n', ' ').replace('\r', ' '));
      String line =
          switch (random.nextInt(5)) {
            case 0 -> "{\"id\":" + n + ",\"text\":" + text + "}";
            case 1 -> "{\"text\":" + text + ",\"lang\":\"en\"}";
            case 2 -> randomPost(random).replace('\n', ' ').replace('\r', ' ');
            case 3 -> "{\"text\":" + text;
            default -> "[" + text + "]";
          };
      in.append(line.isBlank() ? "x" : line).append('\n');
    }
    StringWriter out = new StringWriter();
    ReadCli.run(new StringReader(in.toString()), out, READER, BRANDS);
    String[] written = out.toString().split("\n");
    assertThat(written).hasSize(lines);
    for (int n = 0; n < lines; n++) {
      assertThat(JsonLines.object(written[n]).get("line")).isEqualTo(n + 1);
    }
  }

  static String randomPost(Random random) {
    StringBuilder b = new StringBuilder();
    int pieces = random.nextInt(25);
    for (int i = 0; i < pieces; i++) {
      if (random.nextInt(4) == 0) {
        b.append((char) random.nextInt(0x10000));
      } else {
        b.append(PIECES[random.nextInt(PIECES.length)]);
      }
      if (random.nextBoolean()) {
        b.append(' ');
      }
    }
    return b.toString();
  }
}
