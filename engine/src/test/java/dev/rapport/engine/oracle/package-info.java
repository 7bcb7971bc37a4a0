/**
 * Test fixtures shared with bench/ through the engine test-jar: generators of rules and Zipf posts,
 * and the translation of rules and posts to Lucene, whose Monitor is the matcher's oracle and
 * baseline.
 */
package dev.rapport.engine.oracle;
