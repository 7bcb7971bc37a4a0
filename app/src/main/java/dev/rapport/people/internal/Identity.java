package dev.rapport.people.internal;

import dev.rapport.people.Network;
import java.time.Instant;

/** A social identity: one account on one network, belonging to at most one person. */
record Identity(
    long id,
    Long personId,
    Network network,
    String handle,
    String profileUrl,
    String displayName,
    String bio,
    Integer followers,
    Instant createdAt) {}
