/**
 * Advocacy: who speaks for us and whom they bring. An advocacy score per person with the records
 * behind it (positive posts, brand tags, referrals and what they earned, reviews, case outcomes),
 * the saved list of advocates and candidates, asks (review, referral, quote) on the timeline,
 * referral codes and links with their clicks, signups and revenue credit, and campaigns whose links
 * and tags tag the touchpoints that carry them. Advocacy hears other features' events (durably,
 * after their commit), appends to the timeline and moves people through the lifecycle's facade;
 * none of those import it. Other modules use the types in this package; everything else lives in
 * sub-packages, which are internal.
 */
@org.springframework.modulith.ApplicationModule(
    displayName = "Advocacy",
    allowedDependencies = {
      "people",
      "lifecycle",
      "timeline",
      "access",
      "shared",
      "sales",
      "care",
      "listening"
    })
package dev.rapport.advocacy;
