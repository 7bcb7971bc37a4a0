/**
 * The workspace shell: the layout every page shares, the home page with what waits, and global
 * search. It composes the features' public APIs and owns no data of its own.
 */
package dev.rapport.workspace;
