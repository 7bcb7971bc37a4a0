package dev.rapport.listening.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Feeds as they really are, each case the behaviour a good feed reader (and the RSS, Atom, XML and
 * HTTP specifications) promise: whole feeds that strict parsers refuse, text that must stay text,
 * the dates feeds really write, encodings declared wrongly, relative links and languages per entry.
 */
class FeedDocumentTest {

  private static final URI FEED = URI.create("https://example.org/feeds/main.xml");

  private static FeedDocument.Feed parse(String xml) {
    return FeedDocument.parse(xml.getBytes(StandardCharsets.UTF_8), null, FEED, null);
  }

  @Test
  void rssWithoutAChannelElementStillGivesItsItems() {
    FeedDocument.Feed feed =
        parse(
            "<rss version=\"2.0\"><title>Loose</title><item><title>One</title>"
                + "<link>https://example.org/1</link></item></rss>");
    assertThat(feed.entries()).extracting(FeedDocument.Entry::title).containsExactly("One");
    assertThat(feed.entries().get(0).link()).isEqualTo("https://example.org/1");
  }

  @Test
  void theNetscapeDoctypeAndHtmlEntitiesAreRead() {
    FeedDocument.Feed feed =
        parse(
            "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n"
                + "<!DOCTYPE rss PUBLIC \"-//Netscape Communications//DTD RSS 0.91//EN\"\n"
                + " \"http://my.netscape.com/publish/formats/rss-0.91.dtd\">\n"
                + "<rss version=\"0.91\"><channel><title>Caf&eacute; news</title>"
                + "<item><title>Cr&egrave;me&nbsp;br&ucirc;l&eacute;e &copy; 2004</title>"
                + "<link>http://example.org/a?x=1&y=2</link></item></channel></rss>");
    assertThat(feed.title()).isEqualTo("Café news");
    assertThat(feed.entries().get(0).title()).isEqualTo("Crème brûlée © 2004");
    assertThat(feed.entries().get(0).link()).isEqualTo("http://example.org/a?x=1&y=2");
  }

  @Test
  void declaredEntitiesAreNeverExpandedNorExternalOnesFetched() {
    FeedDocument.Feed feed =
        parse(
            "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY a \"aaaaaaaaaa\">"
                + "<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;\">"
                + "<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>"
                + "<rss><channel><item><title>t &c; &xxe;</title></item></channel></rss>");
    String title = feed.entries().get(0).title();
    assertThat(title).doesNotContain("aaaaaaaaaa").doesNotContain("root:");
    assertThat(title.length()).isLessThan(40);
  }

  @Test
  void atom03Base64ContentIsDecoded() {
    String html =
        java.util.Base64.getEncoder().encodeToString("<p>Hello <b>there</b></p>".getBytes());
    FeedDocument.Feed feed =
        parse(
            "<feed version=\"0.3\" xmlns=\"http://purl.org/atom/ns#\"><title>Old</title><entry>"
                + "<title>Hi</title><id>tag:example.org,2004:1</id>"
                + "<issued>2004-01-01T10:00:00Z</issued>"
                + "<content type=\"text/html\" mode=\"base64\">"
                + html
                + "</content></entry></feed>");
    FeedDocument.Entry e = feed.entries().get(0);
    assertThat(e.text()).isEqualTo("Hello there");
    assertThat(e.published()).isEqualTo(Instant.parse("2004-01-01T10:00:00Z"));
    assertThat(e.idIsGlobal()).isTrue();
  }

  @Test
  void aPlainTextTitleKeepsWhatLooksLikeATagAndAnHtmlTitleBecomesText() {
    FeedDocument.Feed feed =
        parse(
            "<rss><channel><item><title>History of the &lt;blink&gt; tag</title></item>"
                + "<item><title>&lt;b&gt;Bold&lt;/b&gt; move</title></item>"
                + "<item><title><![CDATA[Q&A: P&L]]></title></item>"
                + "<item><dc:title xmlns:dc=\"http://purl.org/dc/elements/1.1/\">From DC</dc:title>"
                + "</item></channel></rss>");
    assertThat(feed.entries())
        .extracting(FeedDocument.Entry::title)
        .containsExactly("History of the <blink> tag", "Bold move", "Q&A: P&L", "From DC");
  }

  @Test
  void linksInsideAnHtmlDescriptionAreKeptResolved() {
    FeedDocument.Feed feed =
        parse(
            "<rss><channel><link>https://example.org/blog/</link><item><title>t</title>"
                + "<description>&lt;p&gt;See &lt;a href=\"https://msn.com/news/1\"&gt;this&lt;/a&gt;"
                + " and &lt;a href=\"/about\"&gt;us&lt;/a&gt;&lt;/p&gt;</description>"
                + "</item></channel></rss>");
    FeedDocument.Entry e = feed.entries().get(0);
    assertThat(e.text()).isEqualTo("See this and us");
    assertThat(e.links()).containsExactly("https://msn.com/news/1", "https://example.org/about");
  }

  @Test
  void xmlBaseAndContentLocationResolveRelativeLinks() {
    String atom =
        "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:base=\"https://a.example/blog/\">"
            + "<entry xml:base=\"2024/\"><id>urn:x:1</id><title>t</title>"
            + "<link href=\"post.html\"/></entry></feed>";
    assertThat(parse(atom).entries().get(0).link())
        .isEqualTo("https://a.example/blog/2024/post.html");
    String plain =
        "<feed xmlns=\"http://www.w3.org/2005/Atom\"><entry><id>urn:x:2</id><title>t</title>"
            + "<link href=\"p/2\"/></entry></feed>";
    FeedDocument.Feed moved =
        FeedDocument.parse(
            plain.getBytes(StandardCharsets.UTF_8), null, FEED, "https://mirror.example/x/feed");
    assertThat(moved.entries().get(0).link()).isEqualTo("https://mirror.example/x/p/2");
  }

  @Test
  void eachEntryKeepsItsOwnLanguage() {
    FeedDocument.Feed feed =
        parse(
            "<rss xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><channel><language>en-us</language>"
                + "<item><title>a</title></item>"
                + "<item><title>b</title><dc:language>fr</dc:language></item>"
                + "<item xml:lang=\"de\"><title>c</title></item></channel></rss>");
    assertThat(feed.entries())
        .extracting(FeedDocument.Entry::language)
        .containsExactly("en-us", "fr", "de");
  }

  @Test
  void aPlainGuidIsScopedToItsFeedAndAUrlGuidIsNot() {
    String xml =
        "<rss><channel><item><guid isPermaLink=\"false\">abc</guid><title>t</title></item>"
            + "<item><guid>https://example.org/p/9</guid><title>u</title></item></channel></rss>";
    FeedDocument.Feed feed = parse(xml);
    URI other = URI.create("https://other.example/rss");
    String first = FeedConnector.nativeId(FEED, feed.entries().get(0));
    assertThat(first).isNotEqualTo(FeedConnector.nativeId(other, feed.entries().get(0)));
    assertThat(first).isEqualTo(FEED + "#abc");
    assertThat(FeedConnector.nativeId(other, feed.entries().get(1)))
        .isEqualTo("https://example.org/p/9");
  }

  @Test
  void anItemWithoutADateHasNoTimeRatherThanTheFetchTime() {
    FeedDocument.Feed feed = parse("<rss><channel><item><title>t</title></item></channel></rss>");
    assertThat(feed.entries().get(0).published()).isNull();
  }

  // ---- encodings ----

  @Test
  void theHttpCharsetWinsOverTheXmlDeclaration() {
    byte[] body =
        "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><rss><channel><item><title>Zoë ☃</title></item></channel></rss>"
            .getBytes(StandardCharsets.UTF_8);
    FeedDocument.Feed feed =
        FeedDocument.parse(body, "application/rss+xml; charset= \"utf-8\"", FEED, null);
    assertThat(feed.entries().get(0).title()).isEqualTo("Zoë ☃");
    assertThat(feed.note()).isNull();
  }

  @Test
  void windows1252QuotesDeclaredAsLatin1SurviveAsCurlyQuotes() {
    byte[] body =
        "<?xml version=\"1.0\" encoding=\"iso-8859-1\"?><rss><channel><item><title>don\u2019t</title></item></channel></rss>"
            .getBytes(Charset.forName("windows-1252"));
    assertThat(FeedDocument.parse(body, null, FEED, null).entries().get(0).title())
        .isEqualTo("don\u2019t");
  }

  @Test
  void undeclaredBytesThatAreNotUtf8AreReadAsWindows1252AndSaidSo() {
    byte[] body =
        "<rss><channel><item><title>caf\u00e9 \u2019</title></item></channel></rss>"
            .getBytes(Charset.forName("windows-1252"));
    FeedDocument.Feed feed = FeedDocument.parse(body, null, FEED, null);
    assertThat(feed.entries().get(0).title())
        .isEqualTo("caf\u00e9 \u2019")
        .doesNotContain("\uFFFD");
    assertThat(feed.note()).contains("windows-1252");
  }

  @ParameterizedTest
  @ValueSource(strings = {"UTF-16LE-BOM", "UTF-16BE-BOM", "UTF-32BE-BOM", "UTF-32LE", "UTF-16LE"})
  void utf16AndUtf32FeedsAreRead(String form) {
    String xml =
        "<?xml version=\"1.0\"?><rss><channel><item><title>Grüße ☃</title></item></channel></rss>";
    String charset = form.replace("-BOM", "");
    if (form.equals("UTF-16LE")) {
      xml = xml.replace("<?xml version=\"1.0\"?>", "<?xml version=\"1.0\" encoding=\"UTF-16LE\"?>");
    }
    byte[] text = xml.getBytes(Charset.forName(charset));
    byte[] bom = form.endsWith("BOM") ? "\uFEFF".getBytes(Charset.forName(charset)) : new byte[0];
    byte[] body = new byte[bom.length + text.length];
    System.arraycopy(bom, 0, body, 0, bom.length);
    System.arraycopy(text, 0, body, bom.length, text.length);
    assertThat(FeedDocument.parse(body, null, FEED, null).entries().get(0).title())
        .isEqualTo("Grüße ☃");
  }

  // ---- dates ----

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          Thu, 01 Jan 2004 19:48:21 GMT        | 2004-01-01T19:48:21Z
          Thu,01 Jan 2004 19:48:21 GMT         | 2004-01-01T19:48:21Z
          Thursday, 01 Jan 2004 19:48:21 GMT   | 2004-01-01T19:48:21Z
          01 Jan 2004 19:48:21 GMT             | 2004-01-01T19:48:21Z
          Thu, 1 Jan 2004 19:48 GMT            | 2004-01-01T19:48:00Z
          Thu, 01 Jan 04 19:48:21 GMT          | 2004-01-01T19:48:21Z
          Thu, 01 Jan 99 19:48:21 GMT          | 1999-01-01T19:48:21Z
          Thu, 01 Jan 2004 19:48:21 -0000      | 2004-01-01T19:48:21Z
          Thu, 01 Jan 2004 19:48:21 +0530      | 2004-01-01T14:18:21Z
          Thu, 01 Jan 2004 19:48:21 EST        | 2004-01-02T00:48:21Z
          Thu, 01 Jan 2004 19:48:21 PDT        | 2004-01-02T02:48:21Z
          Thu, 01 Jan 2004 19:48:21 UT         | 2004-01-01T19:48:21Z
          Thu, 01 Jan 2004 19:48:21 Z          | 2004-01-01T19:48:21Z
          Thu, 01 Jan 2004                     | 2004-01-01T00:00:00Z
          Thu, 01 January 2004 19:48:21 GMT    | 2004-01-01T19:48:21Z
          Wed, 01 Sept 2004 19:48:21 GMT       | 2004-09-01T19:48:21Z
          Thu, 01 Jan 2004 19:48:21 GMT+01:00  | 2004-01-01T18:48:21Z
          2003-12-31T10:14:55Z                 | 2003-12-31T10:14:55Z
          2003-12-31T10:14:55-08:00            | 2003-12-31T18:14:55Z
          2003-12-31T10:14:55.123+01:00        | 2003-12-31T09:14:55.123Z
          2003-12-31T10:14:55+0100             | 2003-12-31T09:14:55Z
          2003-12-31T10:14:55+01               | 2003-12-31T09:14:55Z
          2003-12-31T10:14Z                    | 2003-12-31T10:14:00Z
          2003-12-31 10:14:55                  | 2003-12-31T10:14:55Z
          20031231T101455Z                     | 2003-12-31T10:14:55Z
          2003-12-31                           | 2003-12-31T00:00:00Z
          2003-12                              | 2003-12-01T00:00:00Z
          2003                                 | 2003-01-01T00:00:00Z
          """)
  void readsTheDateFormsFeedsReallyUse(String value, String expected) {
    assertThat(FeedDates.parse(value)).isEqualTo(Instant.parse(expected));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "Thu, 01 Jan 2004 25:48:21 GMT",
        "Thu, 31 Jun 2004 19:48:21 GMT",
        "Thu, 01 Foo 2004 19:48:21 GMT",
        "Thu, 01 Jan 2004 19:61:21 GMT",
        "Thu, 01 Jan 2004 19:48:21 XYZ",
        "2003-13-01",
        "2003-02-30T10:00:00Z",
        "2003-12-31T24:30:00Z",
        "2003-12-31T10:14:55+25:00",
        "yesterday",
        "",
        "0"
      })
  void refusesImpossibleDatesInsteadOfRollingThemOver(String value) {
    assertThat(FeedDates.parse(value)).isNull();
  }
}
