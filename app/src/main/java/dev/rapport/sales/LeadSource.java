package dev.rapport.sales;

/** Where a lead came from. */
public enum LeadSource {
  LISTENING_RULE,
  CAMPAIGN,
  REFERRAL,
  IMPORT,
  MANUAL
}
