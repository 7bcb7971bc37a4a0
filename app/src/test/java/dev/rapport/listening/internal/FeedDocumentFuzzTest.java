package dev.rapport.listening.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.engine.fuzz.Fuzz;
import dev.rapport.engine.fuzz.Mutators;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Feed parsing under the fuzzer (corpus in src/test/resources/fuzz/feed): any bytes give a feed or
 * the documented "not a feed" refusal, never another exception; no entity is expanded (no text
 * grows past the document, so a billion-laughs bomb stays small) and nothing external is loaded: a
 * server on a local port and a file with a marker stand in for the targets of every SYSTEM entity,
 * external DTD and XInclude the corpus and the mutations write ({@code FETCH_ME}, {@code READ_ME}),
 * and neither may be touched.
 */
class FeedDocumentFuzzTest {

  private static final URI FEED = URI.create("https://example.org/feeds/main.xml");
  private static final String MARKER = "SECRET-MARKER-7f3a";
  private static final String[] XML_TOKENS = {
    "<item>",
    "</item>",
    "<entry>",
    "</entry>",
    "<title>",
    "</title>",
    "<title type=\"html\">",
    "<link>",
    "<link href=\"",
    "\"/>",
    "<description>",
    "</description>",
    "<content type=\"xhtml\">",
    "<content mode=\"base64\">",
    "<![CDATA[",
    "]]>",
    "<!--",
    "-->",
    "&amp;",
    "&lt;",
    "&#0;",
    "&#xD800;",
    "&#x10FFFF;",
    "&#99999999999;",
    "&eacute;",
    "&nbsp;",
    "&undefined;",
    "&",
    "xml:base=\"../../\"",
    "xml:base=\"javascript:alert(1)//\"",
    "xml:lang=\"\"",
    "<pubDate>Mon, 31 Feb 2026 25:61:61 GMT</pubDate>",
    "<updated>9999-99-99T99:99:99Z</updated>",
    "<?xml version=\"1.0\" encoding=\"UTF-16\"?>",
    "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>",
    "<?xml-stylesheet href=\"FETCH_ME\"?>",
    "<!DOCTYPE rss SYSTEM \"FETCH_ME\">",
    "<!ENTITY x SYSTEM \"READ_ME\">",
    "&x;",
    "<xi:include href=\"READ_ME\" parse=\"text\"/>",
    "<a href=\"FETCH_ME\">x</a>",
    "<script>alert(1)</script>",
    "\uFEFF",
    "\u0000",
  };

  private static ServerSocket server;
  private static final AtomicInteger fetches = new AtomicInteger();
  private static Path secret;

  @BeforeAll
  static void listen() throws IOException {
    server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread t =
        new Thread(
            () -> {
              while (!server.isClosed()) {
                try (Socket s = server.accept()) {
                  fetches.incrementAndGet();
                } catch (IOException closed) {
                  return;
                }
              }
            },
            "feed-fuzz-fetch-trap");
    t.setDaemon(true);
    t.start();
    // the trap must see a connection, or its silence would prove nothing
    try (Socket probe = new Socket(InetAddress.getLoopbackAddress(), server.getLocalPort())) {
      org.awaitility.Awaitility.await().until(() -> fetches.get() == 1);
    }
    fetches.set(0);
    secret = Files.createTempFile("feed-fuzz-", ".txt");
    Files.writeString(secret, MARKER);
  }

  @AfterAll
  static void close() throws IOException {
    server.close();
    Files.deleteIfExists(secret);
  }

  @Test
  void anyBytesGiveAFeedOrTheDocumentedRefusalWithoutExpandingOrFetching() {
    Fuzz.Mutator bytes = Mutators.bytes(XML_TOKENS);
    Fuzz.target("feed", "xml", (seed, corpus, random) -> mutate(bytes, seed, corpus, random))
        .tries(400)
        .slowAfter(3_000)
        .run(FeedDocumentFuzzTest::check);
    assertThat(fetches).as("connections to the fetch trap").hasValue(0);
  }

  private static byte[] mutate(
      Fuzz.Mutator bytes, byte[] seed, List<byte[]> corpus, SplittableRandom random) {
    byte[] mutated = bytes.mutate(seed, corpus, random);
    if (random.nextInt(8) != 0) {
      return mutated;
    }
    String bomb = entityBomb(random);
    return (bomb + new String(mutated, StandardCharsets.ISO_8859_1))
        .getBytes(StandardCharsets.ISO_8859_1);
  }

  /** A DOCTYPE with nested entities (a generated billion-laughs), external ones and their uses. */
  static String entityBomb(SplittableRandom random) {
    int depth = 2 + random.nextInt(12);
    int fanout = 2 + random.nextInt(15);
    StringBuilder dtd = new StringBuilder("<!DOCTYPE rss [<!ENTITY e0 \"");
    dtd.append("lol".repeat(1 + random.nextInt(20))).append("\">");
    for (int d = 1; d <= depth; d++) {
      dtd.append("<!ENTITY e").append(d).append(" \"");
      dtd.append(("&e" + (d - 1) + ";").repeat(fanout)).append("\">");
    }
    if (random.nextBoolean()) {
      dtd.append("<!ENTITY ext SYSTEM \"").append(random.nextBoolean() ? "FETCH_ME" : "READ_ME");
      dtd.append("\">");
    }
    if (random.nextBoolean()) {
      dtd.append("<!ENTITY % p SYSTEM \"FETCH_ME\">%p;");
    }
    dtd.append("]>");
    String use = "&e" + depth + ";" + (random.nextBoolean() ? "&ext;" : "");
    return dtd
        + "<rss><channel><title>"
        + use
        + "</title><item><title>"
        + use
        + "</title><description>"
        + use
        + "</description></item></channel></rss>";
  }

  static void check(byte[] input) {
    byte[] body =
        new String(input, StandardCharsets.ISO_8859_1)
            .replace("FETCH_ME", "http://127.0.0.1:" + server.getLocalPort() + "/trap")
            .replace("READ_ME", secret.toUri().toString())
            .getBytes(StandardCharsets.ISO_8859_1);
    for (String contentType : new String[] {null, "application/rss+xml; charset=utf-8"}) {
      FeedDocument.Feed feed;
      try {
        feed = FeedDocument.parse(body, contentType, FEED, null);
      } catch (IllegalArgumentException e) {
        assertThat(e.getMessage()).startsWith("not a feed");
        continue;
      }
      for (String text : texts(feed)) {
        assertThat(text.length())
            .as("a text longer than the document")
            .isLessThanOrEqualTo(body.length);
        assertThat(text).doesNotContain(MARKER);
      }
    }
    assertThat(fetches).as("connections to the fetch trap").hasValue(0);
  }

  private static List<String> texts(FeedDocument.Feed feed) {
    List<String> out = new ArrayList<>();
    out.add(feed.title());
    out.add(feed.author());
    out.add(feed.language());
    for (FeedDocument.Entry e : feed.entries()) {
      out.add(e.title());
      out.add(e.text());
      out.add(e.author());
      out.add(e.language());
    }
    out.removeIf(java.util.Objects::isNull);
    return out;
  }
}
