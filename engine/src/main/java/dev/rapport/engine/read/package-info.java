/**
 * The post readers: what a short social post means for a seller. {@link
 * dev.rapport.engine.read.PostReader} reads one post with the workspace's {@link
 * dev.rapport.engine.read.BrandSet} into a {@link dev.rapport.engine.read.Reading} (language,
 * sentiment, intents, life events, topics, each with evidence spans); {@link
 * dev.rapport.engine.read.InterestProfiler} turns a person's posts into weighted interests; {@link
 * dev.rapport.engine.read.ReadCli} does both in batch over JSON lines. Lexicons, cue lists and the
 * topic taxonomy, and the learned models' weights, are data files next to the classes; the rest of
 * the package is private to it.
 */
package dev.rapport.engine.read;
