package dev.rapport.care.internal;

import dev.rapport.care.CaseClosed;
import dev.rapport.people.AccountId;
import dev.rapport.people.PersonId;
import java.time.Instant;

/** One case as stored. */
record CareCase(
    long id,
    PersonId person,
    AccountId account,
    String threadKey,
    String network,
    Long firstMentionId,
    String reason,
    String brand,
    String excerpt,
    Priority priority,
    CaseStatus status,
    CaseClosed.Outcome outcome,
    Long assigneeUserId,
    Long teamId,
    String routedBy,
    int slaMinutes,
    Instant openedAt,
    Instant dueAt,
    Instant firstResponseAt,
    Instant closedAt,
    Long previousCaseId) {}
