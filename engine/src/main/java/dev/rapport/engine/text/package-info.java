/**
 * Text analysis for social posts. {@link dev.rapport.engine.text.Tokenizer} splits a post into
 * {@link dev.rapport.engine.text.Token}s that keep what social text means (hashtags, mentions,
 * cashtags, URLs, emoji, emoticons, contractions, numbers with units), lower-cased, accent-folded
 * and with elongations shortened. {@link dev.rapport.engine.text.Tokens} is the reusable buffer the
 * matcher's hot path fills without allocating per token.
 */
package dev.rapport.engine.text;
