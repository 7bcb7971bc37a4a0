package dev.rapport.access.tokens;

/** What an API token may do: read only (GET) or read and write. */
public enum TokenScope {
  READ,
  READ_WRITE
}
