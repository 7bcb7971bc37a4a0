/**
 * Collab: the feed of a record (a person, an account, later an opportunity). Colleagues comment,
 * mention each other by user name (the subject-matter expert a deal needs), follow records, and see
 * stage changes posted by themselves; a mentioned or following user gets a notification (an in-app
 * list with an unread count). Everything lives in sub-packages, which are internal: the feed is
 * reached through its pages, its fragment on a record's page and its API. Whether a user may see a
 * record's feed is the record's own access question, asked per subject type behind one internal
 * interface ({@code FeedSubject}), so a new subject type (opportunities) is one class and a few
 * routes.
 */
@org.springframework.modulith.ApplicationModule(
    displayName = "Collab",
    allowedDependencies = {"people", "lifecycle", "timeline", "access", "shared"})
package dev.rapport.collab;
