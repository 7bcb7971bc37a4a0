/**
 * Lifecycle models and where each person stands in them. Models are data (four templates ship:
 * circle, marketing–sales process, social funnel, hierarchy of effects); the workspace chooses one
 * and may rename, reorder and add stages. A person holds one stage per product line, and every
 * change is an appended {@link dev.rapport.lifecycle.StageChange} announced as {@link
 * dev.rapport.lifecycle.StageChanged}. Use the {@link dev.rapport.lifecycle.Lifecycle} facade.
 */
@org.springframework.modulith.ApplicationModule(
    displayName = "Lifecycle",
    allowedDependencies = {"people", "timeline", "access", "shared"})
package dev.rapport.lifecycle;
