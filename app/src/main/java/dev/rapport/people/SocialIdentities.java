package dev.rapport.people;

/**
 * Ties the author of a social post to a person: the listening feature calls it for every captured
 * post. An identity already known by profile URL or by handle on the same network returns its
 * person; otherwise a person is created, and a merge is proposed when a person with the same name
 * works at the company whose domain the profile points to.
 */
public interface SocialIdentities {

  /** A post's author as a source reports it. */
  record Author(
      Network network,
      String handle,
      String profileUrl,
      String displayName,
      String bio,
      Integer followers) {}

  /**
   * Resolves many authors at once, as {@link #resolveAuthor} does each: the persons in input order.
   * Authors nobody knows yet are created together in one short transaction, with a few statements
   * for all of them instead of several each.
   */
  java.util.List<PersonId> resolveAuthors(java.util.List<Author> authors);

  /**
   * The persons these authors are already linked to (by handle on the same network), in input
   * order, null where none: nothing is created or changed. A merged person answers as the person it
   * was merged into.
   */
  java.util.List<PersonId> knownAuthors(java.util.List<Author> authors);

  PersonId resolveAuthor(
      Network network,
      String handle,
      String profileUrl,
      String displayName,
      String bio,
      Integer followers);
}
