/**
 * Sales: the seller's day. The response inbox (mentions with an actionable reading become items,
 * routed, timed against an SLA and answered), leads and their explained scores, the pre-call brief,
 * keep-in-touch cadences and email on the timeline. Opportunities join it later. Other modules use
 * the facades in this package; everything else lives in sub-packages, which are internal. Sales
 * hears listening through {@link dev.rapport.listening.MentionCaptured} (durably, after the
 * commit), appends to the timeline and moves people through the lifecycle's facade; none of those
 * import it.
 */
@org.springframework.modulith.ApplicationModule(
    displayName = "Sales",
    allowedDependencies = {"listening", "people", "lifecycle", "timeline", "access", "shared"})
package dev.rapport.sales;
