/**
 * The rule matcher. A {@link dev.rapport.engine.match.Matcher} holds standing rules (added, changed
 * and removed while it matches) and tells for each {@link dev.rapport.engine.match.Post} which
 * rules match and which character {@link dev.rapport.engine.match.Span}s made them match. Each rule
 * is compiled to a small int program and indexed under one anchor term, so a post is only checked
 * against the rules that could match it.
 */
package dev.rapport.engine.match;
