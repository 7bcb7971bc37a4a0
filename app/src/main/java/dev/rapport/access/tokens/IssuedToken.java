package dev.rapport.access.tokens;

/** A newly created API token. {@code token} is the secret, shown this once and never stored. */
public record IssuedToken(long id, String name, TokenScope scope, String token) {}
