/**
 * Who may do what: users, teams, roles, record visibility, API tokens and the audit log. Other
 * features ask this module who the current user is and record their changes in its audit log.
 */
@org.springframework.modulith.ApplicationModule(
    displayName = "Access",
    allowedDependencies = {"shared"})
package dev.rapport.access;
