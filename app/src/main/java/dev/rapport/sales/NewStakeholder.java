package dev.rapport.sales;

import dev.rapport.people.PersonId;

/** A stakeholder to add or to change (the person is the key within a deal). */
public record NewStakeholder(
    PersonId person, StakeholderRole role, String criteria, Stance stance, boolean access) {}
