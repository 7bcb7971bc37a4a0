/**
 * The workspace shell: the layout every page shares, the home page as the signed-in user's day
 * (with the counts the left navigation shows), and global search. It composes the features' public
 * APIs and owns no data of its own.
 */
@org.springframework.modulith.ApplicationModule(
    displayName = "Workspace",
    allowedDependencies = {
      "people",
      "lifecycle",
      "timeline",
      "listening",
      "sales",
      "access",
      "shared"
    })
package dev.rapport.workspace;
