package dev.rapport.people;

import java.util.Locale;

/** The social networks a person's identity can live on. */
public enum Network {
  X,
  MASTODON,
  BLUESKY,
  LINKEDIN,
  REDDIT,
  YOUTUBE,
  FLICKR,
  BLOG,
  OTHER;

  /** Reads a network name in any case ("x", "Mastodon"); throws naming the allowed values. */
  public static Network parse(String name) {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("network is required");
    }
    try {
      return valueOf(name.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "unknown network '"
              + name
              + "'; use one of x, mastodon, bluesky, linkedin, reddit, youtube, flickr, blog, other");
    }
  }

  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }
}
