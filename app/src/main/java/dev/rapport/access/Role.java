package dev.rapport.access;

import java.util.EnumSet;
import java.util.Set;

/** What a user is in the workspace; each role grants a fixed set of permissions. */
public enum Role {
  ADMIN(EnumSet.allOf(Permission.class)),
  MARKETING(
      EnumSet.of(
          Permission.PEOPLE_READ,
          Permission.PEOPLE_WRITE,
          Permission.IMPORT_RUN,
          Permission.TIMELINE_READ,
          Permission.TIMELINE_WRITE,
          Permission.LIFECYCLE_READ,
          Permission.LIFECYCLE_WRITE,
          Permission.LISTENING_READ,
          Permission.LISTENING_ADMIN,
          Permission.DEALS_READ,
          Permission.CASES_READ,
          Permission.CAMPAIGNS_ADMIN,
          Permission.ADVOCACY_WRITE,
          Permission.MAIL_CONNECT)),
  SALES(
      EnumSet.of(
          Permission.PEOPLE_READ,
          Permission.PEOPLE_WRITE,
          Permission.TIMELINE_READ,
          Permission.TIMELINE_WRITE,
          Permission.LIFECYCLE_READ,
          Permission.LIFECYCLE_WRITE,
          Permission.LISTENING_READ,
          Permission.DEALS_READ,
          Permission.DEALS_WRITE,
          Permission.CASES_READ,
          Permission.ADVOCACY_WRITE,
          Permission.MAIL_CONNECT)),
  SUPPORT(
      EnumSet.of(
          Permission.PEOPLE_READ,
          Permission.TIMELINE_READ,
          Permission.TIMELINE_WRITE,
          Permission.LIFECYCLE_READ,
          Permission.LISTENING_READ,
          Permission.DEALS_READ,
          Permission.CASES_READ,
          Permission.CASES_WRITE,
          Permission.ADVOCACY_WRITE,
          Permission.MAIL_CONNECT)),
  VIEWER(
      EnumSet.of(
          Permission.PEOPLE_READ,
          Permission.TIMELINE_READ,
          Permission.LIFECYCLE_READ,
          Permission.LISTENING_READ,
          Permission.DEALS_READ,
          Permission.CASES_READ));

  private final Set<Permission> permissions;

  Role(Set<Permission> permissions) {
    this.permissions = Set.copyOf(permissions);
  }

  public Set<Permission> permissions() {
    return permissions;
  }

  public boolean grants(Permission permission) {
    return permissions.contains(permission);
  }
}
