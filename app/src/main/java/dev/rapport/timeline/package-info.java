/**
 * The one ordered list of touchpoints per person and per account: posts, replies, emails, calls,
 * meetings, notes, stage changes, deal events, orders, invoices, cases, referrals and mentions,
 * from every feature and from external systems. Append through the {@link
 * dev.rapport.timeline.Timeline} facade; a touchpoint's source (type and id) makes appends
 * idempotent. A feature appends to the timeline; the timeline never imports a feature.
 */
@org.springframework.modulith.ApplicationModule(
    displayName = "Timeline",
    allowedDependencies = {"people", "access", "shared"})
package dev.rapport.timeline;
