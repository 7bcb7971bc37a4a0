/**
 * Care: support cases opened from unhappy voices and support questions, their routing, SLA in
 * business hours, replies and outcomes, and alerts on complaint spikes. Other modules use the types
 * in this package; everything else lives in sub-packages, which are internal. Care hears listening
 * through {@link dev.rapport.listening.MentionCaptured} (durably, after the commit), times SLAs
 * with sales' {@link dev.rapport.sales.BusinessHours} (the workspace's one business calendar),
 * appends to the timeline and publishes {@link dev.rapport.care.CaseClosed}; none of those import
 * it.
 */
@org.springframework.modulith.ApplicationModule(
    displayName = "Care",
    allowedDependencies = {
      "listening",
      "people",
      "lifecycle",
      "timeline",
      "sales",
      "access",
      "shared"
    })
package dev.rapport.care;
