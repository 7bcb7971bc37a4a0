package dev.rapport.timeline;

/**
 * The record a touchpoint comes from: a type ("listening.mention", "billing.invoice"), its id in
 * that system, and optionally a URL to open it. Type and id together identify the touchpoint.
 */
public record SourceRef(String type, String id, String url) {}
