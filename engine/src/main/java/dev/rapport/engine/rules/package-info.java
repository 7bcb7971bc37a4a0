/**
 * The listening rule language, as marketers know it from Brandwatch and Talkwalker: terms and
 * "phrases", AND, OR, NOT (and a leading -), parentheses, NEAR/n and NEAR/nf, "phrase"~n, trailing
 * * and ? wildcards, #hashtags, @mentions, $cashtags and the fields author:, network:, lang:,
 * site:, links: and title:. {@link dev.rapport.engine.rules.RuleParser} turns text into a {@link
 * dev.rapport.engine.rules.Rule} or a {@link dev.rapport.engine.rules.ParseError} that names what
 * is wrong and at which column; a rule prints back to a canonical form that parses to the same
 * rule.
 */
package dev.rapport.engine.rules;
