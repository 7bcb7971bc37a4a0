/**
 * The workspace shell: the layout every page shares, the home page with what waits, and global
 * search. It composes the features' public APIs and owns no data of its own.
 */
@org.springframework.modulith.ApplicationModule(
    displayName = "Workspace",
    allowedDependencies = {"people", "lifecycle", "timeline", "listening", "access", "shared"})
package dev.rapport.workspace;
