package dev.rapport.people;

import java.util.List;

/**
 * The identities of erased persons, which listening must not bring back: it asks before it ties a
 * post's author to a person and refuses the posts of blocked authors. Only salted hashes of the
 * normalised handle (with its network) and profile URL are kept, never the identity itself.
 */
public interface ErasureBlocklist {

  /**
   * For each author, in order, whether their handle on that network or their profile URL belongs to
   * an erased person. Answers from a snapshot at most a few seconds old; erasures made by this
   * instance are seen at once.
   */
  List<Boolean> blocked(List<SocialIdentities.Author> authors);
}
