/**
 * How people and companies are kept: JDBC stores, identity resolution, merges, the ICP score, CSV
 * import and export, demo data, and the API and pages for them. Nothing here is used by other
 * features; they go through the facades in {@link dev.rapport.people}.
 */
package dev.rapport.people.internal;
