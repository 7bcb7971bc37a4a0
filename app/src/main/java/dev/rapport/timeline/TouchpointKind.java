package dev.rapport.timeline;

/** What happened at a touchpoint. Orders, invoices and deal events may carry money. */
public enum TouchpointKind {
  POST,
  REPLY,
  EMAIL,
  CALL,
  MEETING,
  NOTE,
  STAGE_CHANGE,
  DEAL_EVENT,
  ORDER,
  INVOICE,
  CASE,
  REFERRAL,
  MENTION;

  public boolean mayCarryMoney() {
    return this == ORDER || this == INVOICE || this == DEAL_EVENT;
  }

  public boolean mustCarryMoney() {
    return this == ORDER || this == INVOICE;
  }
}
