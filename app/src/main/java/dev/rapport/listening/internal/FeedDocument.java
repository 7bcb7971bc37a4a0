package dev.rapport.listening.internal;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.jsoup.select.Elements;

/**
 * One fetched feed, read as liberally as a good feed reader reads it: RSS 0.9x, 1.0 and 2.0 (with
 * or without a channel element, with the Netscape DOCTYPE and HTML entities) and Atom 0.3 and 1.0,
 * bare ampersands and all. jsoup's XML parser never loads a DTD or expands a declared entity, so a
 * hostile document cannot reach a file or blow up memory. Titles are plain text unless they carry
 * HTML markup; descriptions give their text and their links; relative links resolve against
 * xml:base, the Content-Location or the feed's address; dates come from every element feeds use and
 * stay null when unknown.
 */
final class FeedDocument {

  /** What the feed says about itself. */
  record Feed(
      String title,
      String link,
      String author,
      String language,
      List<Entry> entries,
      String note) {}

  /** One item or entry; published is null when the feed gives no readable date. */
  record Entry(
      String id,
      boolean idIsGlobal,
      String link,
      String title,
      String text,
      List<String> links,
      Instant published,
      String language,
      String author) {}

  private static final Pattern HTML_MARKUP =
      Pattern.compile(
          "(?i)<(/?)(a|abbr|acronym|b|big|blockquote|br|cite|code|div|em|font|h[1-6]|hr|i|img"
              + "|li|ol|p|pre|q|s|small|span|strike|strong|sub|sup|table|td|tr|u|ul)(\\s[^>]*)?/?>"
              + "|&(#\\d+|#x[0-9a-f]+|[a-z]+);");
  private static final String[] DATE_TAGS = {
    "pubDate",
    "published",
    "dc:date",
    "dcterms:issued",
    "issued",
    "dcterms:created",
    "created",
    "updated",
    "dcterms:modified",
    "modified",
    "a10:updated"
  };

  private FeedDocument() {}

  static Feed parse(byte[] body, String contentType, URI documentUri, String contentLocation) {
    FeedCharset.Decoded decoded = FeedCharset.decode(body, contentType);
    Document doc = Jsoup.parse(decoded.text(), "", Parser.xmlParser());
    Element root = root(doc);
    if (root == null) {
      throw new IllegalArgumentException("not a feed: no rss, RDF or feed element");
    }
    URI docBase = documentUri;
    if (contentLocation != null && !contentLocation.isBlank()) {
      URI loc = resolveUri(documentUri, contentLocation.strip());
      docBase = loc != null ? loc : documentUri;
    }
    boolean atom = root.tagName().equalsIgnoreCase("feed");
    Element channel = first(root, "channel");
    Element head = channel != null ? channel : root;
    String title = plain(childText(head, "title", "dc:title"), isHtml(head, "title"));
    String feedLink = atom ? atomLink(head, base(head, docBase)) : rssLink(head, docBase);
    String author = childText(head, "managingEditor", "dc:creator", "author");
    if (atom && first(head, "author") != null) {
      author = childText(first(head, "author"), "name");
    }
    String language = firstNonBlank(childText(head, "language", "dc:language"), lang(root));
    List<Entry> entries = new ArrayList<>();
    Elements items = root.getElementsByTag(atom ? "entry" : "item");
    for (Element item : items) {
      URI itemBase =
          atom ? base(item, docBase) : feedLink != null ? uri(feedLink, docBase) : docBase;
      entries.add(entry(item, atom, itemBase, language));
    }
    return new Feed(title, feedLink, blankToNull(author), language, entries, decoded.note());
  }

  private static Entry entry(Element item, boolean atom, URI base, String feedLanguage) {
    String title = plain(childText(item, "title", "dc:title"), isHtml(item, "title"));
    String link = atom ? atomLink(item, base) : rssLink(item, base);
    Element content =
        firstOf(item, "content:encoded", "content", "description", "summary", "dc:description");
    String text = "";
    Set<String> links = new LinkedHashSet<>();
    if (content != null) {
      String raw = contentValue(content);
      Document html = Jsoup.parseBodyFragment(raw, base == null ? "" : base.toString());
      text = isPlainTextContent(content, raw) ? raw.strip() : html.text().strip();
      for (Element a : html.select("a[href]")) {
        String href = a.absUrl("href");
        if (href.startsWith("http://") || href.startsWith("https://")) {
          links.add(href);
        }
      }
    }
    String guid = childText(item, atom ? "id" : "guid");
    boolean global = guid != null && looksGlobal(guid);
    if (guid == null || guid.isBlank()) {
      guid = link;
      global = link != null;
    }
    Instant published = null;
    for (String tag : DATE_TAGS) {
      String value = childText(item, tag);
      if (value != null) {
        published = FeedDates.parse(value);
        if (published != null) {
          break;
        }
      }
    }
    String author = childText(item, "dc:creator", "author");
    if (atom && first(item, "author") != null) {
      author = childText(first(item, "author"), "name");
    }
    String language = firstNonBlank(childText(item, "dc:language"), lang(item), feedLanguage);
    return new Entry(
        blankToNull(guid),
        global,
        link,
        title,
        text,
        List.copyOf(links),
        published,
        language,
        blankToNull(author));
  }

  /** An Atom id or RSS guid that names itself: a URL or another scheme (tag:, urn:). */
  private static boolean looksGlobal(String id) {
    String s = id.strip().toLowerCase(Locale.ROOT);
    return s.startsWith("http://")
        || s.startsWith("https://")
        || s.startsWith("tag:")
        || s.startsWith("urn:");
  }

  private static Element root(Document doc) {
    for (Element e : doc.children()) {
      String n = e.tagName().toLowerCase(Locale.ROOT);
      if (n.equals("rss") || n.equals("rdf:rdf") || n.equals("feed") || n.equals("rdf")) {
        return e;
      }
    }
    Elements rss = doc.getElementsByTag("rss");
    if (!rss.isEmpty()) {
      return rss.first();
    }
    Elements feed = doc.getElementsByTag("feed");
    return feed.isEmpty() ? null : feed.first();
  }

  private static String contentValue(Element content) {
    if ("xhtml".equalsIgnoreCase(content.attr("type"))) {
      return content.html();
    }
    String mode = content.attr("mode");
    String value = content.wholeText();
    if ("base64".equalsIgnoreCase(mode)) {
      try {
        return new String(
            java.util.Base64.getMimeDecoder().decode(value.strip()),
            java.nio.charset.StandardCharsets.UTF_8);
      } catch (IllegalArgumentException e) {
        return "";
      }
    }
    return value;
  }

  private static boolean isPlainTextContent(Element content, String raw) {
    String type = content.attr("type").toLowerCase(Locale.ROOT);
    if (type.equals("text") || type.equals("text/plain")) {
      return true;
    }
    return false;
  }

  /** Whether a title element is marked as, or looks like, HTML rather than plain text. */
  private static boolean isHtml(Element parent, String tag) {
    Element e = first(parent, tag);
    if (e == null) {
      return false;
    }
    String type = e.attr("type").toLowerCase(Locale.ROOT);
    if (type.equals("html") || type.equals("text/html") || type.equals("xhtml")) {
      return true;
    }
    if (type.equals("text") || type.equals("text/plain")) {
      return false;
    }
    return HTML_MARKUP.matcher(e.wholeText()).find();
  }

  private static String plain(String value, boolean html) {
    if (value == null) {
      return "";
    }
    return html
        ? Jsoup.parse(value).text().strip()
        : value.replace('\u00A0', ' ').strip().replaceAll("\\s+", " ");
  }

  private static String rssLink(Element parent, URI base) {
    for (Element child : parent.children()) {
      if (child.tagName().equalsIgnoreCase("link") && !child.hasAttr("href")) {
        String u = resolve(base, child.wholeText());
        if (u != null) {
          return u;
        }
      }
    }
    return atomLink(parent, base);
  }

  private static String atomLink(Element parent, URI base) {
    String fallback = null;
    for (Element child : parent.children()) {
      String name = child.tagName().toLowerCase(Locale.ROOT);
      if ((name.equals("link") || name.equals("atom:link")) && child.hasAttr("href")) {
        String rel = child.attr("rel");
        String u = resolve(base(child, base), child.attr("href"));
        if (u != null && (rel.isEmpty() || rel.equals("alternate"))) {
          return u;
        }
        fallback = fallback == null && !rel.equals("self") ? u : fallback;
      }
    }
    return fallback;
  }

  /** The base URI in effect at an element: every xml:base from the root down, resolved in turn. */
  private static URI base(Element e, URI documentBase) {
    List<String> bases = new ArrayList<>();
    for (Element at = e; at != null; at = at.parent()) {
      if (at.hasAttr("xml:base")) {
        bases.add(0, at.attr("xml:base").strip());
      }
    }
    URI base = documentBase;
    for (String b : bases) {
      URI next = resolveUri(base, b);
      base = next != null ? next : base;
    }
    return base;
  }

  private static String lang(Element e) {
    for (Element at = e; at != null; at = at.parent()) {
      if (at.hasAttr("xml:lang") && !at.attr("xml:lang").isBlank()) {
        return at.attr("xml:lang").strip();
      }
    }
    return null;
  }

  private static String resolve(URI base, String link) {
    if (link == null || link.isBlank()) {
      return null;
    }
    URI u = resolveUri(base, link.strip());
    if (u == null) {
      return null;
    }
    String scheme = u.getScheme();
    return "http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme)
        ? u.toString()
        : null;
  }

  private static URI resolveUri(URI base, String link) {
    try {
      String cleaned = link.replace(" ", "%20");
      return base == null ? new URI(cleaned) : base.resolve(cleaned);
    } catch (java.net.URISyntaxException | IllegalArgumentException e) {
      return null;
    }
  }

  private static URI uri(String value, URI fallback) {
    URI u = resolveUri(null, value);
    return u != null && u.isAbsolute() ? u : fallback;
  }

  private static Element first(Element parent, String tag) {
    for (Element child : parent.children()) {
      if (child.tagName().equalsIgnoreCase(tag)) {
        return child;
      }
    }
    return null;
  }

  private static Element firstOf(Element parent, String... tags) {
    for (String tag : tags) {
      Element e = first(parent, tag);
      if (e != null && !e.wholeText().isBlank() || e != null && e.children().size() > 0) {
        return e;
      }
    }
    return null;
  }

  private static String childText(Element parent, String... tags) {
    for (String tag : tags) {
      Element e = first(parent, tag);
      if (e != null) {
        String t = e.children().isEmpty() ? e.wholeText() : e.text();
        if (!t.isBlank()) {
          return t;
        }
      }
    }
    return null;
  }

  private static String firstNonBlank(String... values) {
    for (String v : values) {
      if (v != null && !v.isBlank()) {
        return v.strip();
      }
    }
    return null;
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
