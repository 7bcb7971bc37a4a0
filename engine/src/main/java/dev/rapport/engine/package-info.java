/**
 * Rapport's engine: plain Java with no framework. Social-text analysis, the listening rule language
 * and its matcher, and the readers that tell what a post means, each with the evidence behind it.
 */
package dev.rapport.engine;
