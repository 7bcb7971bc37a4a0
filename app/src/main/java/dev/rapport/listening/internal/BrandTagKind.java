package dev.rapport.listening.internal;

/**
 * What a brand tag names. A {@link #HANDLE} is written {@code @name} in posts; the others are
 * hashtags ({@code #name}): a campaign hashtag, a product's tag, a tag on a photo site.
 */
enum BrandTagKind {
  HASHTAG,
  HANDLE,
  PRODUCT,
  PHOTO_SITE;

  char prefix() {
    return this == HANDLE ? '@' : '#';
  }
}
