/**
 * People and companies: persons, accounts, social identities, identity resolution and merges, the
 * ideal customer profile, and CSV import and export. Other features refer to persons and accounts
 * by {@link dev.rapport.people.PersonId} and {@link dev.rapport.people.AccountId} and follow merges
 * through {@link dev.rapport.people.PersonsMerged}.
 */
@org.springframework.modulith.ApplicationModule(
    displayName = "People",
    allowedDependencies = {"access", "shared"})
package dev.rapport.people;
