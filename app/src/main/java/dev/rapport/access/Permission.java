package dev.rapport.access;

/**
 * The permissions roles grant. Controllers check them with
 * {@code @PreAuthorize("@access.allows('PEOPLE_WRITE')")}.
 */
public enum Permission {
  PEOPLE_READ,
  PEOPLE_WRITE,
  IMPORT_RUN,
  TIMELINE_READ,
  TIMELINE_WRITE,
  LIFECYCLE_READ,
  LIFECYCLE_WRITE,
  LIFECYCLE_ADMIN,
  USERS_ADMIN,
  AUDIT_READ,
  LISTENING_READ,
  LISTENING_ADMIN,
  /** Erase a person everywhere and keep the erasure blocklist (admins only). */
  PRIVACY_ADMIN,
  /** See opportunities, pipelines, the board and the forecast (as record visibility allows). */
  DEALS_READ,
  /** Create, edit, move, win and lose opportunities; confirm gates; edit stakeholders. */
  DEALS_WRITE,
  /** Edit pipelines, their stages and gates, and the lost-reason list; set a forecast override. */
  DEALS_ADMIN,
  /** See support cases. */
  CASES_READ,
  /** Work support cases: assign, reply, change status, close with an outcome. */
  CASES_WRITE,
  /** Manage campaigns, brand tags and care routing. */
  CAMPAIGNS_ADMIN,
  /** Ask advocates (review, referral, quote) and issue referral codes. */
  ADVOCACY_WRITE,
  /** Connect one's own mailbox (IMAP and SMTP) so mail reaches the timeline. */
  MAIL_CONNECT
}
