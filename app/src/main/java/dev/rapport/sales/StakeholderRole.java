package dev.rapport.sales;

/** The part a person plays in a buying decision. */
public enum StakeholderRole {
  DECISION_MAKER,
  ECONOMIC_BUYER,
  CHAMPION,
  INFLUENCER,
  EVALUATOR,
  BLOCKER,
  USER
}
