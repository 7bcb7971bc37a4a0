/**
 * Care: support cases opened from unhappy voices and support questions, their routing, SLA in
 * business hours, replies and outcomes, and alerts on complaint spikes. Other modules use the types
 * in this package; everything else lives in sub-packages, which are internal.
 */
@org.springframework.modulith.ApplicationModule(
    displayName = "Care",
    allowedDependencies = {"listening", "people", "lifecycle", "timeline", "access", "shared"})
package dev.rapport.care;
