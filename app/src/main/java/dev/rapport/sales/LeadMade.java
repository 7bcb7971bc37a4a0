package dev.rapport.sales;

import dev.rapport.people.PersonId;

/** A person made a lead by hand: the stage they were moved into and the source they were given. */
public record LeadMade(PersonId person, long stageId, String stage, LeadSource source) {}
