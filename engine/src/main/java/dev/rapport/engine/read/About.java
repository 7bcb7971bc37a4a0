package dev.rapport.engine.read;

/** Whose brand a signal is about, as the workspace's {@link BrandSet} tells. */
public enum About {
  OURS,
  COMPETITOR,
  OTHER
}
