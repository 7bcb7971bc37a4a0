package dev.rapport.sales.inbox;

/**
 * A routing rule: every criterion that is not null must match the item (listening rule id, reading
 * key, network key, language, the person's owner, whether the person fits the ICP, the territory
 * where the person's account is); it assigns to a user or, round-robin, to the members of a team.
 */
record Route(
    long id,
    int position,
    String name,
    boolean enabled,
    String listeningRuleId,
    String reading,
    String network,
    String language,
    Long ownerUserId,
    Boolean icpFit,
    Long assignUserId,
    Long assignTeamId,
    String territory) {

  /** What an item offers to match against; {@code location} is the person's account's. */
  record Facts(
      java.util.List<String> ruleIds,
      java.util.List<String> readings,
      String network,
      String language,
      Long ownerUserId,
      Boolean icpFit,
      String location) {}

  boolean matches(Facts f) {
    return enabled
        && (listeningRuleId == null || f.ruleIds().contains(listeningRuleId))
        && (reading == null || f.readings().contains(reading))
        && (network == null || network.equalsIgnoreCase(f.network()))
        && (language == null || (f.language() != null && language.equalsIgnoreCase(f.language())))
        && (ownerUserId == null || ownerUserId.equals(f.ownerUserId()))
        && (icpFit == null || icpFit.equals(f.icpFit()))
        && (territory == null || inTerritory(territory, f.location()));
  }

  /**
   * Whether the location ("Berlin, Germany") lies in one of the territory's places ("Germany,
   * Austria"): a place matches as whole words, ignoring case, so "India" does not match "Indiana".
   */
  static boolean inTerritory(String territory, String location) {
    if (location == null || location.isBlank()) {
      return false;
    }
    String where = " " + words(location) + " ";
    for (String place : territory.split(",")) {
      String p = words(place);
      if (!p.isEmpty() && where.contains(" " + p + " ")) {
        return true;
      }
    }
    return false;
  }

  /** Lower-case words separated by single spaces; punctuation between words is a space. */
  static String words(String text) {
    return text.toLowerCase(java.util.Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
  }
}
