package dev.rapport.sales;

/** Where an opportunity came from; a source other than MANUAL may carry a reference (an id). */
public enum DealSource {
  INBOX_ITEM,
  LEAD,
  CAMPAIGN,
  REFERRAL,
  MANUAL
}
