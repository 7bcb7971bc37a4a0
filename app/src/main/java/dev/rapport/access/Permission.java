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
  PRIVACY_ADMIN
}
