package dev.rapport.sales;

import dev.rapport.people.PersonId;
import java.time.Instant;

/**
 * A person in an opportunity's buying decision: role, criteria, stance, and whether we reach them.
 */
public record Stakeholder(
    long id,
    long opportunityId,
    PersonId person,
    String personName,
    StakeholderRole role,
    String criteria,
    Stance stance,
    boolean access,
    String by,
    Instant updatedAt) {}
