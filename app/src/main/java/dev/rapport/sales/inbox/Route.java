package dev.rapport.sales.inbox;

/**
 * A routing rule: every criterion that is not null must match the item (listening rule id, reading
 * key, network key, language, the person's owner, whether the person fits the ICP); it assigns to a
 * user or, round-robin, to the members of a team.
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
    Long assignTeamId) {

  /** What an item offers to match against. */
  record Facts(
      java.util.List<String> ruleIds,
      java.util.List<String> readings,
      String network,
      String language,
      Long ownerUserId,
      Boolean icpFit) {}

  boolean matches(Facts f) {
    return enabled
        && (listeningRuleId == null || f.ruleIds().contains(listeningRuleId))
        && (reading == null || f.readings().contains(reading))
        && (network == null || network.equalsIgnoreCase(f.network()))
        && (language == null || (f.language() != null && language.equalsIgnoreCase(f.language())))
        && (ownerUserId == null || ownerUserId.equals(f.ownerUserId()))
        && (icpFit == null || icpFit.equals(f.icpFit()));
  }
}
